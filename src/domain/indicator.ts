import {
  ActualRecorded,
  ActualRevised,
  IndicatorDefined,
  IndicatorLinked,
  IndicatorNotReported,
  IndicatorReported,
  TargetRevised,
  TargetSet,
  valueKindOf,
  type IndicatorDefinedData,
  type IndicatorEvent,
  type IndicatorNotReportedData,
  type IndicatorReportedData,
  type ValueEvent,
} from '../../events/indicator-events';
import type { Direction, IndicatorKind, OwnerType, ValueKind } from '../../events/vocabulary';
import type { Decider, Emitted } from './decider';
import { DomainError } from './domain-error';
import { decideLink, type LinkIndicatorCommand } from './indicator-link';
import { assertFiniteOrNull, assertFiscalYear, assertNonNegativeOrNull, assertPrintable, assertText } from './invariants';
import {
  absenceBasis,
  diffReported,
  emptyReportedFields,
  evolveAbsent,
  evolveReported,
  nextEdition,
  restatementAfter,
  type ReportedFieldsState,
} from './reported-fields';
import { winningStatement, type Statement } from './statement-log';

export interface StatedValue {
  value: number | null;
  text: string | null;
}

export type IndicatorCommand =
  | {
      type: 'ReportIndicator';
      indicatorId: string;
      ownerType: OwnerType;
      ownerId: string;
      kind: IndicatorKind;
      name: string;
      unit: string | null;
      edition: number;
      /** The cells the edition's row states, as cellKey(fiscalYear, kind); left out, they are not recorded. */
      cells?: string[] | undefined;
      line: number | null;
    }
  /** A cell of a report. */
  | ({ type: 'StateValue'; indicatorId: string; fiscalYear: number; kind: ValueKind; edition: number; line: number | null } & StatedValue)
  /** A direct edit outside a report; `effectiveEdition` is the newest edition imported when it is made. */
  | ({
      type: 'RecordValue';
      indicatorId: string;
      fiscalYear: number;
      kind: ValueKind;
      effectiveEdition: number;
      reason: string;
    } & StatedValue)
  /**
   * The owner was reported by the edition without this indicator. Recorded only if an earlier edition
   * reported the indicator and this edition did not.
   */
  | { type: 'NoteIndicatorAbsent'; indicatorId: string; edition: number }
  /** A person says this indicator continues as another (indicator-link.ts). */
  | LinkIndicatorCommand;

export interface IndicatorState {
  definition: IndicatorDefinedData | null;
  reported: ReportedFieldsState;
  /** Statements by `${fiscalYear}:${kind}`. */
  values: Record<string, Statement<StatedValue>[]>;
  /** By edition: the cells its row stated (unknown for editions recorded before version 2 of IndicatorReported). */
  cells: Record<number, string[]>;
  /** The indicator this one continues as, once a person linked it (IndicatorLinked). */
  linkedTo: string | null;
}

/** `2021:TARGET`: how a statement's cell is keyed in state and in IndicatorReported.cells. */
export const cellKey = (fiscalYear: number, kind: ValueKind): string => `${fiscalYear}:${kind}`;
const valueKey = cellKey;

const sameCells = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && a.length === b.length && a.every((cell, i) => cell === b[i]);

/** The first edition after `edition` whose row stated the cell. */
function nextStatingEdition(state: IndicatorState, key: string, edition: number): number | undefined {
  const stating = Object.entries(state.cells)
    .filter(([, cells]) => cells.includes(key))
    .map(([e]) => Number(e));
  return nextEdition(stating, edition);
}

export function defaultDirection(kind: IndicatorKind): Direction {
  return kind === 'OUTCOME' || kind === 'ACTIVITY' ? 'HIGHER_IS_BETTER' : 'NONE';
}

/** The value of a year and kind as the editions up to `edition` (all, when omitted) state it. */
export function valueAsOf(state: IndicatorState, fiscalYear: number, kind: ValueKind, edition?: number): StatedValue | undefined {
  return winningStatement(state.values[valueKey(fiscalYear, kind)] ?? [], edition)?.value;
}

const sameValue = (a: StatedValue, b: StatedValue): boolean => a.value === b.value && a.text === b.text;

function valueEvent(
  indicatorId: string,
  fiscalYear: number,
  kind: ValueKind,
  stated: StatedValue,
  previous: StatedValue | undefined,
  effectiveEdition: number,
): Emitted<ValueEvent> {
  const type = kind === 'TARGET' ? (previous ? TargetRevised.type : TargetSet.type) : previous ? ActualRevised.type : ActualRecorded.type;
  return {
    type,
    data: {
      indicatorId,
      fiscalYear,
      value: stated.value,
      text: stated.text,
      previousValue: previous?.value ?? null,
      previousText: previous?.text ?? null,
      effectiveEdition,
    },
  };
}

function validateValue(state: IndicatorState, command: { fiscalYear: number; value: number | null; text: string | null }): void {
  assertFiscalYear(command.fiscalYear);
  assertFiniteOrNull(command.value);
  if (state.definition?.kind === 'STAFFING' || state.definition?.kind === 'COST') assertNonNegativeOrNull(command.value, 'value');
  if (command.value === null && (command.text ?? '').trim() === '') {
    throw new DomainError('BAD_USER_INPUT', 'a value needs a number or a text (for example — for not applicable)', 'value');
  }
  if (command.text !== null && command.text.length > 10_000) {
    throw new DomainError('BAD_USER_INPUT', 'text is longer than 10000 characters', 'text');
  }
  if (command.text !== null) assertPrintable(command.text, 'text');
}

