// An event's payload as the GraphQL object type of its event type, from the typed event union: the
// switch is exhaustive, so a new event type in the catalogue does not compile until it has a payload
// type here; and the LedgerEventType enum is generated from the catalogue itself.
import { createUnionType, registerEnumType } from 'type-graphql';
import { catalogue, type LedgerEvent, type LedgerEventType } from '../../events/catalogue';
import type { FieldChanges } from '../../events/common';
import {
  ActualRecordedPayload,
  ActualRevisedPayload,
  EditionImportedPayload,
  FieldChangeEntry,
  IndicatorDefinedPayload,
  IndicatorLinkedPayload,
  IndicatorNotReportedPayload,
  IndicatorReportedPayload,
  MeasureNotReportedPayload,
  MeasureRegisteredPayload,
  MeasureReportedPayload,
  ProjectNotReportedPayload,
  ProjectRegisteredPayload,
  ProjectReportedPayload,
  TargetRevisedPayload,
  TargetSetPayload,
} from './types/event-payload-types';

/** Every event type of the catalogue, as a GraphQL enum whose values are the type names themselves. */
export const LedgerEventTypeEnum: { readonly [Type in LedgerEventType]: Type } = Object.freeze(
  Object.fromEntries(catalogue.map(({ type }) => [type, type])) as { [Type in LedgerEventType]: Type },
);
registerEnumType(LedgerEventTypeEnum, { name: 'LedgerEventType', description: 'The event types of the ledger; the same names as AuditEvent.type' });

const PAYLOAD_TYPES = [
  MeasureRegisteredPayload,
  MeasureReportedPayload,
  MeasureNotReportedPayload,
  ProjectRegisteredPayload,
  ProjectReportedPayload,
  ProjectNotReportedPayload,
  IndicatorDefinedPayload,
  IndicatorReportedPayload,
  IndicatorNotReportedPayload,
  IndicatorLinkedPayload,
  TargetSetPayload,
  TargetRevisedPayload,
  ActualRecordedPayload,
  ActualRevisedPayload,
  EditionImportedPayload,
] as const;

export type LedgerEventPayload = InstanceType<(typeof PAYLOAD_TYPES)[number]>;

export const LedgerEventPayloadUnion = createUnionType({
  name: 'LedgerEventPayload',
  description: 'An event\'s payload, one object type per event type (<type>Payload)',
  types: () => PAYLOAD_TYPES,
});

function listed(changes: FieldChanges): FieldChangeEntry[] {
  return Object.entries(changes).map(([field, { from, to }]) => Object.assign(new FieldChangeEntry(), { field, from, to }));
}

export function payloadOf(event: LedgerEvent): LedgerEventPayload {
  switch (event.type) {
    case 'MeasureRegistered':
      return Object.assign(new MeasureRegisteredPayload(), event.data);
    case 'MeasureReported':
      return Object.assign(new MeasureReportedPayload(), { ...event.data, changes: listed(event.data.changes) });
    case 'MeasureNotReported':
      return Object.assign(new MeasureNotReportedPayload(), event.data);
    case 'ProjectRegistered':
      return Object.assign(new ProjectRegisteredPayload(), event.data);
    case 'ProjectReported':
      return Object.assign(new ProjectReportedPayload(), { ...event.data, changes: listed(event.data.changes) });
    case 'ProjectNotReported':
      return Object.assign(new ProjectNotReportedPayload(), event.data);
    case 'IndicatorDefined':
      return Object.assign(new IndicatorDefinedPayload(), event.data);
    case 'IndicatorReported':
      return Object.assign(new IndicatorReportedPayload(), { ...event.data, changes: listed(event.data.changes) });
    case 'IndicatorNotReported':
      return Object.assign(new IndicatorNotReportedPayload(), event.data);
    case 'IndicatorLinked':
      return Object.assign(new IndicatorLinkedPayload(), event.data);
    case 'TargetSet':
      return Object.assign(new TargetSetPayload(), event.data);
    case 'TargetRevised':
      return Object.assign(new TargetRevisedPayload(), event.data);
    case 'ActualRecorded':
      return Object.assign(new ActualRecordedPayload(), event.data);
    case 'ActualRevised':
      return Object.assign(new ActualRevisedPayload(), event.data);
    case 'EditionImported':
      return Object.assign(new EditionImportedPayload(), event.data);
    default: {
      const unknown: never = event;
      throw new Error(`no payload type for ${JSON.stringify(unknown)}`);
    }
  }
}
