// Stream `measure-<code>`, e.g. measure-5-1-1.
import type { FieldChanges } from './common';
import { defineEvent } from './event-definition';

export type MeasureRegisteredData = {
  code: string;
  title: string;
};

/**
 * An edition reported the measure. `changes` holds every field whose stated value differs from what
 * the editions up to this one said before (all fields, the first time); it may be empty when the
 * edition restates the measure unchanged.
 */
export type MeasureReportedData = {
  code: string;
  /** The edition that reported it (also in the metadata, kept here so the payload stands alone). */
  edition: number;
  changes: FieldChanges;
};

export const MeasureRegistered = defineEvent<MeasureRegisteredData>()('MeasureRegistered');
export const MeasureReported = defineEvent<MeasureReportedData>()('MeasureReported');

export const measureEvents = [MeasureRegistered, MeasureReported] as const;
