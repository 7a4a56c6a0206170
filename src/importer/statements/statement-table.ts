// A statements table, wherever it was read from (a CSV file's records, a workbook's first sheet): the
// header row names the columns, in any order; every other row that is not empty is a statement.
import { formatPlace, ReportParseError, type SheetPlace } from '../report-errors';
import { isStatementColumn, REQUIRED_COLUMNS, type StatementColumn } from './statement-columns';
import { readStatementRow, type RowOrigin, type SourceCell, type StatementRow } from './statement-row';

export interface TableRecord {
  cells: SourceCell[];
  origin: RowOrigin;
}

/** Where a record's cell stands, for errors and warnings: its line in a CSV file, its cell in a workbook. */
export function placeOf(origin: RowOrigin, cell: string | null = origin.cell): number | SheetPlace {
  return origin.sheet === null ? (origin.line ?? 0) : { sheet: origin.sheet, ...(cell ? { cell } : {}) };
}

export function readStatementTable(header: TableRecord, body: readonly TableRecord[]): { rows: StatementRow[]; warnings: string[] } {
  const file = header.origin.file ?? undefined;
  const names = header.cells.map((cell) => cell.text.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) throw new ReportParseError(placeOf(header.origin), `the columns ${missing.join(', ')}`, names.join(','), file);
  const warnings = header.cells
    .filter((cell) => cell.text.trim() !== '' && !isStatementColumn(cell.text.trim()))
    .map((cell) => `${formatPlace(file, placeOf(header.origin, cell.cell))}: the column ${cell.text.trim()} is not one of the statements file's: ignored`);
  const index = new Map<StatementColumn, number>();
  names.forEach((name, i) => {
    if (isStatementColumn(name) && !index.has(name)) index.set(name, i);
  });
  const rows = body
    .filter((record) => record.cells.some((cell) => cell.text.trim() !== ''))
    .map((record) =>
      readStatementRow((column) => {
        const at = index.get(column);
        return (at === undefined ? undefined : record.cells[at]) ?? { text: '', cell: null };
      }, record.origin),
    );
  return { rows, warnings };
}
