// CSV for analysts, written so Excel opens it right: UTF-8 with a BOM (or Japanese turns to mojibake),
// CRLF line endings, TRUE/FALSE for flags, empty cells for nulls. Quoting is csv-stringify's.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Row } from './indicator-export';

export interface CsvOptions {
  /** Called after each row is handed to the writer, with the number so far. */
  onRow?: (written: number) => void;
}

/** Writes the header and rows to `out` and ends it; resolves with the number of rows once it is flushed. */
export async function writeCsv(out: Writable, columns: readonly string[], rows: Iterable<Row>, options: CsvOptions = {}): Promise<number> {
  let written = 0;
  const records = Readable.from(
    (function* () {
      for (const row of rows) {
        yield row;
        written += 1;
        options.onRow?.(written);
      }
    })(),
  );
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((key) => ({ key })),
    record_delimiter: 'windows',
    cast: { boolean: (value: boolean) => (value ? 'TRUE' : 'FALSE'), number: (value: number) => String(value) },
  });
  await pipeline(records, stringifier, out);
  return written;
}
