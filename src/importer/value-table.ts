// The 区分 table is where the numbers live, and where real files are messiest: rows shifted or doubled by a
// tab, continuation rows with an empty label cell. Counting from the right is the one rule that survives all
// of that: the last n cells of a row are its values, n being the number of year columns in the header.

import type { IndicatorKind, ValueKind } from '../../events/vocabulary';
import type { ParsedIndicator, ParsedValue } from './report-model';
import { isSupportedFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../domain/fiscal-year';
import { findEraYear } from './japanese-era';
import { normalizeName, toHalfWidth } from './normalize';
import { inLedgerUnit, readFigure } from './stated-value';
import type { ParseContext, ReportLine } from './report-lines';

export interface TableColumn {
  fiscalYear: number;
  kind: ValueKind;
}

export interface TableHeader {
  line: number;
  columns: TableColumn[];
  /** The latest 実績 column, which dates the report; null when the header has none. */
  actual: { fiscalYear: number; label: string } | null;
}

export interface RowLabel {
  kind: IndicatorKind;
  /** Rows such as 事業費（千円） carry no name cell: the label is the name. */
  name?: string;
  /** A unit implied by the label rather than written in the cells. */
  unit?: string;
}

const COLUMN_KINDS: Readonly<Record<string, ValueKind>> = {
  目標: 'TARGET',
  目標値: 'TARGET',
  予算: 'TARGET',
  実績: 'ACTUAL',
  実績値: 'ACTUAL',
};

/** How labels are compared: full-width brackets and stray spaces do not make a different label. */
export function labelKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

export function isHeaderRow(line: ReportLine): boolean {
  return labelKey(line.cells[0] ?? '') === '区分';
}

export function parseHeader(context: ParseContext, line: ReportLine): TableHeader {
  const headings = line.cells.slice(1);
  if (headings.length === 0) context.fail(line.number, 'year columns after 区分', line.text);
  const columns: TableColumn[] = [];
  const seen = new Set<string>();
  let actual: TableHeader['actual'] = null;
  for (const heading of headings) {
    const era = findEraYear(heading);
    const label = era && era.index === 0 ? labelKey(heading.slice(era.length)) : '';
    const kind = Object.hasOwn(COLUMN_KINDS, label) ? COLUMN_KINDS[label] : undefined;
    if (!era || !kind) context.fail(line.number, 'a column heading like 令和3年度目標 or 令和3年度実績', heading);
    if (!isSupportedFiscalYear(era.year)) {
      context.fail(line.number, `a fiscal year within ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`, heading);
    }
    const id = `${era.year}/${kind}`;
    if (seen.has(id)) context.fail(line.number, 'one column per year and kind', heading);
    seen.add(id);
    columns.push({ fiscalYear: era.year, kind });
    if (kind === 'ACTUAL' && (!actual || era.year > actual.fiscalYear)) {
      actual = { fiscalYear: era.year, label: era.label };
    }
  }
  return { line: line.number, columns, actual };
}

export function parseTableRows(
  context: ParseContext,
  header: TableHeader,
  rows: readonly ReportLine[],
  labels: ReadonlyMap<string, RowLabel>,
): ParsedIndicator[] {
  const indicators: ParsedIndicator[] = [];
  const names = new Set<string>();
  const width = header.columns.length;
  const labelList = [...labels.keys()].join('/');
  let previous: RowLabel | undefined;

  for (const line of rows) {
    if (line.blank) continue;
    const prefix = line.cells.slice(0, -width);
    const cells = line.cells.slice(-width);
    const first = prefix[0];
    if (first === undefined) {
      context.fail(line.number, `a row label or name and ${width} values`, line.text);
    }
    const label = labels.get(labelKey(first));
    let row: RowLabel;
    let name: string;
    if (label) {
      row = label;
      if (label.name !== undefined) {
        if (prefix.length !== 1) context.fail(line.number, `${width} values after ${first}`, prefix[1] ?? '');
        name = label.name;
      } else {
        const written = prefix[1];
        if (written === undefined) context.fail(line.number, `an indicator name and ${width} values after ${first}`, line.text);
        if (prefix.length !== 2) context.fail(line.number, `${width} values after the name`, prefix[2] ?? '');
        name = normalizeName(written);
      }
    } else {
      // A name with no label continues the previous labelled row (⇥NPO法人数⇥...).
      if (prefix.length !== 1 || !previous || previous.name !== undefined) {
        context.fail(line.number, `a row label (${labelList})`, first);
      }
      row = previous;
      name = normalizeName(first);
    }
    previous = row;
    if (names.has(name)) context.warn(line.number, `indicator ${JSON.stringify(name)} appears twice in one table`);
    names.add(name);
    indicators.push(parseIndicator(context, line, header, row, name, cells));
  }
  return indicators;
}

function parseIndicator(
  context: ParseContext,
  line: ReportLine,
  header: TableHeader,
  row: RowLabel,
  name: string,
  cells: readonly string[],
): ParsedIndicator {
  let unit: string | null = row.unit ?? null;
  const values = header.columns.map((column, index): ParsedValue => {
    const text = cells[index] ?? '';
    const base = { line: line.number, fiscalYear: column.fiscalYear, kind: column.kind };
    // A goal state is a sentence describing the state aimed at or reached; it has no number.
    if (row.kind === 'GOAL_STATE') return { ...base, value: null, text };
    // The one reading every path shares (stated-value.ts); a report's table is stricter than a statements
    // file only in refusing words where a figure belongs, which here means a misaligned row.
    const cell = readFigure(text, row.kind);
    if ('problem' in cell || cell.form === 'words' || cell.form === 'empty') {
      context.fail(line.number, `a number or a dash in ${name}`, text);
    }
    if (cell.unit !== null) {
      if (row.unit !== undefined && cell.unit !== row.unit) {
        context.fail(line.number, `a figure in ${row.unit}`, text);
      }
      if (unit === null) unit = cell.unit;
      else if (cell.unit !== unit) context.warn(line.number, `${name} mixes units ${unit} and ${cell.unit}`);
    }
    // COST rows are labelled 千円, so this only ever multiplies by one; it is here so that a change to
    // the money rule is one change for every path.
    const stated = inLedgerUnit(cell, row.kind, unit);
    if ('problem' in stated) context.fail(line.number, stated.problem, text);
    return { ...base, value: stated.value, text: cell.text };
  });
  return { line: line.number, kind: row.kind, name, unit, values };
}
