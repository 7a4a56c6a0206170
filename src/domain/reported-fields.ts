// Measures, projects and indicators share one shape of history: the fields each edition reported.
import type { FieldChanges } from '../../events/common';
import type { JsonValue } from '../store/event-store';
import { sameJson, winningStatement, type Statement } from './statement-log';

export interface ReportedFieldsState {
  /** Editions that reported the aggregate. */
  editions: number[];
  fields: Record<string, Statement<JsonValue>[]>;
}

export const emptyReportedFields = (): ReportedFieldsState => ({ editions: [], fields: {} });

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
  const editions = state.editions.includes(edition) ? state.editions : [...state.editions, edition].sort((a, b) => a - b);
  return { editions, fields };
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
