// A total and its parts (財源内訳 lines, a project's cost lines): for each owner, fiscal year and role,
// the total indicator's figure must be the sum of its parts' figures. Figures are compared in the
// ledger's unit (千円 for money), where 円 converted may carry a rounding of half a yen per figure.
import { normalizeName } from '../../normalize';
import type { StatementRow } from '../../statements/statement-row';
import { failure, figure, placeOfFigure, type ConsistencyFailure } from './consistency-failure';

export interface TotalRule {
  total: string;
  parts: readonly string[];
}

const groupKey = (row: StatementRow): string => JSON.stringify([row.municipality.code, row.edition, row.ownerType, row.owner, row.fiscalYear]);

export function checkTotals(rows: readonly StatementRow[], rules: readonly TotalRule[]): ConsistencyFailure[] {
  const groups = new Map<string, StatementRow[]>();
  for (const row of rows) groups.set(groupKey(row), [...(groups.get(groupKey(row)) ?? []), row]);
  const failures: ConsistencyFailure[] = [];
  for (const rule of rules) {
    const totalName = normalizeName(rule.total);
    const partNames = new Set(rule.parts.map(normalizeName));
    for (const group of groups.values()) {
      const total = group.find((row) => row.indicator === totalName);
      const parts = group.filter((row) => partNames.has(row.indicator));
      if (!total || parts.length === 0) continue;
      for (const role of ['target', 'actual'] as const) {
        const stated = total[role];
        const figures = parts.map((part) => part[role]?.value).filter((value): value is number => typeof value === 'number');
        if (!stated || stated.value === null || figures.length === 0) continue;
        const sum = figures.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - stated.value) <= 0.0005 * (figures.length + 1) + 1e-9) continue;
        failures.push(
          failure(
            'total',
            placeOfFigure(total, stated.cell),
            `${total.owner} ${total.indicator} ${total.fiscalYear} ${role} is ${figure(stated.value)} (printed ${stated.text}) but ${parts.map((p) => p.indicator).join(' + ')} add up to ${figure(sum)}`,
          ),
        );
      }
    }
  }
  return failures;
}
