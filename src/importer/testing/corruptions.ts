// Seeded corruptions of importer inputs for the fuzz test: each takes the PRNG and a valid input and
// returns a damaged one, named, so a failure can be reproduced from the seed and the case number.
import iconv from 'iconv-lite';
import type { CellValue } from 'exceljs';
import { pick } from '../../cli/commands/generate/random';

export type Random = () => number;

const int = (random: Random, below: number): number => Math.floor(random() * below);

/** Cell texts that have broken importers: absurd numbers, dates that are none, formulas, marks, noise. */
export const NASTY_CELLS: readonly string[] = [
  '1e309', '-1e309', '10^20', '100000000000000000000', '9'.repeat(40), '0x1F', 'NaN', 'Infinity', '-0', '△-5', '▲▲5',
  '１，２３４，５６７．８９', '1,23,4', '12.', '.5', '5..5', '令和0年度', 'H99', '平成99年度', 'R100', '2022-02-30', '0000年度', '昭和60年度',
  '=1+1', '=HYPERLINK("x")', '@SUM(A1)', '+1', '―', '－', '見込', '(見込)', '17(見込)(見込)', '%', '100%%', '17 団体 団体',
  '__proto__', 'constructor', 'toString', '\u0000', '\ud800', '\u202e17', '\t', '\r', '"', '""', ',', ';', '\n\n\n', ' '.repeat(50),
  'あ'.repeat(5000), '5-1-1', '5-1', '0-0-0', '99999-99999-99999', 'measure', 'project', 'COST', 'OUTCOME', '上山市', '062073', '062074',
];

export type Corruption<T> = { name: string; apply: (input: T, random: Random) => T };

const splice = (bytes: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array()): Uint8Array =>
  Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(Math.min(bytes.length, at + remove))]);

/** Damage at the level of bytes: any file. */
export const BYTE_CORRUPTIONS: readonly Corruption<Uint8Array>[] = [
  { name: 'truncated', apply: (b, r) => b.subarray(0, int(r, b.length)) },
  { name: 'a byte flipped', apply: (b, r) => { const c = new Uint8Array(b); const at = int(r, c.length); c[at] = (c[at] ?? 0) ^ (1 << int(r, 8)); return c; } },
  { name: 'bytes removed', apply: (b, r) => splice(b, int(r, b.length), 1 + int(r, 64)) },
  { name: 'random bytes inserted', apply: (b, r) => splice(b, int(r, b.length), 0, Uint8Array.from({ length: 1 + int(r, 32) }, () => int(r, 256))) },
  { name: 'a block duplicated', apply: (b, r) => { const at = int(r, b.length); return splice(b, at, 0, b.subarray(at, at + int(r, 200))); } },
  { name: 'empty', apply: () => new Uint8Array() },
];

/** Damage to a CSV file's text and encoding. */
export const CSV_CORRUPTIONS: readonly Corruption<string>[] = [
  { name: 'broken quoting', apply: (t, r) => { const at = int(r, t.length); return `${t.slice(0, at)}"${t.slice(at)}`; } },
  { name: 'a quoted cell left open', apply: (t) => `${t}\n"062073,2021` },
  { name: 'columns swapped in the header', apply: (t, r) => swapCells(t, 0, r) },
  { name: 'columns swapped in a row', apply: (t, r) => swapCells(t, 1 + int(r, t.split('\n').length - 1), r) },
  { name: 'a nasty cell', apply: (t, r) => replaceCell(t, r, pick(r, NASTY_CELLS)) },
  { name: 'three nasty cells', apply: (t, r) => [1, 2, 3].reduce((text) => replaceCell(text, r, pick(r, NASTY_CELLS)), t) },
  { name: 'a line removed', apply: (t, r) => { const lines = t.split('\n'); lines.splice(int(r, lines.length), 1); return lines.join('\n'); } },
  { name: 'a row of extra cells', apply: (t) => `${t}\n${',x'.repeat(200)}` },
  { name: 'a huge cell', apply: (t, r) => replaceCell(t, r, `"${'1'.repeat(100_000)}"`) },
  { name: 'a BOM mid-file', apply: (t, r) => { const at = int(r, t.length); return `${t.slice(0, at)}\ufeff${t.slice(at)}`; } },
];

