// A CSV file as a grid, so one layout engine reads sheets and CSV files alike. Rows are records (a quoted
// cell may span lines); places in errors are the lines the records start on.
import { readCsvRecords } from '../statements/csv-records';
import { decodeText } from '../statements/decode-text';
import { gridKey, type GridCell, type SheetGrid } from '../xlsx/sheet-grid';

export function csvGrid(bytes: Uint8Array, file: string | undefined): SheetGrid {
  const records = readCsvRecords(decodeText(bytes).text, file);
  const cells = new Map<string, GridCell>();
  let columnCount = 0;
  records.forEach((record, index) => {
    record.cells.forEach((text, column) => {
      if (text === '') return;
      cells.set(gridKey(index + 1, column + 1), { text, unreadable: null, mergedInto: null });
      columnCount = Math.max(columnCount, column + 1);
    });
  });
  return { name: '', rowCount: records.length, columnCount, cells, lines: records.map((record) => record.line) };
}
