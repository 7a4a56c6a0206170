// The statements file (contract: statements-csv.md) → its rows, each read and checked, with the line it
// stands on. Every row is read before anything is written: one bad cell fails the whole file, naming
// the file, the line and the column.
import { ReportParseError } from '../report-errors';
import { readCsvRecords, type CsvRecord } from './csv-records';
import { decodeText, type TextEncodingName } from './decode-text';
import { csvOrigin, type StatementRow } from './statement-row';
import { readStatementTable, type TableRecord } from './statement-table';

export interface StatementsFile {
  rows: StatementRow[];
  /** For a CSV file; a workbook's is null. */
  encoding: TextEncodingName | null;
  warnings: string[];
}

export function readStatements(bytes: Uint8Array, file?: string): StatementsFile {
  const { text, encoding } = decodeText(bytes);
  const asTable = (record: CsvRecord): TableRecord => ({ cells: record.cells.map((text) => ({ text, cell: null })), origin: csvOrigin(record.line, file) });
  const [header, ...body] = readCsvRecords(text, file);
  if (!header) throw new ReportParseError(1, 'a header row naming the columns', '', file);
  return { ...readStatementTable(asTable(header), body.map(asTable)), encoding };
}
