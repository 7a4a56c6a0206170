// The targets, checked against a results.json, never by a timed test.
import { DEFAULT_LIMITS } from '../src/config/limits';

export interface TargetCheck {
  name: string;
  value: number;
  limit: number;
  op: '>=' | '<=';
  met: boolean;
}

type Results = Record<string, unknown>;

const at = (results: Results, path: string): number => {
  let value: unknown = results;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : Number.NaN;
};

const TARGETS: ReadonlyArray<[string, string, '>=' | '<=', number]> = [
  ['append ratio', 'append.ratio', '>=', 0.5],
  ['rebuild ratio', 'rebuild.ratio', '>=', 0.2],
  ['measure overview vs bare Apollo (uncached)', 'query.measureOverview.ratioVsApollo', '>=', 0.7],
  ['target history vs bare Apollo (uncached)', 'query.targetHistory.ratioVsApollo', '>=', 0.7],
  ['measure overview cached vs raw http', 'query.measureOverview.cached.ratioVsRaw', '>=', 0.5],
  ['target history cached vs raw http', 'query.targetHistory.cached.ratioVsRaw', '>=', 0.5],
  ['as-of large/small p50', 'asOf.ratio', '<=', 1.5],
  ['startup full/empty', 'startup.ratio', '<=', 2],
  ['server peak RSS MB', 'startup.peakRssMb', '<=', 512],
  // Issue #15: one municipality's reader pays little for the others held beside it.
  ['measure overview p50, national ledger / the municipality alone (uncached)', 'alone.p50Ratio', '<=', 1.2],
  // Well within the request budget: the read is synchronous, so every other request on the process waits
  // behind it, and 1,741 municipalities are 13 times the full run's (bench/README.md).
  ['compareMunicipalities over every municipality, p50 ms (1/10 of the request budget)', 'compare.p50Ms', '<=', DEFAULT_LIMITS.requestTimeoutMs / 10],
];

export function checkTargets(results: Results): TargetCheck[] {
  return TARGETS.map(([name, path, op, limit]) => {
    const value = at(results, path);
    return { name, value, limit, op, met: op === '>=' ? value >= limit : value <= limit };
  });
}
