import {
  MeasureNotReported,
  MeasureRegistered,
  MeasureReported,
  type MeasureEvent,
  type MeasureNotReportedData,
} from '../../events/measure-events';
import type { JsonValue } from '../shared/json';
import type { Decider, Emitted } from './decider';
import { DomainError } from './domain-error';
import { MEASURE_CODE, placementOf } from './ids';
import { assertFiscalYear, assertText } from './invariants';
import {
  absenceBasis,
  diffReported,
  emptyReportedFields,
  evolveAbsent,
  evolveReported,
  restatementAfter,
  type ReportedFieldsState,
} from './reported-fields';

/** What one edition's 施策 sheet states about a measure. */
export interface MeasureSheet {
  title: string;
  department: string;
  chapter: { number: number; title: string };
  policy: { code: string; title: string };
  strategies: string[];
  purposes: string[];
  goals: { number: number; title: string; description: string | null }[];
  results: string[];
  gapReason: string | null;
  nextSteps: string | null;
}

export type MeasureCommand =
  | { type: 'ReportMeasure'; code: string; edition: number; sheet: MeasureSheet; line: number | null }
  /** A project links to the measure; the measure may lie outside the imported chapters. */
  | { type: 'IdentifyMeasure'; code: string; title: string; line: number | null }
  /**
   * The edition reported measure sheets of this measure's chapter but not this one. Recorded only if
   * an earlier edition reported the measure and this edition did not (a later report of the same
   * edition wins over it).
   */
  | { type: 'NoteMeasureAbsent'; code: string; edition: number };

export interface MeasureState {
  registered: boolean;
  reported: ReportedFieldsState;
}

function assertCode(code: string): void {
  if (!MEASURE_CODE.test(code)) {
    throw new DomainError('BAD_USER_INPUT', `measure code must look like 5-1-1, got ${JSON.stringify(code)}`, 'code');
  }
}

export const measureDecider: Decider<MeasureCommand, MeasureState, MeasureEvent> = {
  initialState: () => ({ registered: false, reported: emptyReportedFields() }),

  evolve(state, event, revision) {
    switch (event.type) {
      case MeasureRegistered.type:
        return { ...state, registered: true };
      case MeasureReported.type:
        return { ...state, reported: evolveReported(state.reported, event.data.edition, revision, event.data.changes) };
      case MeasureNotReported.type:
        return { ...state, reported: evolveAbsent(state.reported, event.data.edition) };
      default: {
        // Every type of the stream is handled above (the compiler checks); another stream's event leaves the state be.
        const _exhaustive: never = event;
        return state;
      }
    }
  },

  decide(command, state) {
    assertCode(command.code);
    if (command.type === 'NoteMeasureAbsent') {
      assertFiscalYear(command.edition, 'edition');
      const lastReported = state.registered ? absenceBasis(state.reported, command.edition) : null;
      if (lastReported === null) return [];
      const data: MeasureNotReportedData = {
        code: command.code,
        edition: command.edition,
        chapter: placementOf(command.code).chapter,
        lastReported,
      };
      return [{ type: MeasureNotReported.type, data, line: null }];
    }
    const title = assertText(command.type === 'ReportMeasure' ? command.sheet.title : command.title, 'title');
    const events: Emitted<MeasureEvent>[] = [];
    if (!state.registered) {
      events.push({ type: MeasureRegistered.type, data: { code: command.code, title }, line: command.line });
    }
    if (command.type === 'ReportMeasure') {
      assertFiscalYear(command.edition, 'edition');
      const changes = diffReported(state.reported, command.edition, command.sheet as unknown as Record<string, JsonValue>);
      if (changes) {
        events.push({ type: MeasureReported.type, data: { code: command.code, edition: command.edition, changes }, line: command.line });
        const restated = restatementAfter(state.reported, command.edition, changes);
        if (restated) {
          events.push({ type: MeasureReported.type, data: { code: command.code, ...restated }, line: null });
        }
      }
    }
    return events;
  },
};
