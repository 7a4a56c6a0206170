// The statements file as a workbook: the same columns as the CSV (contract: statements-csv.md) on the
// first sheet, the first row holding anything being the header. Each row remembers its sheet and first
// cell, each target and actual its own cell, and errors name them: file.xlsx:Sheet1!C7: target: …
import { ReportParseError } from '../report-errors';
import { cellAddress } from '../xlsx/cell-address';
import { readWorkbook } from '../xlsx/read-workbook';
import { cellAt, isEmptyRow, type SheetGrid } from '../xlsx/sheet-grid';
import type { StatementsFile } from './read-statements';
import type { SourceCell } from './statement-row';
import { readStatementTable, type TableRecord } from './statement-table';

function record(sheet: SheetGrid, row: number, firstColumn: number, file: string | undefined): TableRecord {
  const cells: SourceCell[] = [];
  for (let column = firstColumn; column <= sheet.columnCount; column++) {
    const { text, unreadable } = cellAt(sheet, row, column);
    cells.push({ text, cell: cellAddress(row, column), ...(unreadable === null ? {} : { unreadable }) });
  }
  return { cells, origin: { file: file ?? null, sheet: sheet.name, line: null, cell: cellAddress(row, firstColumn) } };
}

export async function readStatementsWorkbook(bytes: Uint8Array, file?: string): Promise<StatementsFile> {
  const { sheets } = await readWorkbook(bytes, file);
  const [sheet] = sheets;
  if (!sheet) throw new ReportParseError(null, 'a workbook with a sheet', 'none', file);
  let headerRow = 1;
  while (headerRow <= sheet.rowCount && isEmptyRow(sheet, headerRow)) headerRow++;
  if (headerRow > sheet.rowCount) throw new ReportParseError({ sheet: sheet.name }, 'a header row naming the columns', '', file);
  // The table starts where its header does: a sheet may leave column A empty.
  let firstColumn = 1;
  while (cellAt(sheet, headerRow, firstColumn).text.trim() === '') firstColumn++;
  const body: TableRecord[] = [];
  for (let row = headerRow + 1; row <= sheet.rowCount; row++) body.push(record(sheet, row, firstColumn, file));
  return { ...readStatementTable(record(sheet, headerRow, firstColumn, file), body), encoding: null };
}
