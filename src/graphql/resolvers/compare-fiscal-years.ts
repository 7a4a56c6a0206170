// Analysts' side-by-side of two fiscal years: every indicator that carries numbers, and the totals.
import type { RequestContext } from '../context';
import type { AsOf } from '../../../projections/queries/as-of';
import { IndicatorKind } from '../types/enums';
import { FiscalYearComparison, IndicatorComparison, YearCount, YearPair } from '../types/comparison-types';
import type { Indicator, IndicatorValue } from '../types/indicator-types';

const COMPARED = new Set<IndicatorKind>([IndicatorKind.OUTCOME, IndicatorKind.ACTIVITY, IndicatorKind.COST, IndicatorKind.STAFFING]);

const difference = (base: number | null | undefined, compare: number | null | undefined): number | null =>
  base === null || base === undefined || compare === null || compare === undefined ? null : compare - base;

function sum(values: ReadonlyArray<number | null | undefined>): number | null {
  const present = values.filter((v): v is number => v !== null && v !== undefined);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function pair(rows: readonly IndicatorComparison[], kind: IndicatorKind, pick: (v: IndicatorValue | null) => number | null | undefined): YearPair {
  const own = rows.filter((r) => r.indicator.kind === kind);
  const base = sum(own.map((r) => pick(r.base)));
  const compare = sum(own.map((r) => pick(r.compare)));
  return { base, compare, delta: difference(base, compare) };
}

function count(rows: readonly IndicatorComparison[], test: (v: IndicatorValue | null) => boolean): YearCount {
  const scored = rows.filter((r) => r.indicator.kind === IndicatorKind.OUTCOME || r.indicator.kind === IndicatorKind.ACTIVITY);
  const base = scored.filter((r) => test(r.base)).length;
  const compare = scored.filter((r) => test(r.compare)).length;
  return { base, compare, delta: compare - base };
}

async function departmentOf(context: RequestContext, indicator: Indicator): Promise<string | null> {
  const view = context.view(indicator.asOf);
  const owner = indicator.ownerType === 'measure' ? await view.measure.load(indicator.ownerId) : await view.project.load(indicator.ownerId);
  return owner?.department ?? null;
}

export async function compareFiscalYears(
  context: RequestContext,
  municipality: string | null,
  base: number,
  compare: number,
  department: string | null,
  asOf: AsOf,
): Promise<FiscalYearComparison> {
  const view = context.view(asOf);
  let indicators = municipality === null ? [] : view.allIndicators(municipality).filter((i) => COMPARED.has(i.kind));
  if (department !== null) {
    const departments = await Promise.all(indicators.map((i) => departmentOf(context, i)));
    indicators = indicators.filter((_, n) => departments[n] === department);
  }
  const values = await view.values.loadMany(indicators);
  const rows: IndicatorComparison[] = indicators.map((indicator, n) => {
    const own = values[n];
    const list = Array.isArray(own) ? own : [];
    const b = list.find((v) => v.fiscalYear === base) ?? null;
    const c = list.find((v) => v.fiscalYear === compare) ?? null;
    return { indicator, base: b, compare: c, targetDelta: difference(b?.target, c?.target), actualDelta: difference(b?.actual, c?.actual) };
  });
  const measured = (v: IndicatorValue | null) => v !== null && v.target !== null && v.actual !== null;
  return {
    base,
    compare,
    indicators: rows,
    totals: {
      budget: pair(rows, IndicatorKind.COST, (v) => v?.target),
      spending: pair(rows, IndicatorKind.COST, (v) => v?.actual),
      staffing: pair(rows, IndicatorKind.STAFFING, (v) => v?.target),
      achieved: count(rows, (v) => measured(v) && v !== null && v.achievementRate !== null && v.achievementRate >= 1),
      measured: count(rows, measured),
    },
  };
}
