// CSV text → its records as RFC 4180 reads them (csv-parse), each with the line it starts on: a quoted
// cell may span lines, and errors must name the line a person sees in an editor.
import { parse } from 'csv-parse/sync';
import { ReportParseError } from '../report-errors';

export interface CsvRecord {
  cells: string[];
  /** The line the record starts on (a quoted cell may span lines). */
  line: number;
}

export function readCsvRecords(text: string, file: string | undefined): CsvRecord[] {
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