function evolveValue(state: IndicatorState, event: ValueEvent, revision: number): IndicatorState {
  const { data } = event;
  const key = valueKey(data.fiscalYear, valueKindOf(event));
  const statement = { effectiveEdition: data.effectiveEdition, revision, value: { value: data.value, text: data.text } };
  return { ...state, values: { ...state.values, [key]: [...(state.values[key] ?? []), statement] } };
}

export const indicatorDecider: Decider<IndicatorCommand, IndicatorState, IndicatorEvent> = {
  initialState: () => ({ definition: null, reported: emptyReportedFields(), values: {}, cells: {}, linkedTo: null }),

  evolve(state, event, revision) {
    switch (event.type) {
      case IndicatorDefined.type:
        return { ...state, definition: event.data };
      case IndicatorReported.type: {
        const { data } = event;
        const reported = evolveReported(state.reported, data.edition, revision, data.changes);
        const cells = data.cells ? { ...state.cells, [data.edition]: [...data.cells] } : state.cells;
        return { ...state, reported, cells };
      }
      case IndicatorNotReported.type:
        return { ...state, reported: evolveAbsent(state.reported, event.data.edition) };
      case IndicatorLinked.type:
        return { ...state, linkedTo: event.data.to };
      case TargetSet.type:
      case TargetRevised.type:
      case ActualRecorded.type:
      case ActualRevised.type:
        return evolveValue(state, event, revision);
      default: {
        // Every type of the stream is handled above (the compiler checks); another stream's event leaves the state be.
        const _exhaustive: never = event;
        return state;
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'ReportIndicator': {
        const name = assertText(command.name, 'name', 1000);
        assertFiscalYear(command.edition, 'edition');
        const events: Emitted<IndicatorEvent>[] = [];
        if (!state.definition) {
          const definition: IndicatorDefinedData = {
            indicatorId: command.indicatorId,
            ownerType: command.ownerType,
            ownerId: command.ownerId,
            kind: command.kind,
            name,
            unit: command.unit,
            direction: defaultDirection(command.kind),
          };
          events.push({ type: IndicatorDefined.type, data: definition, line: command.line });
        }
        const changes = diffReported(state.reported, command.edition, { name, unit: command.unit });
        const cells = command.cells ? [...command.cells].sort() : null;
        if (changes || (cells && !sameCells(state.cells[command.edition], cells))) {
          const data: IndicatorReportedData = { indicatorId: command.indicatorId, edition: command.edition, changes: changes ?? {}, cells };
          events.push({ type: IndicatorReported.type, data, line: command.line });
        }
        const restated = changes ? restatementAfter(state.reported, command.edition, changes) : null;
        if (restated) {
          events.push({ type: IndicatorReported.type, data: { indicatorId: command.indicatorId, ...restated, cells: null }, line: null });
        }
        return events;
      }
      case 'StateValue': {
        if (!state.definition) throw new DomainError('NOT_FOUND', `indicator ${command.indicatorId} is not defined`, 'indicatorId');
        validateValue(state, command);
        const previous = valueAsOf(state, command.fiscalYear, command.kind, command.edition);
        if (previous && sameValue(previous, command)) return [];
        const stated: Emitted<ValueEvent> = { ...valueEvent(command.indicatorId, command.fiscalYear, command.kind, command, previous, command.edition), line: command.line };
        // Keep precedence for the next newer edition that stated this cell unchanged (see ValueStatedData).
        const key = valueKey(command.fiscalYear, command.kind);
        const later = nextStatingEdition(state, key, command.edition);
        const winner = later === undefined ? undefined : winningStatement(state.values[key] ?? [], later);
        if (later === undefined || !winner || winner.effectiveEdition > command.edition || sameValue(winner.value, command)) return [stated];
        const restated = valueEvent(command.indicatorId, command.fiscalYear, command.kind, winner.value, command, later);
        return [stated, { ...restated, line: null }];
      }
      case 'NoteIndicatorAbsent': {
        assertFiscalYear(command.edition, 'edition');
        const lastReported = state.definition ? absenceBasis(state.reported, command.edition) : null;
        if (!state.definition || lastReported === null) return [];
        const data: IndicatorNotReportedData = {
          indicatorId: command.indicatorId,
          edition: command.edition,
          ownerType: state.definition.ownerType,
          ownerId: state.definition.ownerId,
          lastReported,
        };
        return [{ type: IndicatorNotReported.type, data, line: null }];
      }
      case 'RecordValue': {
        if (!state.definition) throw new DomainError('NOT_FOUND', `no indicator with id ${JSON.stringify(command.indicatorId)}`, 'indicatorId');
        validateValue(state, command);
        assertText(command.reason, 'reason', 2000);
        const previous = valueAsOf(state, command.fiscalYear, command.kind, command.effectiveEdition);
        return [valueEvent(command.indicatorId, command.fiscalYear, command.kind, command, previous, command.effectiveEdition)];
      }
      case 'LinkIndicator':
        return decideLink(command, state);
    }
  },
};
