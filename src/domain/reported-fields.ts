// Measures, projects and indicators share one shape of history: the fields each edition reported.
import type { FieldChanges } from '../../events/common';
import type { JsonValue } from '../shared/json';
import { sameJson, winningStatement, type Statement } from './statement-log';

export interface ReportedFieldsState {
  /** Editions that reported the aggregate. */
  editions: number[];
  fields: Record<string, Statement<JsonValue>[]>;
  /** Editions recorded as having left the aggregate out (absence is not deletion). */
  absent: number[];
}

export const emptyReportedFields = (): ReportedFieldsState => ({ editions: [], fields: {}, absent: [] });

const withEdition = (editions: readonly number[], edition: number): number[] =>
  editions.includes(edition) ? [...editions] : [...editions, edition].sort((a, b) => a - b);

export function evolveReported(
  state: ReportedFieldsState,
  edition: number,
  revision: number,
  changes: FieldChanges,
): ReportedFieldsState {
  const fields = { ...state.fields };
  for (const [field, change] of Object.entries(changes)) {
    fields[field] = [...(fields[field] ?? []), { effectiveEdition: edition, revision, value: change.to }];
  }
  return { ...state, editions: withEdition(state.editions, edition), fields };
}

export function evolveAbsent(state: ReportedFieldsState, edition: number): ReportedFieldsState {
  return { ...state, absent: withEdition(state.absent, edition) };
}

export function fieldAsOf(state: ReportedFieldsState, field: string, edition: number): JsonValue | undefined {
  return winningStatement(state.fields[field] ?? [], edition)?.value;
}

/**
 * The changes an edition's report makes against what the editions up to it said: null when the
 * edition already reported the aggregate and nothing differs (a re-import appends nothing).
 */
export function diffReported(
  state: ReportedFieldsState,
  edition: number,
  stated: Record<string, JsonValue>,
): FieldChanges | null {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(stated)) {
    const before = fieldAsOf(state, field, edition);
    if (!sameJson(before, value)) changes[field] = { from: before ?? null, to: value };
  }
  if (Object.keys(changes).length === 0 && state.editions.includes(edition)) return null;
  return changes;
}

/** The first edition after `edition` among `editions` (ascending or not). */
export function nextEdition(editions: readonly number[], edition: number): number | undefined {
  let next: number | undefined;
  for (const e of editions) if (e > edition && (next === undefined || e < next)) next = e;
  return next;
}

/**
 * Keeps precedence when an older edition arrives after a newer one. Only changes are recorded, so a
 * newer edition that said the same as the editions before it has no statement of its own: as of it,
 * the ledger answers with an older edition's statement. If an edition between them now states
 * something else, the newer edition would silently answer with that. So the first edition after
 * `edition` that reported the aggregate restates, for each changed field it left as it was, what it
 * said (what the ledger answered as of it before `changes`).
 *
 * `before` is the state before `changes` were evolved in. Returns that later edition's changes
 * against the state after them, or null when no restatement is needed.
 */
export function restatementAfter(
  before: ReportedFieldsState,
  edition: number,
  changes: FieldChanges,
): { edition: number; changes: FieldChanges } | null {
  const later = nextEdition(before.editions, edition);
  if (later === undefined) return null;
  const restated: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    const winner = winningStatement(before.fields[field] ?? [], later);
    // A statement after `edition` still outranks the new one; none at all means the later edition
    // never stated the field (it predates it).
    if (!winner || winner.effectiveEdition > edition || sameJson(winner.value, change.to)) continue;
    restated[field] = { from: change.to, to: winner.value };
  }
  return Object.keys(restated).length > 0 ? { edition: later, changes: restated } : null;
}

/**
 * Whether an edition that did not report the aggregate should record it as absent: it was reported
 * before that edition, not by it, and its absence from it is not recorded yet. Returns the newest
 * edition before `edition` that reported it, or null.
 */
export function absenceBasis(state: ReportedFieldsState, edition: number): number | null {
  if (state.editions.includes(edition) || state.absent.includes(edition)) return null;
  const earlier = state.editions.filter((e) => e < edition);
  return earlier.length === 0 ? null : Math.max(...earlier);
}
