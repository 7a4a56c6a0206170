// A municipality's own sheet (or CSV file) read through a layout into the statements file's rows: the
// same StatementRow, read by the same row reader and the same value reading as a statements file, each
// with its sheet and cells. The layout's declared checks run on the result; their failures are returned,
// not thrown: the import decides whether a reason lets them through.
import { resolveMunicipality } from '../../domain/municipalities/municipality-table';
import { normalizeName } from '../normalize';
import { ReportParseError } from '../report-errors';
import { isWorkbookBytes } from '../statements/read-statements-file';
import { readStatementRow, type SourceCell, type StatementRow } from '../statements/statement-row';
import { readWorkbook } from '../xlsx/read-workbook';
import type { SheetGrid } from '../xlsx/sheet-grid';
import { runDeclaredChecks, type ConsistencyFailure, type PrintedRate } from './consistency/declared-checks';
import { csvGrid } from './csv-grid';
import { readLayoutRecords, type LayoutRecord } from './layout-records';
import type { Layout } from './layout-schema';
import { parseLayout } from './parse-layout';

export interface LayoutReadOptions {
  /** A code or a name, for layouts that do not say (one layout serves many municipalities). */
  municipality?: string;
  /** The edition, for layouts that do not say, in any notation a statements file accepts. */
  edition?: string | number;
}

export interface LayoutReading {
  layout: { name: string; version: string };
  rows: StatementRow[];
  /** The printed 達成率 beside rows, by index into `rows`. */
  rates: PrintedRate[];
  /** What the layout's declared checks found; empty when they all hold or it declares none. */
  failures: ConsistencyFailure[];
  warnings: string[];
}

const EMPTY: SourceCell = { text: '', cell: null };

// By bytes first (a zip file), then by name: a damaged .xlsx is refused as a workbook, not read as CSV.
const isWorkbook = (bytes: Uint8Array, file: string): boolean => isWorkbookBytes(bytes) || /\.xlsx$/i.test(file);

async function sheetOf(bytes: Uint8Array, file: string, layout: Layout): Promise<SheetGrid> {
  if (!isWorkbook(bytes, file)) return csvGrid(bytes, file);
  const { sheets } = await readWorkbook(bytes, file);
  const wanted = layout.sheet ?? 1;
  const sheet = typeof wanted === 'number' ? sheets[wanted - 1] : sheets.find((s) => normalizeName(s.name) === normalizeName(wanted));
  if (!sheet) throw new ReportParseError(null, `the sheet ${typeof wanted === 'number' ? `number ${wanted}` : wanted} the layout names`, sheets.map((s) => s.name).join(', '), file);
  return sheet;
}

/** The municipality and edition a caller gives stand in for fields the layout leaves out. */
function withCallerFields(record: LayoutRecord, options: LayoutReadOptions): LayoutRecord {
  const cells = { ...record.cells };
  if (!cells.municipality && options.municipality !== undefined) cells.municipality = { text: options.municipality, cell: null };
  if (!cells.edition && options.edition !== undefined) cells.edition = { text: String(options.edition), cell: null };
  return { ...record, cells };
}

export async function readWithParsedLayout(bytes: Uint8Array, file: string, layout: Layout, layoutFile: string, options: LayoutReadOptions = {}): Promise<LayoutReading> {
  if (!layout.fields.municipality && options.municipality === undefined) throw new ReportParseError(null, 'a municipality: fields.municipality in the layout, or one given with the import', '', layoutFile, 'fields');
  if (!layout.fields.edition && options.edition === undefined) throw new ReportParseError(null, 'an edition: fields.edition in the layout, or one given with the import', '', layoutFile, 'fields');
  const given = options.municipality === undefined ? null : resolveMunicipality(options.municipality);
  const grid = await sheetOf(bytes, file, layout);
  const rows: StatementRow[] = [];
  const rates: PrintedRate[] = [];
  for (const record of readLayoutRecords(grid, layout, file)) {
    const row = readStatementRow((column) => withCallerFields(record, options).cells[column] ?? EMPTY, record.origin);
    if (given && row.municipality.code !== given.code) {
      const place = row.source.sheet === null ? (row.source.line ?? 0) : { sheet: row.source.sheet, cell: record.cells.municipality?.cell ?? row.source.cell ?? undefined };
      throw new ReportParseError(place, `the municipality given with the import, ${given.name} (${given.code})`, `${row.municipality.name} (${row.municipality.code})`, file, 'municipality');
    }
    if (record.rate && record.rate.text.trim() !== '') rates.push({ row: rows.length, text: record.rate.text, cell: record.rate.cell });
    rows.push(row);
  }
  return { layout: { name: layout.name, version: String(layout.version) }, rows, rates, failures: runDeclaredChecks(layout.checks, rows, rates), warnings: [] };
}

/** The entry point for `plan-ledger import FILE --layout LAYOUT`: the layout's text is parsed and checked first. */
export async function readWithLayout(bytes: Uint8Array, file: string, layoutText: string, layoutFile: string, options: LayoutReadOptions = {}): Promise<LayoutReading> {
  return readWithParsedLayout(bytes, file, parseLayout(layoutText, layoutFile), layoutFile, options);
}