/** The CSV text as bytes in an encoding it may not be declared in. */
export function encodeSomehow(text: string, random: Random): Uint8Array {
  return pick(random, [
    () => Buffer.from(text, 'utf8'),
    () => iconv.encode(text, 'cp932'),
    () => iconv.encode(text, 'utf16le'),
    () => iconv.encode(text, 'euc-jp'),
    () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  ])();
}

function swapCells(text: string, lineIndex: number, random: Random): string {
  const lines = text.split('\n');
  const cells = (lines[lineIndex] ?? '').split(',');
  const a = int(random, cells.length);
  const b = int(random, cells.length);
  [cells[a], cells[b]] = [cells[b] ?? '', cells[a] ?? ''];
  lines[lineIndex] = cells.join(',');
  return lines.join('\n');
}

function replaceCell(text: string, random: Random, cell: string): string {
  const lines = text.split('\n');
  const at = 1 + int(random, Math.max(1, lines.length - 1));
  const cells = (lines[at] ?? '').split(',');
  cells[int(random, cells.length)] = cell;
  lines[at] = cells.join(',');
  return lines.join('\n');
}

/** A workbook cell's damage: what exceljs may write into a cell. */
export function nastyCellValue(random: Random): CellValue {
  return pick(random, [
    () => pick(random, NASTY_CELLS),
    () => pick(random, [1e308 * 10, -1e308 * 10, 1e20, 1e21, -0, 5e-324, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2]),
    () => new Date(pick(random, [Number.NaN, -8.64e15, 8.64e15, 0, Date.UTC(2021, 1, 30)])),
    () => ({ formula: 'A1+1' }),
    () => ({ formula: 'A1+1', result: pick(random, [1, 'x', 1e21]) }),
    () => ({ error: pick(random, ['#DIV/0!', '#N/A', '#REF!'] as const) }),
    () => ({ richText: [{ text: '1' }, { text: pick(random, ['7', '\n18', '万円', '']) }] }),
    () => pick(random, [true, false, null]),
  ])();
}

/** Damage to a layout's text: lines lost or cut, values replaced, indentation broken. */
export const LAYOUT_CORRUPTIONS: readonly Corruption<string>[] = [
  { name: 'truncated', apply: (t, r) => t.slice(0, int(r, t.length)) },
  { name: 'a line removed', apply: (t, r) => { const lines = t.split('\n'); lines.splice(int(r, lines.length), 1); return lines.join('\n'); } },
  { name: 'a value replaced', apply: (t, r) => t.replace(/: ([^\n{}]+)$/m, () => `: ${pick(r, ['', '[', '{', '*x', '&a', '-1', '0', 'ZZZZ', 'A0', '1e309', "'(?<'", 'null', '~', '"\\u0000"'])}`) },
  { name: 'indentation broken', apply: (t, r) => { const lines = t.split('\n'); const at = int(r, lines.length); lines[at] = ` ${lines[at] ?? ''}`; return lines.join('\n'); } },
  { name: 'a key misspelt', apply: (t, r) => { const keys = [...t.matchAll(/^(\s*)(\w+):/gm)]; const key = keys[int(r, keys.length)]; return key ? t.replace(key[0], `${key[1] ?? ''}${key[2] ?? ''}x:`) : t; } },
  { name: 'a column letter changed', apply: (t, r) => t.replace(/column: ([A-Z])/, () => `column: ${pick(r, ['A', 'Z', 'XFD', 'XFE', 'AA'])}`) },
  { name: 'header rows moved', apply: (t, r) => t.replace(/header_rows: \{ from: \d+, to: \d+ \}/, () => `header_rows: { from: ${1 + int(r, 6)}, to: ${1 + int(r, 6)} }`) },
];
