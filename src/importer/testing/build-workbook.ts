// Builds .xlsx fixtures in memory with exceljs, so tests describe a workbook as data beside the
// assertions and no binary file is committed.
import ExcelJS, { type CellValue } from 'exceljs';

export interface SheetSpec {
  name: string;
  /** Row by row from A1; undefined leaves a cell empty. */
  rows: readonly (readonly CellValue[])[];
  /** Ranges such as 'F1:G1'; the first cell's value is the range's. */
  merges?: readonly string[];
  /** Number formats by cell, e.g. { H3: '0.0%' }. */
  numFmts?: Readonly<Record<string, string>>;
  /** Values set after the rows, by cell: formulas, dates, rich text. */
  cells?: Readonly<Record<string, CellValue>>;
}

export async function buildWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
    }));
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    for (const [address, value] of Object.entries(spec.cells ?? {})) sheet.getCell(address).value = value;
    for (const [address, numFmt] of Object.entries(spec.numFmts ?? {})) sheet.getCell(address).numFmt = numFmt;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
