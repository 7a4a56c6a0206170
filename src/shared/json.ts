// What a payload may hold: the store keeps it as JSON text, the domain and the events describe it.
// Shared by both, so the domain does not reach into the store for the words.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
