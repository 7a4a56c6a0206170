// The statements file (contract: statements-csv.md) → its rows, each read and checked, with the line it
// stands on. Every row is read before anything is written: one bad cell fails the whole file, naming
// the file, the line and the column.
import { parse } from 'csv-parse/sync';
import { ReportParseError } from '../report-errors';
import { decodeText, type TextEncodingName } from './decode-text';
import { isStatementColumn, REQUIRED_COLUMNS, type StatementColumn } from './statement-columns';
import { readStatementRow, type StatementRow } from './statement-row';

export interface StatementsFile {
  rows: StatementRow[];
  encoding: TextEncodingName;
  warnings: string[];
}

interface Record {
  cells: string[];
  /** The line the record starts on (a quoted cell may span lines). */
  line: number;
}

function records(text: string, file: string | undefined): Record[] {
  const found: Record[] = [];
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
  const [header, ...body] = records(text, file);
  if (!header) throw new ReportParseError(1, 'a header row naming the columns', '', file);
  const names = header.cells.map((name) => name.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) throw new ReportParseError(1, `the columns ${missing.join(', ')}`, names.join(','), file);
  const warnings = names.filter((name) => name !== '' && !isStatementColumn(name)).map((name) => `${file ?? '<statements>'}:1: the column ${name} is not one of the statements file's: ignored`);
  const index = new Map<StatementColumn, number>();
  names.forEach((name, i) => {
    if (isStatementColumn(name) && !index.has(name)) index.set(name, i);
  });
  const rows = body
    .filter((record) => record.cells.some((cell) => cell.trim() !== ''))
    .map((record) => readStatementRow((column) => record.cells[index.get(column) ?? -1] ?? '', record.line, file));
  return { rows, encoding, warnings };
}
