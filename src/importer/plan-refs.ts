// Codes such as 5-1-1 are how measures are joined across sheets and editions, so they are folded to one
// spelling (ASCII digits, ASCII hyphen) while the titles next to them stay as published.

import { parseKanjiNumber } from './japanese-era';
import { normalizeName, toHalfWidth } from './normalize';

export interface CodeTitle {
  code: string;
  title: string;
}

const DASH = '[\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70]';

function codePattern(parts: number): RegExp {
  const numbers = Array.from({ length: parts }, () => '(\\d+)').join(`\\s*${DASH}\\s*`);
  // The lookahead keeps 5-1 from matching the start of 5-1-1.
  return new RegExp(`^${numbers}(?!\\s*${DASH}\\s*\\d)\\s*(.*)$`);
}

const POLICY = codePattern(2);
const MEASURE = codePattern(3);
const MEASURE_START = new RegExp(`\\s+(?=\\d+\\s*${DASH}\\s*\\d+\\s*${DASH}\\s*\\d+)`, 'g');
const CHAPTER = /^第\s*([0-9]+|[一二三四五六七八九十]+)\s*章\s*(.*)$/;
const STRATEGY_START = /\s+(?=\d+\s)/g;
const NONE = new Set(['該当なし', 'なし']);

function splitCodeTitle(text: string, pattern: RegExp): CodeTitle | null {
  const trimmed = text.trim();
  const folded = toHalfWidth(trimmed);
  const match = pattern.exec(folded);
  if (!match) return null;
  const rest = match[match.length - 1] ?? '';
  // toHalfWidth keeps positions, so the title can be cut from the published text.
  const title = normalizeName(trimmed.slice(folded.length - rest.length));
  if (title === '') return null;
  return { code: match.slice(1, -1).map((part) => String(Number(part))).join('-'), title };
}

/** "5-1 みんなが主役の..." → {code: 5-1, title}; null unless the text is a two-part code and a title. */
export function parsePolicy(text: string): CodeTitle | null {
  return splitCodeTitle(text, POLICY);
}

/** "5-1-1 多様な担い手..." → {code: 5-1-1, title}; null unless the text is a three-part code and a title. */
export function parseMeasureRef(text: string): CodeTitle | null {
  return splitCodeTitle(text, MEASURE);
}

/** "第5章 つながる..." → {number: 5, title}; null when the line is not a chapter heading. */
export function parseChapter(text: string): { number: number; title: string } | null {
  const trimmed = text.trim();
  const folded = toHalfWidth(trimmed);
  const match = CHAPTER.exec(folded);
  if (!match) return null;
  const [, written = '', rest = ''] = match;
  const number = /^\d+$/.test(written) ? Number(written) : parseKanjiNumber(written);
  const title = normalizeName(trimmed.slice(folded.length - rest.length));
  return number === null || title === '' ? null : { number, title };
}

function splitBefore(text: string, boundary: RegExp): string[] {
  const trimmed = text.trim();
  const pieces: string[] = [];
  let start = 0;
  for (const match of toHalfWidth(trimmed).matchAll(boundary)) {
    pieces.push(trimmed.slice(start, match.index));
    start = (match.index ?? 0) + match[0].length;
  }
  pieces.push(trimmed.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

/** One cell may name several measures: "5-2-1 地域自治活動の育成 6-2-1 効率的な行政運営の推進" → two pieces. */
export function splitMeasureRefs(text: string): string[] {
  return splitBefore(text, MEASURE_START);
}

/**
 * 創生総合戦略 entries as written; each starts with its number, which is where one cell holding several
 * is split ("2 かみのやま… 5 連携施策等 …" → two). 該当なし means none.
 */
export function splitStrategies(text: string): string[] {
  if (NONE.has(toHalfWidth(text).replace(/\s+/g, ''))) return [];
  return splitBefore(text, STRATEGY_START);
}
