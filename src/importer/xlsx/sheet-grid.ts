// A sheet as the importer reads it: a grid of printed texts by row and column, nothing of exceljs's
// model. Readers ask for a cell's text through `readText`, which refuses an unreadable cell (a formula
// without its result, an error value) naming the sheet and the cell.
import { ReportParseError, type SheetPlace } from '../report-errors';
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
  /**
   * For a grid read from a CSV file, the line each row (record) starts on, by row − 1: places there are
   * lines, not cells, and the sheet has no name worth giving. Null for a workbook's sheet.
   */
  lines: readonly number[] | null;
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

/** A cell's address (A1), or null in a CSV file, where addresses mean nothing to the person reading. */
export function addressIn(sheet: SheetGrid, row: number, column: number): string | null {
  return sheet.lines === null ? cellAddress(row, column) : null;
}

/** Where errors say a cell is: its sheet and address, or its line in a CSV file. */
export function placeIn(sheet: SheetGrid, row: number, column?: number): number | SheetPlace {
  if (sheet.lines !== null) return sheet.lines[row - 1] ?? row;
  return column === undefined ? { sheet: sheet.name } : { sheet: sheet.name, cell: cellAddress(row, column) };
}

/** The printed text of a cell, or a ReportParseError at the cell when it has none to give. */
export function readText(sheet: SheetGrid, row: number, column: number, file: string | undefined, field?: string): string {
  const cell = cellAt(sheet, row, column);
  if (cell.unreadable !== null) throw new ReportParseError(placeIn(sheet, row, column), cell.unreadable, cell.text, file, field);
  return cell.text;
}

/** True when nothing in the row has any text. */
export function isEmptyRow(sheet: SheetGrid, row: number): boolean {
  for (let column = 1; column <= sheet.columnCount; column++) {
    if (cellAt(sheet, row, column).text.trim() !== '') return false;
  }
  return true;
}
