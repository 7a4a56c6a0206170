// When a revised target made the goal easier to meet, and whether that happened right after a miss:
// the "goalpost moved" flags of Query.editionChanges (contract: municipalities.graphql, ValueRevision).
import type { Direction, IndicatorKind, ValueKind } from '../../events/vocabulary';
import { achievementRate } from './achievement';

export interface Revised {
  kind: ValueKind;
  from: number | null;
  to: number | null;
}

/** The indicator's latest actual the same edition states for an earlier fiscal year, and that year's target. */
export interface EarlierYear {
  target: number | null;
  actual: number | null;
}

/** Only these count achievement against a target one can ease; COST and STAFFING are plans, GOAL_STATE words. */
const SCORED: ReadonlySet<IndicatorKind> = new Set<IndicatorKind>(['OUTCOME', 'ACTIVITY']);

/**
 * True when an OUTCOME or ACTIVITY target became easier: lowered where higher is better, raised where
 * lower is; false when it became harder or stayed; null for actuals, other kinds, NONE, and a text on
 * either side (nothing to compare).
 */
export function eased(indicator: { kind: IndicatorKind; direction: Direction }, revised: Revised): boolean | null {
  if (revised.kind !== 'TARGET' || !SCORED.has(indicator.kind) || revised.from === null || revised.to === null) return null;
  switch (indicator.direction) {
    case 'HIGHER_IS_BETTER':
      return revised.to < revised.from;
    case 'LOWER_IS_BETTER':
      return revised.to > revised.from;
    case 'NONE':
      return null;
  }
}

/**
 * A target eased while the edition's latest earlier actual fell short of that year's target
 * (achievementRate < 1). No earlier actual, or no rate (a text, a zero target), is no miss.
 */
export function easedAfterMiss(indicator: { kind: IndicatorKind; direction: Direction }, revised: Revised, earlier: EarlierYear | null): boolean {
  if (eased(indicator, revised) !== true || earlier === null) return false;
  const rate = achievementRate(indicator.kind, indicator.direction, earlier.target, earlier.actual);
  return rate !== null && rate < 1;
}
