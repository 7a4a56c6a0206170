// An event's metadata.source, as the audit log keeps it (JSON) or the store gives it, → Revision.source and
// AuditEvent.source. Older events carry only the hash and the line; every other key is optional, so each
// is read for what it is and a missing one is null.
import type { StatementSource } from './types/indicator-types';

const text = (record: Record<string, unknown>, key: string): string | null => {
  const value = record[key];
  return typeof value === 'string' ? value : null;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** From the audit log's JSON (Revision.source). */
export function statementSource(json: string | null): StatementSource | null {
  return json === null ? null : statementSourceOf(JSON.parse(json));
}

/** From metadata.source as the store or the audit log gives it (AuditEvent.source), whatever its age. */
export function statementSourceOf(parsed: unknown): StatementSource | null {
  if (!isRecord(parsed)) return null;
  const sha256 = text(parsed, 'sha256');
  if (sha256 === null) return null;
  const line = parsed['line'];
  return {
    file: text(parsed, 'file'),
    sha256,
    sheet: text(parsed, 'sheet'),
    line: typeof line === 'number' ? line : null,
    cell: text(parsed, 'cell'),
    layout: text(parsed, 'layout'),
  };
}
