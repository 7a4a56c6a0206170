// Entity tags for GraphQL reads. The ledger changes only by appending, so the log position the read
// model stands at, plus what was asked, names a response exactly: same position and same question, same
// bytes. No body needs hashing.
import { createHash } from 'node:crypto';

/** A stable digest of the question: the document, the operation, its variables and whatever the answer varies by. */
export function questionDigest(parts: { queryHash: string; operationName: string | null | undefined; variables: unknown; vary: string }): string {
  return createHash('sha256')
    .update(parts.queryHash)
    .update('\u0000')
    .update(parts.operationName ?? '')
    .update('\u0000')
    .update(stableJson(parts.variables ?? {}))
    .update('\u0000')
    .update(parts.vary)
    .digest('base64url')
    .slice(0, 22);
}

/** A strong tag: the answer at one position is byte-for-byte the same. */
export const etagOf = (position: number, digest: string): string => `"${position}-${digest}"`;

/**
 * True when an If-None-Match header names `etag`: a list of tags, weak ones compared weakly
 * (RFC 9110 §13.1.2), or `*`.
 */
export function ifNoneMatchHits(header: string | undefined | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** JSON with sorted keys, so {a, b} and {b, a} as variables are the same question. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  return `{${Object.keys(object)
    .sort()
    .filter((key) => object[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableJson(object[key])}`)
    .join(',')}}`;
}
