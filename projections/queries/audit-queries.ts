import type { Database } from 'better-sqlite3';
import { currentPayload } from '../../events/catalogue';
import type { EventSource, RecordedEvent } from '../../src/store/event-store';
import type { JsonObject } from '../../src/shared/json';
import { canonicalJson } from '../canonical-json';

export interface AuditFilter {
  streamId?: string | null;
  actor?: string | null;
  eventType?: string | null;
  edition?: number | null;
  from?: Date | null;
  to?: Date | null;
  /** Only the events of these municipalities; null or absent: of every one. */
  municipalities?: readonly string[] | null;
}

export interface AuditRow {
  position: number;
  eventId: string;
  streamId: string;
  streamRevision: number;
  type: string;
  recordedAt: string;
  actor: string;
  reason: string | null;
  edition: number | null;
  /** The code of the municipality it belongs to. */
  municipality: string;
  /** Where its statement stands in what was imported (metadata.source); null for a direct edit. */
  source: EventSource | null;
  data: JsonObject;
  hash: string;
  previousHash: string | null;
}

/** What the audit trail shows of an event, from a page of the audit log or from the live feed. */
export interface AuditSource {
  position: number;
  id: string;
  streamId: string;
  streamRevision: number;
  type: string;
  version: number;
  recordedAt: string;
  metadata: { actor: string; reason: string | null; edition: number | null; source: EventSource | null };
  data: JsonObject;
  hash: string;
  previousHash: string | null;
}

/**
 * How an auditor sees an event, wherever it comes from: its payload upcast like every projection sees
 * it, with its keys in canonical order.
 */
export function auditRow(event: AuditSource | RecordedEvent, municipality: string): AuditRow {
  return {
    position: event.position,
    eventId: event.id,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    reason: event.metadata.reason,
    edition: event.metadata.edition,
    municipality,
    source: event.metadata.source,
    data: JSON.parse(canonicalJson(currentPayload(event))) as JsonObject,
    hash: event.hash,
    previousHash: event.previousHash,
  };
}

interface AuditLogRow {
  position: number;
  eventId: string;
  streamId: string;
  streamRevision: number;
  type: string;
  version: number;
  recordedAt: string;
  actor: string;
  reason: string | null;
  edition: number | null;
  municipality: string;
  /** metadata.source as JSON (the audit-log projection's own JSON.stringify of it). */
  source: string | null;
  data: string;
  hash: string;
  previousHash: string | null;
}

const fromLogRow = (row: AuditLogRow): AuditRow =>
  auditRow({
    position: row.position,
    id: row.eventId,
    streamId: row.streamId,
    streamRevision: row.streamRevision,
    type: row.type,
    version: row.version,
    recordedAt: row.recordedAt,
    metadata: { actor: row.actor, reason: row.reason, edition: row.edition, source: row.source === null ? null : (JSON.parse(row.source) as EventSource) },
    data: JSON.parse(row.data) as JsonObject,
    hash: row.hash,
    previousHash: row.previousHash,
  }, row.municipality);

function where(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  // The log's own (stream_id, stream_revision) index for the embedded store; rm_event_payloads_stream otherwise.
  if (filter.streamId) add('a.position IN (SELECT position FROM rm_event_payloads WHERE stream_id = ?)', filter.streamId);
  if (filter.actor) add('a.actor = ?', filter.actor);
  if (filter.eventType) add('a.type = ?', filter.eventType);
  if (filter.edition !== null && filter.edition !== undefined) add('a.edition = ?', filter.edition);
  if (filter.from) add('a.recorded_at >= ?', filter.from.toISOString());
  if (filter.to) add('a.recorded_at <= ?', filter.to.toISOString());
  if (filter.municipalities) add('a.municipality IN (SELECT value FROM json_each(?))', JSON.stringify(filter.municipalities));
  return { sql: clauses.length ? clauses.join(' AND ') : '1 = 1', params };
}

/** Which part of the log a page is: after/before cut it, then `last` takes its end or `first` its start. */
export interface AuditWindow {
  afterPosition: number;
  beforePosition: number | null;
  first: number;
  last: number | null;
}

/**
 * One page of the log, oldest first. `first + 1` (or `last + 1`, read backwards) rows are read to know
 * if more follow; one indexed probe each says whether anything lies beyond the cursors.
 */
export function auditPage(db: Database, filter: AuditFilter, window: AuditWindow) {
  const condition = where(filter);
  const { afterPosition, beforePosition, first, last } = window;
  const size = last ?? first;
  const rows = db
    .prepare<unknown[], AuditLogRow>(
      `SELECT a.position, p.event_id AS eventId, p.stream_id AS streamId, p.stream_revision AS streamRevision, a.type, p.version,
         a.recorded_at AS recordedAt, a.actor, a.reason, a.edition, a.municipality, a.source, p.data, p.hash, p.previous_hash AS previousHash
       FROM rm_audit_log a JOIN rm_event_payloads p ON p.position = a.position
       WHERE ${condition.sql} AND a.position > ? AND (? IS NULL OR a.position < ?) ORDER BY a.position ${last === null ? 'ASC' : 'DESC'} LIMIT ?`,
    )
    .all(...condition.params, afterPosition, beforePosition, beforePosition, size + 1);
  const totalCount = db
    .prepare<unknown[], number>(`SELECT COUNT(*) FROM rm_audit_log a WHERE ${condition.sql}`)
    .pluck()
    .get(...condition.params) ?? 0;
  const exists = (clause: string, position: number) =>
    db.prepare<unknown[], number>(`SELECT 1 FROM rm_audit_log a WHERE ${condition.sql} AND ${clause} LIMIT 1`).pluck().get(...condition.params, position) !== undefined;
  const earlier = afterPosition > 0 && exists('a.position <= ?', afterPosition);
  const later = beforePosition !== null && exists('a.position >= ?', beforePosition);
  const page = rows.slice(0, size).map(fromLogRow);
  if (last !== null) page.reverse();
  const more = rows.length > size;
  return {
    rows: page,
    hasNextPage: last === null ? more || later : later,
    hasPreviousPage: last === null ? earlier : more || earlier,
    totalCount,
  };
}

/** A stream's revision as the log stood at `position` (its last event's revision by then), -1 before its first event. */
export function streamRevisionAt(db: Database, streamId: string, position: number): number {
  return (
    db
      .prepare<[string, number], number | null>('SELECT MAX(stream_revision) FROM rm_event_payloads WHERE stream_id = ? AND position <= ?')
      .pluck()
      .get(streamId, position) ?? -1
  );
}
