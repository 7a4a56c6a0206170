import type { Direction, IndicatorKind } from '../../events/vocabulary';

/**
 * actual/target for HIGHER_IS_BETTER and for COST (the execution rate), target/actual for
 * LOWER_IS_BETTER; null when either is missing, the divisor is 0, or the direction is NONE.
 */
export function achievementRate(
  kind: IndicatorKind,
  direction: Direction,
  target: number | null,
  actual: number | null,
): number | null {
  if (target === null || actual === null || target === 0) return null;
  if (kind === 'COST' || direction === 'HIGHER_IS_BETTER') return actual / target;
  if (direction === 'LOWER_IS_BETTER') return actual === 0 ? null : target / actual;
  return null;
}
