// The columns of the statements file (contract: statements-csv.md), and the words each enumerated
// column accepts besides the English ones.
import type { Direction, IndicatorKind, OwnerType } from '../../../events/vocabulary';

export const REQUIRED_COLUMNS = ['municipality', 'edition', 'owner_type', 'owner', 'indicator', 'kind', 'fiscal_year'] as const;
export const OPTIONAL_COLUMNS = [
  'owner_title',
  'department',
  'policy_title',
  'chapter_title',
  'measures',
  'budget_account',
  'unit',
  'direction',
  'target',
  'actual',
  'reason',
  'source',
] as const;

export type StatementColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const KNOWN: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
export const isStatementColumn = (name: string): name is StatementColumn => KNOWN.has(name);

/** True when a header row is the statements file's: every required column is there. */
export function isStatementsHeader(columns: readonly string[]): boolean {
  const present = new Set(columns.map((c) => c.trim()));
  return REQUIRED_COLUMNS.every((column) => present.has(column));
}

export const OWNER_TYPES: Readonly<Record<string, OwnerType>> = { measure: 'measure', project: 'project', 施策: 'measure', 事業: 'project' };

export const KINDS: Readonly<Record<string, IndicatorKind>> = {
  OUTCOME: 'OUTCOME',
  ACTIVITY: 'ACTIVITY',
  GOAL_STATE: 'GOAL_STATE',
  COST: 'COST',
  STAFFING: 'STAFFING',
  成果指標: 'OUTCOME',
  活動指標: 'ACTIVITY',
  目標: 'GOAL_STATE',
  事業費: 'COST',
  従事人工: 'STAFFING',
};

export const DIRECTIONS: Readonly<Record<string, Direction>> = {
  HIGHER_IS_BETTER: 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER: 'LOWER_IS_BETTER',
  NONE: 'NONE',
  上昇: 'HIGHER_IS_BETTER',
  低下: 'LOWER_IS_BETTER',
  '―': 'NONE',
  '—': 'NONE',
  '-': 'NONE',
};
