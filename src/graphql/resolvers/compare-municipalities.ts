// Municipalities side by side for one fiscal year: each one's budget, spending, staffing and
// achievement, summed from one set-based read of the read model (municipality-totals.ts).
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { YearValueRow } from '../../../projections/queries/municipality-totals';
import { achievementRate } from '../../domain/achievement';
import { assertFiscalYear } from '../../domain/invariants';
import { allMunicipalities, resolveMunicipality } from '../../domain/municipalities/municipality-table';
import type { RequestContext } from '../context';
import { codeOf } from '../request-scope';
import { PointInTime } from '../types/inputs';
import { MunicipalitySummary } from '../types/municipality-types';
import { municipalityOfCode } from './municipality-resolver';

const sum = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
};

export function summarize(code: string, fiscalYear: number, rows: readonly YearValueRow[]): MunicipalitySummary {
  const costs = rows.filter((r) => r.indicatorKind === 'COST');
  const both = costs.filter((r) => r.target !== null && r.actual !== null);
  const plannedOfBoth = sum(both.map((r) => r.target));
  const spentOfBoth = sum(both.map((r) => r.actual));
  const scored = rows.filter((r) => (r.indicatorKind === 'OUTCOME' || r.indicatorKind === 'ACTIVITY') && r.target !== null && r.actual !== null);
  const rates = scored.map((r) => achievementRate(r.indicatorKind, r.direction, r.target, r.actual));
  return Object.assign(new MunicipalitySummary(), {
    municipality: municipalityOfCode(code),
    fiscalYear,
    budget: sum(costs.map((r) => r.target)),
    spending: sum(costs.map((r) => r.actual)),
    executionRate: plannedOfBoth === null || spentOfBoth === null || plannedOfBoth === 0 ? null : spentOfBoth / plannedOfBoth,
    staffing: sum(rows.filter((r) => r.indicatorKind === 'STAFFING').map((r) => r.target)),
    measured: scored.length,
    achieved: rates.filter((rate) => rate !== null && rate >= 1).length,
    revisedTargets: rows.filter((r) => r.targetRevised).length,
  });
}

/** The codes a prefecture (by name or code) covers, itself included. */
function codesOfPrefecture(prefecture: string): string[] {
  const named = resolveMunicipality(prefecture, 'prefecture');
  return allMunicipalities().filter((m) => m.prefecture === named.prefecture).map((m) => m.code);
}

@Resolver()
export class CompareMunicipalitiesResolver {
  @Query(() => [MunicipalitySummary], { description: 'One row per municipality that states anything for that fiscal year, in code order' })
  compareMunicipalities(
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('codes', () => [ID], { nullable: true }) codes: string[] | null,
    @Arg('prefecture', () => String, { nullable: true }) prefecture: string | null,
    @Arg('at', () => PointInTime, { nullable: true }) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): MunicipalitySummary[] {
    assertFiscalYear(fiscalYear, 'fiscalYear');
    // An argument left out arrives as undefined, not null.
    let chosen: string[] | null = codes ? codes.map((named) => codeOf(named, 'codes')) : null;
    if (prefecture) {
      const inPrefecture = new Set(codesOfPrefecture(prefecture));
      chosen = (chosen ?? [...inPrefecture]).filter((code) => inPrefecture.has(code));
    }
    const rows = context.ledger.readModel.yearValuesByMunicipality(fiscalYear, context.resolve(at), chosen);
    const byCode = new Map<string, YearValueRow[]>();
    // Pushed, not spread: a copy per row is quadratic in a municipality's rows.
    for (const row of rows) {
      const own = byCode.get(row.municipality);
      if (own) own.push(row);
      else byCode.set(row.municipality, [row]);
    }
    return [...byCode.keys()].sort().map((code) => summarize(code, fiscalYear, byCode.get(code) ?? []));
  }
}
