// Stream `measure-<code>`, e.g. measure-5-1-1.
import type { FieldChanges } from './common';
import { defineEvent, type EventOf } from './event-definition';

export type MeasureRegisteredData = {
  code: string;
  title: string;
};

/**
 * An edition reported the measure. `changes` holds every field whose stated value differs from what
 * the editions up to this one said before (all fields, the first time); it may be empty when the
 * edition restates the measure unchanged.
 *
 * When an older edition is imported after a newer one and changes a field the newer edition had
 * left as it was, the importer also appends a MeasureReported for the newer edition restating its
 * value (`from` is the older edition's new value, `to` what the newer edition said), so the newer
 * edition keeps precedence. Its metadata names the newer edition.
 */
export type MeasureReportedData = {
  code: string;
  /** The edition that reported it (also in the metadata, kept here so the payload stands alone). */
  edition: number;
  changes: FieldChanges;
};

/**
 * An edition covered the measure's chapter (it reported a measure sheet of that chapter) without
 * reporting this measure, which an earlier edition did report. Absence is not deletion: the
 * measure keeps its fields, values and the editions that reported it.
 */
export type MeasureNotReportedData = {
  code: string;
  /** The edition that left it out. */
  edition: number;
  chapter: number;
  /** The newest edition before `edition` that reported it, as the ledger knew when this was recorded. */
  lastReported: number;
};

export const MeasureRegistered = defineEvent<MeasureRegisteredData>()('MeasureRegistered');
export const MeasureReported = defineEvent<MeasureReportedData>()('MeasureReported');
export const MeasureNotReported = defineEvent<MeasureNotReportedData>()('MeasureNotReported');

export const measureEvents = [MeasureRegistered, MeasureReported, MeasureNotReported] as const;
/** What a measure's stream holds. */
export type MeasureEvent = EventOf<(typeof measureEvents)[number]>;
