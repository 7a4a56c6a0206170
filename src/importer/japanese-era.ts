// Reports date everything in Japanese era years (令和3年度); the ledger keys on Gregorian fiscal years.
// This reads headings → year; the way back, year → label, is the domain's (src/domain/fiscal-year.ts).
import { ERA_OFFSET, type EraName } from '../domain/fiscal-year';

export interface EraYear {
  /** Gregorian (fiscal) year. */
  year: number;
  era: EraName;
  /** Year within the era; 1 for 元. */
  eraYear: number;
  /** The expression normalised to ASCII digits, 元 kept as written: 令和3年度, 令和元年度, 平成元年. */
  label: string;
  /** Where the expression starts in the searched text and how long it is there. */
  index: number;
  length: number;
}

const ERA_PATTERN = /(令和|平成)[ \u3000]*(元|[0-9０-９]+|[〇一二三四五六七八九十]+)[ \u3000]*年(度?)/;

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 三 → 3, 十二 → 12, 三十一 → 31: era years and chapter numbers never need more than 十 as a multiplier. */
export function parseKanjiNumber(text: string): number | null {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match) return null;
  const [, tens = '', ten = '', ones = ''] = match;
  if (ten === '') return ones === '' && tens !== '' ? (KANJI_DIGITS[tens] ?? null) : null;
  return (tens === '' ? 1 : (KANJI_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (KANJI_DIGITS[ones] ?? 0));
}

function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

function eraNumber(written: string): number | null {
  if (written === '元') return 1;
  if (/^[0-9０-９]+$/.test(written)) return Number(asciiDigits(written));
  return parseKanjiNumber(written);
}

/** The first era year in the text (令和3年度目標 → 2021), or null when there is none or it is malformed (令和0年). */
export function findEraYear(text: string): EraYear | null {
  const match = ERA_PATTERN.exec(text);
  if (!match) return null;
  const [whole, era, written = '', fiscal = ''] = match;
  const eraYear = eraNumber(written);
  if (eraYear === null || eraYear < 1) return null;
  const eraName = era as EraName;
  const shown = written === '元' ? '元' : String(eraYear);
  return {
    year: ERA_OFFSET[eraName] + eraYear,
    era: eraName,
    eraYear,
    label: `${eraName}${shown}年${fiscal}`,
    index: match.index,
    length: whole.length,
  };
}

/** 令和3年度 → 2021, 平成元年 → 1989, 平成31年度 → 2019; null when the text names no era year. */
export function parseEraYear(text: string): number | null {
  return findEraYear(text)?.year ?? null;
}
