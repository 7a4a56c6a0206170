// The ledger keys on Gregorian fiscal years and shows them as Japanese era years (令和3年度).

/** The range a report may plausibly talk about; anything outside is a misread, not data. */
export const MIN_FISCAL_YEAR = 1989;
export const MAX_FISCAL_YEAR = 2100;

export type EraName = '令和' | '平成';

/** Gregorian year = offset + era year. By convention fiscal year 2019 is already 令和元年度 (平成31年度 names it too). */
export const ERA_OFFSET: Readonly<Record<EraName, number>> = { 令和: 2018, 平成: 1988 };

export function isSupportedFiscalYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR;
}

/** 2021 → 令和3年度, 2019 → 令和元年度, 2018 → 平成30年度. */
export function fiscalYearLabel(year: number): string {
  if (!isSupportedFiscalYear(year)) {
    throw new RangeError(`fiscal year ${year} is outside ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`);
  }
  const era: EraName = year > ERA_OFFSET.令和 ? '令和' : '平成';
  const eraYear = year - ERA_OFFSET[era];
  return `${era}${eraYear === 1 ? '元' : eraYear}年度`;
}
