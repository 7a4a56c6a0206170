// An .xlsx file → its sheets as grids of printed text. exceljs reads the file; whatever it throws on a
// file that is not a workbook (not a zip, truncated, XML it cannot read) becomes one ReportParseError
// naming the file, so a caller sees the same kind of error for a bad workbook as for a bad CSV.
import ExcelJS from 'exceljs';
import { ReportParseError } from '../report-errors';
import { cellText } from './cell-text';
import { gridKey, type GridCell, type SheetGrid, type WorkbookGrid } from './sheet-grid';

/** Beyond these a file is not a report someone typed: refused before it can exhaust memory. */
export const MAX_WORKBOOK_BYTES = 32 * 1024 * 1024;
export const MAX_SHEET_CELLS = 500_000;

async function loadWorkbook(bytes: Uint8Array, file: string | undefined): Promise<ExcelJS.Workbook> {
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new ReportParseError(null, `a workbook of at most ${MAX_WORKBOOK_BYTES} bytes`, `${bytes.length} bytes`, file);
  // A zip file starts with PK\x03\x04; anything else (a CSV, a legacy .xls) is refused before exceljs sees it.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new ReportParseError(null, 'an .xlsx workbook (a zip file: .xls and .csv are other formats)', new TextDecoder().decode(bytes.subarray(0, 16)), file);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (JSZip reads one); a copy also detaches it from the caller's bytes.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReportParseError(null, 'an .xlsx workbook exceljs can read', reason.slice(0, 200), file);
  }
  return workbook;
}

function sheetGrid(worksheet: ExcelJS.Worksheet, file: string | undefined): SheetGrid {
  const cells = new Map<string, GridCell>();
  let rowCount = 0;
  let columnCount = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cells.size >= MAX_SHEET_CELLS) throw new ReportParseError({ sheet: worksheet.name }, `a sheet of at most ${MAX_SHEET_CELLS} cells`, 'more', file);
      const master = cell.isMerged && cell.master.address !== cell.address ? cell.master : null;
      const shown = cellText((master ?? cell).value, (master ?? cell).numFmt);
      const unreadable = 'unreadable' in shown ? shown.unreadable : null;
      if (shown.text === '' && unreadable === null && master === null) return;
      cells.set(gridKey(rowNumber, columnNumber), { text: shown.text, unreadable, mergedInto: master?.address ?? null });
      rowCount = Math.max(rowCount, rowNumber);
      columnCount = Math.max(columnCount, columnNumber);
    });
  });
  return { name: worksheet.name, rowCount, columnCount, cells, lines: null };
}

export async function readWorkbook(bytes: Uint8Array, file: string | undefined): Promise<WorkbookGrid> {
  const workbook = await loadWorkbook(bytes, file);
  const sheets = workbook.worksheets.map((worksheet) => sheetGrid(worksheet, file));
  if (sheets.length === 0) throw new ReportParseError(null, 'a workbook with at least one sheet', 'none', file);
  return { file, sheets };
}
