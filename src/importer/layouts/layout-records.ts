// A sheet read through a layout → records, one per indicator and fiscal year, each cell of the
// statements file's columns given as a SourceCell (text and address). The statement row reader then
// reads them exactly as it reads a statements file's rows.
import { ReportParseError } from '../report-errors';
import type { StatementColumn } from '../statements/statement-columns';
import type { RowOrigin, SourceCell } from '../statements/statement-row';
import { columnNumber } from '../xlsx/cell-address';
import { addressIn, placeIn, readText, type SheetGrid } from '../xlsx/sheet-grid';
import { dataRows } from './data-rows';
import { fieldReader } from './field-reader';
import { FIELD_NAMES, type Layout } from './layout-schema';
import { readYearColumns, type YearColumn } from './year-columns';
import { readYear } from './year-notation';

export interface LayoutRecord {
  cells: Partial<Record<StatementColumn, SourceCell>>;
  origin: RowOrigin;
  /** The printed 達成率 of this year, when the layout has a rate column. */
  rate: SourceCell | null;
}

interface ValueCells {
  fiscalYear: SourceCell | null;
  target: SourceCell;
  actual: SourceCell;
  rate: SourceCell | null;
}

const EMPTY: SourceCell = { text: '', cell: null };

export function readLayoutRecords(grid: SheetGrid, layout: Layout, file: string | undefined): LayoutRecord[] {
  const values = layout.values;
  const readField = fieldReader(grid, layout.fields, file);
  const sourceCell = (row: number, column: number | null, field: string): SourceCell =>
    column === null ? EMPTY : { text: readText(grid, row, column, file, field), cell: addressIn(grid, row, column) };

  // 上段目標/下段実績 in one cell: the first line is the target, the second the actual.
  const unstack = (stacked: SourceCell, row: number, column: number): [SourceCell, SourceCell] => {
    const lines = stacked.text.split(/\r\n|\r|\n/);
    while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
    if (lines.length > 2) throw new ReportParseError(placeIn(grid, row, column), 'at most two lines: the target above the actual', stacked.text.slice(0, 200), file, 'values');
    return [{ ...stacked, text: lines[0] ?? '' }, { ...stacked, text: lines[1] ?? '' }];
  };

  const yearColumns: YearColumn[] = values.orientation === 'wide' ? readYearColumns(grid, layout, values, file) : [];
  const years = [...new Set(yearColumns.map((c) => c.fiscalYear))];

  /** The value cells of one row (or pair of rows, target above actual), year by year. */
  const valuesOf = (row: number, actualRow: number | null): ValueCells[] => {
    if (values.orientation === 'long') {
      const column = (letters: string | undefined) => (letters === undefined ? null : columnNumber(letters));
      const [target, actual] = values.stacked === 'cell'
        ? unstack(sourceCell(row, column(values.value), 'values.value'), row, column(values.value) ?? 1)
        : [sourceCell(row, column(values.target), 'target'), sourceCell(row, column(values.actual), 'actual')];
      return [{ fiscalYear: null, target, actual, rate: values.rate === undefined ? null : sourceCell(row, column(values.rate), 'rate') }];
    }
    return years.map((fiscalYear) => {
      const inYear = (role: YearColumn['role']) => yearColumns.find((c) => c.fiscalYear === fiscalYear && c.role === role)?.column ?? null;
      const both = inYear('both');
      const [target, actual] = both === null
        ? [sourceCell(row, inYear('target'), 'target'), sourceCell(row, inYear('actual'), 'actual')]
        : actualRow !== null
          ? [sourceCell(row, both, 'target'), sourceCell(actualRow, both, 'actual')]
          : unstack(sourceCell(row, both, 'values'), row, both);
      const rateColumn = inYear('rate');
      return { fiscalYear: { text: String(fiscalYear), cell: null }, target, actual, rate: rateColumn === null ? null : sourceCell(row, rateColumn, 'rate') };
    });
  };

  const firstColumn = Math.min(
    ...FIELD_NAMES.map((field) => columnNumber(layout.fields[field]?.column ?? '') ?? Infinity),
    ...yearColumns.map((c) => c.column),
    values.orientation === 'long' ? Math.min(...[values.target, values.actual, values.value].map((c) => columnNumber(c ?? '') ?? Infinity)) : Infinity,
  );
  const firstColumnOr1 = Number.isFinite(firstColumn) ? firstColumn : 1;
  const origin = (row: number): RowOrigin =>
    grid.lines === null
      ? { file: file ?? null, sheet: grid.name, line: null, cell: addressIn(grid, row, firstColumnOr1) }
      : { file: file ?? null, sheet: null, line: grid.lines[row - 1] ?? row, cell: null };

  // Years are read in the layout's notation here (bare 3 under reiwa is 2021); the row reader then sees 2021.
  const inCanonicalYear = (cell: SourceCell, field: 'edition' | 'fiscal_year', row: number): SourceCell => {
    if (cell.text.trim() === '') return cell;
    const reading = readYear(cell.text, layout.year_notation ?? 'any');
    if ('problem' in reading) {
      const place = cell.cell === null ? placeIn(grid, row, columnNumber(layout.fields[field]?.column ?? '') ?? undefined) : { sheet: grid.name, cell: cell.cell };
      throw new ReportParseError(place, reading.problem, cell.text.slice(0, 200), file, field);
    }
    return { ...cell, text: String(reading.year) };
  };

  const rows = dataRows(grid, layout);
  const stackedRows = values.orientation === 'wide' && values.stacked === 'rows';
  if (stackedRows && rows.length % 2 === 1) {
    const last = rows[rows.length - 1] ?? layout.header_rows.to;
    throw new ReportParseError(placeIn(grid, last, firstColumnOr1), 'an actual row below each target row (上段目標/下段実績)', '', file, 'values.stacked');
  }
  const records: LayoutRecord[] = [];
  for (let index = 0; index < rows.length; index += stackedRows ? 2 : 1) {
    const row = rows[index] ?? 0;
    const fields: Partial<Record<StatementColumn, SourceCell>> = {};
    for (const field of FIELD_NAMES) {
      const cell = readField(field, row);
      if (cell) fields[field] = field === 'edition' || field === 'fiscal_year' ? inCanonicalYear(cell, field, row) : cell;
    }
    for (const cells of valuesOf(row, stackedRows ? (rows[index + 1] ?? null) : null)) {
      // A year with nothing in either cell states nothing: no statement, as a statements file would have no row.
      if (cells.target.text.trim() === '' && cells.actual.text.trim() === '') continue;
      records.push({
        cells: { ...fields, ...(cells.fiscalYear ? { fiscal_year: cells.fiscalYear } : {}), target: cells.target, actual: cells.actual },
        origin: origin(row),
        rate: cells.rate,
      });
    }
  }
  return records;
}
