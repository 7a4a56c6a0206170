import type { RecordedEvent } from '../src/store/event-store';
import type { JsonObject } from '../src/shared/json';
import { editionEvents } from './edition-events';
import { upcast, type EventDefinition } from './event-definition';
import { indicatorEvents } from './indicator-events';
import { measureEvents } from './measure-events';
import { projectEvents } from './project-events';

export const catalogue: ReadonlyArray<EventDefinition<string, JsonObject>> = [
  ...measureEvents,
  ...projectEvents,
  ...indicatorEvents,
  ...editionEvents,
];

const byType = new Map(catalogue.map((definition) => [definition.type, definition]));

export const ledgerEventTypes: readonly string[] = catalogue.map((d) => d.type);

function definitionOf(type: string, position: number): EventDefinition<string, JsonObject> {
  const definition = byType.get(type);
  if (!definition) throw new Error(`unknown event type ${type} at position ${position}`);
  return definition;
}

/** The event with its payload lifted to the current version of its type. */
export function toCurrentVersion(event: RecordedEvent): RecordedEvent {
  const definition = definitionOf(event.type, event.position);
  if (event.version === definition.version) return event;
  return { ...event, version: definition.version, data: upcast(definition, event.version, event.data) };
}

/** A payload lifted to the current version of its type. */
export function currentPayload(event: Pick<RecordedEvent, 'type' | 'version' | 'data' | 'position'>): JsonObject {
  const definition = definitionOf(event.type, event.position);
  return event.version === definition.version ? event.data : upcast(definition, event.version, event.data);
}

/** The version new events of a type are written with. */
export function currentVersionOf(type: string): number {
  const definition = byType.get(type);
  if (!definition) throw new Error(`unknown event type ${type}`);
  return definition.version;
}
