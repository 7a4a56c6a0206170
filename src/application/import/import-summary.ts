// What an import tells its caller: what it appended (or would), and which current answers it moved.
import { isValueEvent, valueKindOf } from '../../../events/indicator-events';
import type { ValueKind } from '../../../events/vocabulary';
import type { IndicatorState } from '../../domain/indicator';
import { winningStatement } from '../../domain/statement-log';
import type { DecidedStream } from '../decide-on-stream';

export interface ValueChangeSummary {
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  fromEdition: number;
  toEdition: number;
  from: number | null;
  to: number | null;
  fromText: string | null;
  toText: string | null;
  delta: number | null;
  changed: boolean;
}

export interface AbsenceSummary {
  type: 'measure' | 'project' | 'indicator';
  id: string;
  /** The edition that left it out. */
  edition: number;
}

export interface ImportSummary {
  /** The code of the municipality imported into. */
  municipality: string;
  edition: number;
  editionLabel: string;
  dryRun: boolean;
  eventsAppended: number;
  /** What the import appends (or, on a dry run, would append). */
  eventsPlanned: number;
  measures: number;
  projects: number;
  indicators: number;
  /** Every value whose current answer (under the precedence rule) the import changes. */
  changes: ValueChangeSummary[];
  /** Absences the import records (or would record), from this edition or from others. */
  absences: AbsenceSummary[];
  /** Indicators the ledger did not know before this import (as its municipality names them: 5-1-1/NPO法人の数). */
  newIndicators: string[];
  /** Statements of newer editions appended again so they keep precedence over this older one. */
  restatements: number;
  warnings: string[];
  /** Log position after the append (the head when nothing was appended). */
  position: number;
}

/** The summary as planned: what only the append (or its absence) can tell is left out. */
export type PlannedSummary = Omit<ImportSummary, 'position' | 'dryRun' | 'eventsAppended' | 'eventsPlanned'>;

/** The values whose current answer (under the precedence rule) this import changes. */
export function currentValueChanges(decided: DecidedStream<IndicatorState>, edition: number): ValueChangeSummary[] {
  const seen = new Set<string>();
  const changes: ValueChangeSummary[] = [];
  for (const event of decided.emitted) {
    if (!isValueEvent(event)) continue;
    const kind = valueKindOf(event);
    const { indicatorId, fiscalYear } = event.data;
    const key = `${fiscalYear}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = winningStatement(decided.initialState.values[key] ?? []);
    const after = winningStatement(decided.state.values[key] ?? []);
    if (!after || (before && before.value.value === after.value.value && before.value.text === after.value.text)) continue;
    const from = before?.value.value ?? null;
    const to = after.value.value;
    changes.push({
      indicatorId,
      fiscalYear,
      kind,
      fromEdition: before?.effectiveEdition ?? edition,
      toEdition: after.effectiveEdition,
      from,
      to,
      fromText: before?.value.text ?? null,
      toText: after.value.text,
      delta: from !== null && to !== null ? to - from : null,
      changed: true,
    });
  }
  return changes;
}
