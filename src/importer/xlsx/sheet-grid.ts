// A sheet as the importer reads it: a grid of printed texts by row and column, nothing of exceljs's
// model. Readers ask for a cell's text through `readText`, which refuses an unreadable cell (a formula
// without its result, an error value) naming the sheet and the cell.
import { ReportParseError } from '../report-errors';
import { cellAddress } from './cell-address';

export interface GridCell {
  text: string;
  /** Why the cell has no text a statement could keep; null when it reads. */
  unreadable: string | null;
  /** For a cell covered by a merged range, the range's first cell (which holds the text); else null. */
  mergedInto: string | null;
}

export interface SheetGrid {
  name: string;
  /** The last row and column holding anything. */
  rowCount: number;
  columnCount: number;
  /** Cells by `row:column`; an absent one is empty. */
  cells: ReadonlyMap<string, GridCell>;
}

export interface WorkbookGrid {
  file: string | undefined;
  sheets: SheetGrid[];
}

const EMPTY: GridCell = { text: '', unreadable: null, mergedInto: null };

export const gridKey = (row: number, column: number): string => `${row}:${column}`;

export function cellAt(sheet: SheetGrid, row: number, column: number): GridCell {
  return sheet.cells.get(gridKey(row, column)) ?? EMPTY;
}

/** The printed text of a cell, or a ReportParseError at the cell when it has none to give. */
export function readText(sheet: SheetGrid, row: number, column: number, file: string | undefined, field?: string): string {
  const cell = cellAt(sheet, row, column);
  if (cell.unreadable !== null) throw new ReportParseError({ sheet: sheet.name, cell: cellAddress(row, column) }, cell.unreadable, cell.text, file, field);
  return cell.text;
}

/** True when nothing in the row has any text. */
export function isEmptyRow(sheet: SheetGrid, row: number): boolean {
  for (let column = 1; column <= sheet.columnCount; column++) {
    if (cellAt(sheet, row, column).text.trim() !== '') return false;
  }
  return true;
}
