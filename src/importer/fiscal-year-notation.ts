// A fiscal year as a cell or a column heading writes it, in any notation municipalities print:
// 2022, 2022年度, 令和4年度, 令和元年度, R4, H30, R元, and two at once, 平成25年度 (2013年度), which must
// agree. Full-width digits and letters too. Statements files and declared layouts read years through this.
import { ERA_OFFSET, isSupportedFiscalYear, type EraName } from '../domain/fiscal-year';
import { findEraYear } from './japanese-era';
import { toHalfWidth } from './normalize';

const ABBREVIATED_ERAS: Readonly<Record<string, EraName>> = { R: '令和', H: '平成' };

export type FiscalYearReading = { year: number } | { problem: string };

/** R4 → 2022, H30 → 2018, R元 → 2019, with an optional 年 or 年度 after it. */
function abbreviatedEraYear(text: string): number | null {
  const match = /^([RH])\.?\s*(元|\d{1,2})\s*(?:年度?)?$/i.exec(text);
  if (!match) return null;
  const era = ABBREVIATED_ERAS[(match[1] ?? '').toUpperCase()];
  if (!era) return null;
  const eraYear = match[2] === '元' ? 1 : Number(match[2]);
  return eraYear >= 1 ? ERA_OFFSET[era] + eraYear : null;
}

/** 2022, 2022年, 2022年度 (and 西暦2022年度). */
function gregorianYear(text: string): number | null {
  const match = /^(?:西暦)?\s*(\d{4})\s*(?:年度?)?$/.exec(text);
  return match ? Number(match[1]) : null;
}

/** One notation, the whole of `text`; null when `text` is none of them. */
function oneNotation(text: string): number | null {
  const era = findEraYear(text);
  if (era && era.index === 0 && era.length === text.length) return era.year;
  return gregorianYear(text) ?? abbreviatedEraYear(text);
}

/**
 * The fiscal year `text` names, or a problem saying what was expected. `平成25年度 (2013年度)` and
 * `2013年度（平成25年度）` name one year twice, and the two must agree.
 */
export function readFiscalYear(text: string): FiscalYearReading {
  const plain = toHalfWidth(text).trim().replace(/\s+/g, ' ');
  const twice = /^(.+?)\s*\((.+)\)$/.exec(plain);
  const readings = twice ? [oneNotation((twice[1] ?? '').trim()), oneNotation((twice[2] ?? '').trim())] : [oneNotation(plain)];
  const [first, second] = readings;
  if (first === null || first === undefined || (twice && (second === null || second === undefined))) {
    return { problem: 'a fiscal year (2022, 2022年度, 令和4年度, R4 or H30)' };
  }
  if (twice && second !== first) return { problem: `one fiscal year, but the two notations name ${first} and ${second}` };
  if (!isSupportedFiscalYear(first)) return { problem: `a fiscal year from 1989 to 2100, not ${first}` };
  return { year: first };
}
