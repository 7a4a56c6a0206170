// One row of the statements file, read and checked: what it states, in the ledger's terms, and the line
// it stands on. A cell that cannot be read is an error naming the file, the line and the column.
import type { Direction, IndicatorKind, OwnerType } from '../../../events/vocabulary';
import { MEASURE_CODE } from '../../domain/ids';
import { DomainError } from '../../domain/domain-error';
import { resolveMunicipality, type Municipality } from '../../domain/municipalities/municipality-table';
import { costInThousandYen, readCell } from '../cell-values';
import { readFiscalYear } from '../fiscal-year-notation';
import { normalizeName } from '../normalize';
import { ReportParseError } from '../report-errors';
import { DIRECTIONS, KINDS, OWNER_TYPES, type StatementColumn } from './statement-columns';

/** A target or an actual as the row states it: the number (千円 for COST), the cell as printed, and whether it was an estimate. */
export interface StatedCell {
  value: number | null;
  text: string;
  estimate: boolean;
}

export interface StatementRow {
  /** 1-based; the header is line 1. */
  line: number;
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
  source: string | null;
}

export type RowCells = (column: StatementColumn) => string;

/**
 * Reads one row. An empty target beside a filled actual (or the other way round) is "not applicable",
 * as a report's empty cell in a filled row is; a row with both empty states no value.
 */
export function readStatementRow(cell: RowCells, line: number, file: string | undefined): StatementRow {
  const fail = (column: StatementColumn, expected: string): never => {
    throw new ReportParseError(line, expected, cell(column).slice(0, 200), file, column);
  };
  const text = (column: StatementColumn): string | null => cell(column).trim() || null;
  const required = (column: StatementColumn, expected: string): string => text(column) ?? fail(column, expected);
  const year = (column: StatementColumn): number => {
    const reading = readFiscalYear(cell(column));
    return 'year' in reading ? reading.year : fail(column, reading.problem);
  };
  const enumerated = <T>(column: StatementColumn, words: Readonly<Record<string, T>>, expected: string): T =>
    words[cell(column).trim()] ?? fail(column, expected);

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

  const stated = (column: 'target' | 'actual', rowFilled: boolean): StatedCell | null => {
    const printed = cell(column).trim();
    if (printed === '') return rowFilled ? { value: null, text: '', estimate: false } : null;
    const read = readCell(printed);
    if (read.value === null) return { value: null, text: read.text, estimate: read.estimate };
    if (kind !== 'COST') return { value: read.value, text: read.text, estimate: read.estimate };
    const cost = costInThousandYen(read, unit);
    return 'value' in cost ? { value: cost.value, text: read.text, estimate: read.estimate } : fail(column, cost.problem);
  };
  const filled = cell('target').trim() !== '' || cell('actual').trim() !== '';

  return {
    line,
    municipality,
    edition: year('edition'),
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
    fiscalYear: year('fiscal_year'),
    target: stated('target', filled),
    actual: stated('actual', filled),
    reason: text('reason'),
    source: text('source'),
  };
}
