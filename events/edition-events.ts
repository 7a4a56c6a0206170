// Stream `edition-<fiscalYear>`, e.g. edition-2021: one event per import that changed anything.
import { defineEvent, type EventOf } from './event-definition';

export type EditionImportedData = {
  fiscalYear: number;
  label: string;
  sourceSha256: string;
  /** Other events this import appended. */
  eventCount: number;
  measures: number;
  projects: number;
  indicators: number;
};

export const EditionImported = defineEvent<EditionImportedData>()('EditionImported');

export const editionEvents = [EditionImported] as const;
/** What an edition's stream holds. */
export type EditionEvent = EventOf<(typeof editionEvents)[number]>;
