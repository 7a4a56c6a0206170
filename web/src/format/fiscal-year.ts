// 和暦 labels for fiscal years, as the server writes them (src/domain/fiscal-year.ts; a unit test checks
// the two agree): the page needs them where it has only a number, such as a chart's axis.

const REIWA_OFFSET = 2018;
const HEISEI_OFFSET = 1988;

/** 2021 → 令和3年度, 2019 → 令和元年度 (by convention, though it began in 平成31年), 2018 → 平成30年度. */
export function warekiFiscalYear(year: number): string {
  const [era, offset] = year > REIWA_OFFSET ? ['令和', REIWA_OFFSET] : ['平成', HEISEI_OFFSET];
  const eraYear = year - offset;
  return `${era}${eraYear === 1 ? '元' : eraYear}年度`;
}

/** 令和3年度 (2021): the era year for readers of council documents, the Gregorian one beside it. */
export function fiscalYearLabel(year: number): string {
  return `${warekiFiscalYear(year)} (${year})`;
}

/** The same in two lines, for a chart's axis where width is short. */
export function fiscalYearAxisLabel(year: number): string {
  return `${warekiFiscalYear(year)}\n(${year})`;
}
