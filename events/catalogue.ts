// Every event the ledger records, as one discriminated union, and the one place a stored event (a type
// name, a version and a JSON payload) becomes a typed event of the current version.
import type { JsonObject } from '../src/shared/json';
import { editionEvents, type EditionEvent } from './edition-events';
import { upcast, type EventDefinition } from './event-definition';
import { indicatorEvents, type IndicatorEvent } from './indicator-events';
import { measureEvents, type MeasureEvent } from './measure-events';
import { projectEvents, type ProjectEvent } from './project-events';

export const catalogue = [...measureEvents, ...projectEvents, ...indicatorEvents, ...editionEvents] as const;

/** Any event, as deciders emit and fold it and projections read it: `type` and its current `data`. */
export type LedgerEvent = MeasureEvent | ProjectEvent | IndicatorEvent | EditionEvent;
export type LedgerEventType = LedgerEvent['type'];

/** The version new events of a type are written with (IndicatorReported: 2). */
export type CurrentVersion<Type extends LedgerEventType> = Extract<(typeof catalogue)[number], { type: Type }>['version'];

/** What the catalogue needs of an event as stored: any type name, any version, a JSON payload. */
export interface StoredEvent {
  type: string;
  version: number;
  data: JsonObject;
  /** For the error about an unknown type. */
  position: number;
}

/** A stored event (whatever else it carries) as a typed event of its type's current version. */
export type CurrentEvent<Stored extends StoredEvent> = LedgerEvent extends infer Event
  ? Event extends LedgerEvent
    ? Omit<Stored, 'type' | 'version' | 'data'> & Event & { version: CurrentVersion<Event['type']> }
    : never
  : never;

const byType = new Map<string, EventDefinition>(catalogue.map((definition) => [definition.type, definition]));

function definitionOf(type: string, position: number): EventDefinition {
  const definition = byType.get(type);
  if (!definition) throw new Error(`unknown event type ${type} at position ${position}`);
  return definition;
}

/**
 * The event with its payload lifted to the current version of its type. This is where stored JSON
 * becomes a LedgerEvent: the type is checked against the catalogue and the payload upcast, but the
 * payload's fields are trusted, not validated. Only the deciders write events, through the catalogue's
 * types, and the log is hash-chained; checking every field of every event would cost each fold and
 * projection more than the work it guards.
 */
export function toCurrentVersion<Stored extends StoredEvent>(event: Stored): CurrentEvent<Stored> {
  const definition = definitionOf(event.type, event.position);
  const current = event.version === definition.version ? event : { ...event, version: definition.version, data: upcast(definition, event.version, event.data) };
  return current as unknown as CurrentEvent<Stored>;
}

/** A payload lifted to the current version of its type. */
export function currentPayload(event: StoredEvent): LedgerEvent['data'] {
  return toCurrentVersion(event).data;
}

/** The version new events of a type are written with. */
export function currentVersionOf(type: LedgerEventType): number {
  return definitionOf(type, 0).version;
}

/** A payload already at its type's current version (as the audit log keeps them) as a typed event. */
export function currentEvent(type: string, data: JsonObject, position: number): LedgerEvent {
  return toCurrentVersion({ type, version: definitionOf(type, position).version, data, position });
}
