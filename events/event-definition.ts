import type { JsonObject } from '../src/shared/json';

/**
 * One entry of the catalogue: a type name, the current version of its payload and the upcasters
 * that lift older stored versions to it, so projections and deciders only ever see the current shape.
 */
export interface EventDefinition<Type extends string, Data extends JsonObject> {
  type: Type;
  version: number;
  /** upcasters[v] lifts a version-v payload to version v+1. */
  upcasters: Record<number, (data: JsonObject) => JsonObject>;
  /** Phantom: carries the payload type. */
  readonly data?: Data;
}

export function defineEvent<Data extends JsonObject>() {
  return <Type extends string>(
    type: Type,
    version = 1,
    upcasters: Record<number, (data: JsonObject) => JsonObject> = {},
  ): EventDefinition<Type, Data> => ({ type, version, upcasters });
}

export type DataOf<D> = D extends EventDefinition<string, infer Data> ? Data : never;

/** Lifts a stored payload of any known version to the definition's current version. */
export function upcast<Data extends JsonObject>(
  definition: EventDefinition<string, Data>,
  storedVersion: number,
  data: JsonObject,
): Data {
  let current = data;
  for (let v = storedVersion; v < definition.version; v += 1) {
    const lift = definition.upcasters[v];
    if (!lift) throw new Error(`${definition.type}: no upcaster from version ${v}`);
    current = lift(current);
  }
  return current as Data;
}
