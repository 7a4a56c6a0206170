// Stream `indicator-<indicatorId>`, e.g. indicator-measure-5-1-1/NPO法人数.
import type { FieldChanges } from './common';
import { defineEvent, type EventOf } from './event-definition';
import type { Direction, IndicatorKind, OwnerType, ValueKind } from './vocabulary';

export type IndicatorDefinedData = {
  indicatorId: string;
  ownerType: OwnerType;
  /** Measure code or project id. */
  ownerId: string;
  kind: IndicatorKind;
  name: string;
  unit: string | null;
  direction: Direction;
};

/**
 * An edition reported the indicator; `changes` holds a renamed name or a new unit (restatements as
 * in MeasureReported).
 *
 * Version 2 adds `cells`: the cells the edition's row stated, as `<fiscalYear>:<TARGET|ACTUAL>`
 * (e.g. 2021:TARGET), so the ledger knows which editions stated a value even when it appended no
 * event for it because it was unchanged. Null on a restatement, and on version-1 events (unknown).
 */
export type IndicatorReportedData = {
  indicatorId: string;
  /** The edition that reported it (also in the metadata, kept here so the payload stands alone). */
  edition: number;
  changes: FieldChanges;
  cells: string[] | null;
};

/**
 * The indicator's owner (its measure or project) was reported by an edition whose table had no row
 * for it, while an earlier edition did have one. Absence is not deletion: values stay.
 */
export type IndicatorNotReportedData = {
  indicatorId: string;
  /** The edition that left it out. */
  edition: number;
  ownerType: OwnerType;
  ownerId: string;
  /** The newest edition before `edition` that reported it, as the ledger knew when this was recorded. */
  lastReported: number;
};

/**
 * One statement of a target or an actual for a fiscal year. `effectiveEdition` orders statements for
 * precedence: the report's edition, or for a direct edit the newest edition imported when it was made.
 * `previous*` is what the ledger held for that year and kind, as of that edition, before this statement.
 *
 * Only changes are recorded: an edition that states what the editions before it said appends nothing.
 * So when an older edition imported later changes a value, the next newer edition that stated the
 * same cell unchanged gets its statement appended too (a TargetRevised/ActualRevised with that
 * edition as effectiveEdition), and keeps precedence over the older one.
 */
export type ValueStatedData = {
  indicatorId: string;
  fiscalYear: number;
  value: number | null;
  text: string | null;
  previousValue: number | null;
  previousText: string | null;
  effectiveEdition: number;
};

/**
 * A person said this indicator (`indicatorId`, the one renamed away from) is the same indicator as `to`
 * (its name in later editions): what was stated under this id counts as stated of `to`. Recorded on this
 * indicator's stream, so a second link of it is refused by its own stream's revision; never emitted by an
 * import. The owners are kept so the event names every entity whose reads it changes (Projection.touches).
 */
export type IndicatorLinkedData = {
  indicatorId: string;
  /** Measure code or project id of this indicator. */
  ownerId: string;
  /** The indicator it continues as, of the same municipality and kind. */
  to: string;
  /** Measure code or project id of `to`. */
  toOwnerId: string;
};

export const IndicatorDefined = defineEvent<IndicatorDefinedData>()('IndicatorDefined');
export const IndicatorReported = defineEvent<IndicatorReportedData>()('IndicatorReported', 2, {
  // Version 1 did not record which cells the edition stated.
  1: (data) => ({ ...data, cells: null }),
});
export const IndicatorNotReported = defineEvent<IndicatorNotReportedData>()('IndicatorNotReported');
/** The first target stated for that fiscal year. */
export const TargetSet = defineEvent<ValueStatedData>()('TargetSet');
/** A target that differs from the one stated before. */
export const TargetRevised = defineEvent<ValueStatedData>()('TargetRevised');
/** The first actual stated for that fiscal year. */
export const ActualRecorded = defineEvent<ValueStatedData>()('ActualRecorded');
/** An actual that differs from the one stated before. */
export const ActualRevised = defineEvent<ValueStatedData>()('ActualRevised');

export const IndicatorLinked = defineEvent<IndicatorLinkedData>()('IndicatorLinked');

export const valueEvents = [TargetSet, TargetRevised, ActualRecorded, ActualRevised] as const;
export const indicatorEvents = [IndicatorDefined, IndicatorReported, IndicatorNotReported, IndicatorLinked, ...valueEvents] as const;
/** A statement of a target or an actual. */
export type ValueEvent = EventOf<(typeof valueEvents)[number]>;
/** What an indicator's stream holds. */
export type IndicatorEvent = EventOf<(typeof indicatorEvents)[number]>;

/** Whether an event states a target or an actual (then its data is a ValueStatedData). */
export function isValueEvent<Event extends { type: string }>(event: Event): event is Extract<Event, { type: ValueEvent['type'] }> {
  switch (event.type) {
    case TargetSet.type:
    case TargetRevised.type:
    case ActualRecorded.type:
    case ActualRevised.type:
      return true;
    default:
      return false;
  }
}

/** The cell a value event states: a target or an actual. */
export function valueKindOf(event: Pick<ValueEvent, 'type'>): ValueKind {
  switch (event.type) {
    case TargetSet.type:
    case TargetRevised.type:
      return 'TARGET';
    case ActualRecorded.type:
    case ActualRevised.type:
      return 'ACTUAL';
    default: {
      const _exhaustive: never = event.type;
      throw new Error(`not a value event: ${String(_exhaustive)}`);
    }
  }
}
