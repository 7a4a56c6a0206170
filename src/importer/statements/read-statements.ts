// The statements file (contract: statements-csv.md) → its rows, each read and checked, with the line it
// stands on. Every row is read before anything is written: one bad cell fails the whole file, naming
// the file, the line and the column.
import { parse } from 'csv-parse/sync';
import { ReportParseError } from '../report-errors';
import { decodeText, type TextEncodingName } from './decode-text';
import { csvOrigin, type StatementRow } from './statement-row';
import { readStatementTable, type TableRecord } from './statement-table';

export interface StatementsFile {
  rows: StatementRow[];
  /** For a CSV file; a workbook's is null. */
  encoding: TextEncodingName | null;
  warnings: string[];
}

interface CsvRecord {
  cells: string[];
  /** The line the record starts on (a quoted cell may span lines). */
  line: number;
}

function records(text: string, file: string | undefined): CsvRecord[] {
  const found: CsvRecord[] = [];
  let endOfPrevious = 0;
  try {
    parse(text, {
      relax_column_count: true,
      on_record: (cells: string[], context) => {
        found.push({ cells, line: endOfPrevious + 1 });
        endOfPrevious = context.lines;
        return null;
      },
    });
  } catch (error) {
    const where = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : endOfPrevious + 1;
    throw new ReportParseError(where, 'CSV as RFC 4180 quotes it', error instanceof Error ? error.message : String(error), file);
  }
  return found;
}

export function readStatements(bytes: Uint8Array, file?: string): StatementsFile {
  const { text, encoding } = decodeText(bytes);
  const asTable = (record: CsvRecord): TableRecord => ({ cells: record.cells.map((text) => ({ text, cell: null })), origin: csvOrigin(record.line, file) });
  const [header, ...body] = records(text, file);
  if (!header) throw new ReportParseError(1, 'a header row naming the columns', '', file);
  return { ...readStatementTable(asTable(header), body.map(asTable)), encoding };
}
