import type { JsonObject, RecordedEvent } from '../src/store/event-store';
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

/** The event with its payload lifted to the current version of its type. */
export function toCurrentVersion(event: RecordedEvent): RecordedEvent {
  const definition = byType.get(event.type);
  if (!definition) throw new Error(`unknown event type ${event.type} at position ${event.position}`);
  if (event.version === definition.version) return event;
  return { ...event, version: definition.version, data: upcast(definition, event.version, event.data) };
}

/** The version new events of a type are written with. */
export function currentVersionOf(type: string): number {
  const definition = byType.get(type);
  if (!definition) throw new Error(`unknown event type ${type}`);
  return definition.version;
}
