// One row of the statements file, read and checked: what it states, in the ledger's terms, and where it
// stands (a CSV line, or a workbook's sheet and cells). A cell that cannot be read is an error naming the
// file, the line or cell, and the column. Statements read through a layout come through here too, so
// every path reads cells the same way.
import type { Direction, IndicatorKind, OwnerType } from '../../../events/vocabulary';
import { MEASURE_CODE } from '../../domain/ids';
import { DomainError } from '../../domain/domain-error';
import { resolveMunicipality, type Municipality } from '../../domain/municipalities/municipality-table';
import { readFiscalYear } from '../fiscal-year-notation';
import { normalizeName } from '../normalize';
import { ReportParseError } from '../report-errors';
import { readStatedValue } from '../stated-value';
import { DIRECTIONS, KINDS, OWNER_TYPES, type StatementColumn } from './statement-columns';

/** A target or an actual as the row states it: the number (千円 for COST), the cell as printed, and whether it was an estimate. */
export interface StatedCell {
  value: number | null;
  text: string;
  estimate: boolean;
  /** The workbook cell (A1) it was read from, in the row's sheet; null in a CSV file. */
  cell: string | null;
}

/** Where a row was read: a CSV file's line, or a workbook's sheet and the row's first cell. */
export interface StatementSource {
  file: string | null;
  /** Null in a CSV file. */
  sheet: string | null;
  /** 1-based, the header being line 1; null in a workbook. */
  line: number | null;
  /** A1; null in a CSV file. */
  cell: string | null;
}

export interface StatementRow {
  source: StatementSource;
  municipality: Municipality;
  edition: number;
  ownerType: OwnerType;
  /** A measure code (5-1-1) or a project name. */
  owner: string;
  ownerTitle: string | null;
  department: string | null;
  policyTitle: string | null;
  chapterTitle: string | null;
  /** For a project: the measures it serves, each a code optionally followed by its title, as printed. */
  measures: string[];
  budgetAccount: string | null;
  indicator: string;
  kind: IndicatorKind;
  unit: string | null;
  direction: Direction | null;
  fiscalYear: number;
  /** Null where the row states nothing for it. */
  target: StatedCell | null;
  actual: StatedCell | null;
  reason: string | null;
  /** Where the figures stand in the published document (page, sheet, cell): the file's `source` column. */
  publishedAt: string | null;
}

/** A cell's text and, in a workbook, its address (A1). */
export interface SourceCell {
  text: string;
  cell: string | null;
  /** Why a workbook cell has no text to read (a formula saved without its result …); read, it fails. */
  unreadable?: string;
}

export type RowCells = (column: StatementColumn) => SourceCell;

export type RowOrigin = StatementSource;

export const csvOrigin = (line: number, file: string | undefined): RowOrigin => ({ file: file ?? null, sheet: null, line, cell: null });

/**
 * Reads one row. An empty target beside a filled actual (or the other way round) is "not applicable",
 * as a report's empty cell in a filled row is; a row with both empty states no value.
 */
export function readStatementRow(cells: RowCells, origin: RowOrigin): StatementRow {
  const fail = (column: StatementColumn, expected: string): never => {
    const { text, cell: address } = cells(column);
    const place = origin.sheet === null ? (origin.line ?? 0) : { sheet: origin.sheet, cell: address ?? origin.cell ?? undefined };
    throw new ReportParseError(place, expected, text.slice(0, 200), origin.file ?? undefined, column);
  };
  const cell = (column: StatementColumn): string => {
    const { text, unreadable } = cells(column);
    return unreadable === undefined ? text : fail(column, unreadable);
  };
  const text = (column: StatementColumn): string | null => cell(column).trim() || null;
  const required = (column: StatementColumn, expected: string): string => text(column) ?? fail(column, expected);
  const year = (column: StatementColumn): number => {
    const reading = readFiscalYear(cell(column));
    return 'year' in reading ? reading.year : fail(column, reading.problem);
  };
  // Own keys only: "constructor" is no kind, whatever Object.prototype says.
  const enumerated = <T>(column: StatementColumn, words: Readonly<Record<string, T>>, expected: string): T => {
    const word = cell(column).trim();
    return (Object.hasOwn(words, word) ? words[word] : undefined) ?? fail(column, expected);
  };

  let municipality: Municipality;
  try {
    municipality = resolveMunicipality(required('municipality', 'a municipality code or name'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return fail('municipality', error.message);
  }
  const ownerType = enumerated('owner_type', OWNER_TYPES, 'measure or project (施策 or 事業)');
  const owner = normalizeName(required('owner', ownerType === 'measure' ? 'a measure code such as 5-1-1' : 'the project name (事業名)'));
  if (ownerType === 'measure' && !MEASURE_CODE.test(owner)) fail('owner', 'a measure code such as 5-1-1');
  const kind = enumerated('kind', KINDS, 'OUTCOME, ACTIVITY, GOAL_STATE, COST or STAFFING (成果指標, 活動指標, 目標, 事業費, 従事人工)');
  const unit = text('unit');
  const direction = text('direction') === null ? null : enumerated('direction', DIRECTIONS, 'HIGHER_IS_BETTER, LOWER_IS_BETTER or NONE (上昇, 低下, ―)');

  const edition = year('edition');
  const fiscalYear = year('fiscal_year');
  // A report prints no actual for a year after its own (none is known yet) and often repeats a past
  // year's actual without its target: such an empty cell is not one the row fills, and states nothing,
  // so an edition's statements written out and read back state exactly what the edition did.
  const couldState = (column: 'target' | 'actual'): boolean => (column === 'actual' ? fiscalYear <= edition : fiscalYear >= edition);
  const stated = (column: 'target' | 'actual', rowFilled: boolean): StatedCell | null => {
    const printed = cell(column);
    const address = cells(column).cell;
    if (printed.trim() === '') return rowFilled && couldState(column) ? { value: null, text: '', estimate: false, cell: address } : null;
    const read = readStatedValue(printed, kind, unit);
    if ('problem' in read) return fail(column, read.problem);
    return { value: read.value, text: read.text, estimate: read.estimate, cell: address };
  };
  const filled = cell('target').trim() !== '' || cell('actual').trim() !== '';

  return {
    source: origin,
    municipality,
    edition,
    ownerType,
    owner,
    ownerTitle: text('owner_title'),
    department: text('department'),
    policyTitle: text('policy_title'),
    chapterTitle: text('chapter_title'),
    measures: (text('measures') ?? '').split(/[;；]/).map((m) => m.trim()).filter(Boolean),
    budgetAccount: text('budget_account'),
    indicator: normalizeName(required('indicator', 'the indicator name (事業費, 従事人工 and 目標 for a project’s cost, staffing and goal state)')),
    kind,
    unit,
    direction,
    fiscalYear,
    target: stated('target', filled),
    actual: stated('actual', filled),
    reason: text('reason'),
    publishedAt: text('source'),
  };
}
