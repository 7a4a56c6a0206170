import type { LedgerEvent } from './catalogue';
import { IndicatorNotReported } from './indicator-events';
import { MeasureNotReported } from './measure-events';
import { ProjectNotReported } from './project-events';

/** What an absence event records: which entity an edition left out. */
export interface RecordedAbsence {
  type: 'measure' | 'project' | 'indicator';
  id: string;
  edition: number;
}

/** The absence an event records, or null for every other event. */
export function absenceOf(event: LedgerEvent): RecordedAbsence | null {
  switch (event.type) {
    case MeasureNotReported.type:
      return { type: 'measure', id: event.data.code, edition: event.data.edition };
    case ProjectNotReported.type:
      return { type: 'project', id: event.data.projectId, edition: event.data.edition };
    case IndicatorNotReported.type:
      return { type: 'indicator', id: event.data.indicatorId, edition: event.data.edition };
    default:
      return null;
  }
}
