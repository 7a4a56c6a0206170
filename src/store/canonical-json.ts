// RFC 8785 canonical JSON, byte-for-byte what the canonicalize package writes, at a fraction of its
// cost: it runs for every event appended (the hash chain) and every field a read model stores, so a
// rebuild of ten million events spends real time here. The package builds every level with reduce and
// template strings; this appends to one string and only sorts keys that are not in order already.

export function canonicalJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return write(value);
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(Number.isNaN(value) ? 'NaN is not allowed' : 'Infinity is not allowed');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return write((value as { toJSON: () => unknown }).toJSON());
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      // undefined, functions, symbols, bigints: as JSON.stringify answers them (undefined, or a throw).
      return JSON.stringify(value);
  }
}

function writeArray(array: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < array.length; i++) {
    if (i > 0) out += ',';
    const item = array[i];
    out += item === undefined || typeof item === 'symbol' ? 'null' : write(item);
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  if (!isSorted(keys)) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined || typeof item === 'symbol') continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${write(item)}`;
  }
  return `${out}}`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}
