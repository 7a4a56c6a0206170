// Stream `indicator-<indicatorId>`, e.g. indicator-measure-5-1-1/NPO法人数.
import type { FieldChanges } from './common';
import { defineEvent } from './event-definition';

export type OwnerType = 'measure' | 'project';

export type IndicatorDefinedData = {
  indicatorId: string;
  ownerType: OwnerType;
  /** Measure code or project id. */
  ownerId: string;
  kind: 'OUTCOME' | 'ACTIVITY' | 'GOAL_STATE' | 'COST' | 'STAFFING';
  name: string;
  unit: string | null;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NONE';
};

/** An edition reported the indicator; `changes` holds a renamed name or a new unit. */
export type IndicatorReportedData = {
  indicatorId: string;
  /** The edition that reported it (also in the metadata, kept here so the payload stands alone). */
  edition: number;
  changes: FieldChanges;
};

/**
 * One statement of a target or an actual for a fiscal year. `effectiveEdition` orders statements for
 * precedence: the report's edition, or for a direct edit the newest edition imported when it was made.
 * `previous*` is what the ledger held for that year and kind, as of that edition, before this statement.
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

export const IndicatorDefined = defineEvent<IndicatorDefinedData>()('IndicatorDefined');
export const IndicatorReported = defineEvent<IndicatorReportedData>()('IndicatorReported');
/** The first target stated for that fiscal year. */
export const TargetSet = defineEvent<ValueStatedData>()('TargetSet');
/** A target that differs from the one stated before. */
export const TargetRevised = defineEvent<ValueStatedData>()('TargetRevised');
/** The first actual stated for that fiscal year. */
export const ActualRecorded = defineEvent<ValueStatedData>()('ActualRecorded');
/** An actual that differs from the one stated before. */
export const ActualRevised = defineEvent<ValueStatedData>()('ActualRevised');

export const valueEvents = [TargetSet, TargetRevised, ActualRecorded, ActualRevised] as const;
export const indicatorEvents = [IndicatorDefined, IndicatorReported, ...valueEvents] as const;

export const VALUE_EVENT_KIND: Record<string, 'TARGET' | 'ACTUAL'> = {
  TargetSet: 'TARGET',
  TargetRevised: 'TARGET',
  ActualRecorded: 'ACTUAL',
  ActualRevised: 'ACTUAL',
};
