import { canonicalJson as canonicalize } from '../src/store/canonical-json';
import type { JsonValue } from '../src/shared/json';

/**
 * JSON with sorted keys (RFC 8785), so a read model is byte-identical whichever store the events came
 * from: PostgreSQL's jsonb, for one, does not keep key order.
 */
export function canonicalJson(value: JsonValue): string {
  return canonicalize(value) ?? 'null';
}
