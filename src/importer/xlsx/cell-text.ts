// A workbook cell → the text a person sees in it, which is what a statement keeps as printed and what
// the one value reading (stated-value.ts) reads. Excel stores 15.9% as 0.159 with a percent format and
// 1,234 as 1234 with a grouping format: the format is applied here, so the printed text and the number
// agree with what was on screen. A cell with nothing to show (a formula saved without its result, an
// error such as #DIV/0!) says why instead.
import type { CellValue } from 'exceljs';

export type CellText = { text: string } | { unreadable: string; text: string };

/** Plain digits for whole numbers (never 1e+21, which would not read as a figure but hides one). */
function plainNumber(value: number, decimals: number | null): string {
  if (decimals !== null) return value.toFixed(Math.min(decimals, 20));
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(value);
}

/** The parts of a number format that change the digits: %, decimals, thousands separators. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const section = (numFmt ?? '').split(';')[0] ?? '';
  const plain = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const percent = plain.includes('%');
  const decimalsMatch = /\.([0#?]+)/.exec(plain);
  const decimals = decimalsMatch ? (decimalsMatch[1] ?? '').length : /[0#]/.test(plain) ? 0 : null;
  const shown = plainNumber(percent ? value * 100 : value, decimals);
  const grouped = /[0#],[0#]/.test(plain) ? shown.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : shown;
  return percent ? `${grouped}%` : grouped;
}

function dateText(date: Date): CellText {
  if (Number.isNaN(date.getTime())) return { unreadable: 'a valid date', text: '' };
  return { text: date.toISOString().slice(0, 10) };
}

/** The text of one cell's value, its number format applied. */
export function cellText(value: CellValue, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return { text: value.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('') };
  if ('error' in value) return { unreadable: `a value, not the error ${String(value.error)}`, text: String(value.error) };
  if ('hyperlink' in value) return { text: typeof value.text === 'string' ? value.text : '' };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    const result: unknown = value.result;
    // A formula's result is saved with the workbook by Excel; a generated file may hold the formula alone.
    if (result === undefined || result === null) return { unreadable: 'a value saved with the workbook, not a formula alone', text: `=${String(formula)}` };
    if (typeof result === 'object' && !(result instanceof Date)) return { unreadable: 'a value, not a formula with an error result', text: `=${String(formula)}` };
    if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' || result instanceof Date) return cellText(result, numFmt);
  }
  return { unreadable: 'a value a cell can hold', text: '' };
}
