// An indicator's current values as one document: what a read of the present asks for, in one row. Kept
// by the value-history projection event by event, and derived from the statements by a replay.
import type { ValueKind } from '../events/vocabulary';

/** One current value: the winning statement of (fiscal year, kind), and whether a target was revised. */
export type ValueEntry = [fiscalYear: number, kind: ValueKind, value: number | null, text: string | null, effectiveEdition: number, revised: 0 | 1];

export interface StatedValue {
  fiscalYear: number;
  kind: ValueKind;
  value: number | null;
  text: string | null;
  effectiveEdition: number;
}

/** Two statements say different things: by their numbers when either has one, by their texts otherwise. */
export function statedDifferently(a: Pick<StatedValue, 'value' | 'text'>, b: Pick<StatedValue, 'value' | 'text'>): boolean {
  return a.value !== null || b.value !== null ? a.value !== b.value : (a.text ?? '') !== (b.text ?? '');
}

/**
 * Applies a statement, later in the log than every one before it, to the entries (kept in fiscal year,
 * then kind, order). It wins with an edition at least the current one's. A target stays unrevised while
 * every statement of it says the same, so one that differs from the current is its first revision.
 */
export function stateValue(entries: ValueEntry[], stated: StatedValue): void {
  const at = entries.findIndex(([year, kind]) => year > stated.fiscalYear || (year === stated.fiscalYear && kind >= stated.kind));
  const current = at >= 0 ? entries[at] : undefined;
  if (current === undefined || current[0] !== stated.fiscalYear || current[1] !== stated.kind) {
    entries.splice(at >= 0 ? at : entries.length, 0, [stated.fiscalYear, stated.kind, stated.value, stated.text, stated.effectiveEdition, 0]);
    return;
  }
  const [, , value, text, effectiveEdition, revised] = current;
  const revisedNow = revised === 1 || (stated.kind === 'TARGET' && statedDifferently({ value, text }, stated)) ? 1 : 0;
  entries[at] =
    stated.effectiveEdition >= effectiveEdition
      ? [stated.fiscalYear, stated.kind, stated.value, stated.text, stated.effectiveEdition, revisedNow]
      : [stated.fiscalYear, stated.kind, value, text, effectiveEdition, revisedNow];
}
