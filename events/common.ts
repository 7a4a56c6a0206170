import type { JsonValue } from '../src/shared/json';

/** An old and a new value of one field, as a revision records it. */
export type FieldChange = { from: JsonValue; to: JsonValue };
export type FieldChanges = { [field: string]: FieldChange };
