// A1 references, as Excel and the people reading an error message write them: column letters and a
// 1-based row. Layouts name columns by letter (C) and cells by reference (B2).

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** XFD, the last column a workbook may have. */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = `${LETTERS[(n - 1) % 26] ?? ''}${letters}`;
  return letters;
}

/** A → 1, AA → 27; null for anything that is not a column of a workbook. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/i.test(letters)) return null;
  const n = [...letters.toUpperCase()].reduce((sum, letter) => sum * 26 + LETTERS.indexOf(letter) + 1, 0);
  return n <= MAX_COLUMN ? n : null;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** C7 → row 7, column 3; null for anything else. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d{1,7})$/i.exec(address.trim());
  if (!match) return null;
  const column = columnNumber(match[1] ?? '');
  const row = Number(match[2]);
  return column !== null && row >= 1 && row <= MAX_ROW ? { row, column } : null;
}
