// A workbook sheet's damage for the fuzz tests (the importer's, and the import's against a store): cells
// replaced by what has broken importers, now and then a merge, or two columns swapped.
import type { CellValue } from 'exceljs';
import { cellAddress } from '../xlsx/cell-address';
import type { SheetSpec } from './build-workbook';
import { nastyCellValue, type Random } from './corruptions';

/** The sheet with one to four cells replaced by nasty values, and now and then a merge or two columns swapped. */
export function damagedSheet(sheet: SheetSpec, random: Random, rows: number, columns: number): SheetSpec {
  const cells: Record<string, CellValue> = { ...sheet.cells };
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) cells[cellAddress(1 + Math.floor(random() * rows), 1 + Math.floor(random() * columns))] = nastyCellValue(random);
  const merges = [...(sheet.merges ?? [])];
  if (random() < 0.2) {
    const row = 1 + Math.floor(random() * rows);
    const column = 1 + Math.floor(random() * (columns - 1));
    const range = `${cellAddress(row, column)}:${cellAddress(row + Math.floor(random() * 2), column + 1)}`;
    // exceljs refuses a merge that overlaps another: none is added in rows near the sheet's own.
    if (!merges.some((m) => [...m.matchAll(/\d+/g)].some(([r]) => Math.abs(Number(r) - row) <= 1))) merges.push(range);
  }
  let sheetRows = sheet.rows;
  if (random() < 0.15) {
    const a = Math.floor(random() * columns);
    const b = Math.floor(random() * columns);
    sheetRows = sheet.rows.map((row) => row.map((cell, i) => (i === a ? row[b] : i === b ? row[a] : cell)));
  }
  return { ...sheet, rows: sheetRows, cells, merges };
}
