import type { JsonObject } from '../src/shared/json';

/** Lifts a payload of one version to the next. */
export type Upcaster = (data: JsonObject) => JsonObject;

/**
 * One entry of the catalogue: a type name, the current version of its payload and the upcasters
 * that lift older stored versions to it, so projections and deciders only ever see the current shape.
 */
export interface EventDefinition<Type extends string = string, Data extends JsonObject = JsonObject, Version extends number = number> {
  type: Type;
  version: Version;
  /** upcasters[v] lifts a version-v payload to version v+1. */
  upcasters: Readonly<Record<number, Upcaster>>;
  /** Phantom: carries the payload type. */
  readonly data?: Data;
}

/** The event a definition describes, as deciders emit and fold it: its type and its current payload. */
export type EventOf<Definition> = Definition extends EventDefinition<infer Type, infer Data> ? { type: Type; data: Data } : never;

/** `defineEvent<Data>()('Type')` for a type still at version 1; `('Type', 2, { 1: lift })` once its payload changed. */
export function defineEvent<Data extends JsonObject>() {
  function define<Type extends string>(type: Type): EventDefinition<Type, Data, 1>;
  function define<Type extends string, Version extends number>(
    type: Type,
    version: Version,
    upcasters: Readonly<Record<number, Upcaster>>,
  ): EventDefinition<Type, Data, Version>;
  function define(type: string, version = 1, upcasters: Readonly<Record<number, Upcaster>> = {}): EventDefinition {
    return { type, version, upcasters };
  }
  return define;
}

/** Lifts a stored payload of any known version to the definition's current version. */
export function upcast(definition: EventDefinition, storedVersion: number, data: JsonObject): JsonObject {
  let current = data;
  for (let v = storedVersion; v < definition.version; v += 1) {
    const lift = definition.upcasters[v];
    if (!lift) throw new Error(`${definition.type}: no upcaster from version ${v}`);
    current = lift(current);
  }
  return current;
}
