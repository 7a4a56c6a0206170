// A year heading or cell, read in the notation a layout declares. `any` is every notation the statements
// file accepts (fiscal-year-notation.ts); `reiwa` and `heisei` also read the bare era years such sheets
// print under an era caption (3, 3年度, 元年度); `gregorian` accepts only 2022-style years, so a
// misplaced era year cannot pass for one.
import { ERA_OFFSET, isSupportedFiscalYear } from '../../domain/fiscal-year';
import { readFiscalYear, type FiscalYearReading } from '../fiscal-year-notation';
import { toHalfWidth } from '../normalize';

export type YearNotation = 'any' | 'reiwa' | 'heisei' | 'gregorian';

const ERA_OF: Readonly<Record<'reiwa' | 'heisei', '令和' | '平成'>> = { reiwa: '令和', heisei: '平成' };

export function readYear(text: string, notation: YearNotation): FiscalYearReading {
  const plain = toHalfWidth(text).trim();
  if (notation === 'gregorian') {
    return /^(?:西暦)?\s*\d{4}\s*(?:年度?)?$/.test(plain) ? readFiscalYear(plain) : { problem: 'a year such as 2022 or 2022年度 (the layout says gregorian)' };
  }
  if (notation !== 'any') {
    const bare = /^(元|\d{1,2})\s*(?:年度?)?$/.exec(plain);
    if (bare) {
      const eraYear = bare[1] === '元' ? 1 : Number(bare[1]);
      const year = ERA_OFFSET[ERA_OF[notation]] + eraYear;
      return eraYear >= 1 && isSupportedFiscalYear(year) ? { year } : { problem: `a year of ${ERA_OF[notation]}, not ${plain}` };
    }
  }
  return readFiscalYear(plain);
}
