// The checks a layout declares, run over what it read. Pure: rows and printed rates in, failures out.
import type { StatementRow } from '../../statements/statement-row';
import type { Layout } from '../layout-schema';
import { achievementRateProblem, type RateCheck } from './achievement-rate';
import { failure, placeOfFigure, type ConsistencyFailure } from './consistency-failure';
import { checkTotals } from './totals';

export type { ConsistencyFailure } from './consistency-failure';

/** A printed 達成率 beside the row at `row` (an index into the rows read), and its cell. */
export interface PrintedRate {
  row: number;
  text: string;
  cell: string | null;
}

export function checkAchievementRates(rows: readonly StatementRow[], rates: readonly PrintedRate[], declared: NonNullable<Layout['checks']>['achievement_rate']): ConsistencyFailure[] {
  const check: RateCheck = { rounding: declared?.rounding ?? 'round', formula: declared?.formula ?? 'actual_over_target' };
  return rates.flatMap((rate) => {
    const row = rows[rate.row];
    if (!row) return [];
    const problem = achievementRateProblem(rate.text, row.target?.value ?? null, row.actual?.value ?? null, row.direction, check);
    return problem === null ? [] : [failure('achievement_rate', placeOfFigure(row, rate.cell), `${row.owner} ${row.indicator} ${row.fiscalYear}: ${problem}`)];
  });
}

export function runDeclaredChecks(checks: Layout['checks'], rows: readonly StatementRow[], rates: readonly PrintedRate[]): ConsistencyFailure[] {
  if (!checks) return [];
  return [
    ...(checks.achievement_rate ? checkAchievementRates(rows, rates, checks.achievement_rate) : []),
    ...checkTotals(rows, checks.totals ?? []),
  ];
}
