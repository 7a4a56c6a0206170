import type { Database } from 'better-sqlite3';
import type { JsonObject } from '../../src/store/event-store';

export interface AuditFilter {
  streamId?: string | null;
  actor?: string | null;
  eventType?: string | null;
  edition?: number | null;
  from?: Date | null;
  to?: Date | null;
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
  data: JsonObject;
  hash: string;
  previousHash: string | null;
}

function where(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.streamId) add('stream_id = ?', filter.streamId);
  if (filter.actor) add('actor = ?', filter.actor);
  if (filter.eventType) add('type = ?', filter.eventType);
  if (filter.edition !== null && filter.edition !== undefined) add('edition = ?', filter.edition);
  if (filter.from) add('recorded_at >= ?', filter.from.toISOString());
  if (filter.to) add('recorded_at <= ?', filter.to.toISOString());
  return { sql: clauses.length ? clauses.join(' AND ') : '1 = 1', params };
}

/** One page of the log, oldest first, after `afterPosition`; `first + 1` rows are read to know if more follow. */
export function auditPage(db: Database, filter: AuditFilter, first: number, afterPosition: number) {
  const condition = where(filter);
  const rows = db
    .prepare<unknown[], AuditRow & { data: string }>(
      `SELECT position, event_id AS eventId, stream_id AS streamId, stream_revision AS streamRevision, type,
         recorded_at AS recordedAt, actor, reason, edition, data, hash, previous_hash AS previousHash
       FROM rm_audit_log WHERE ${condition.sql} AND position > ? ORDER BY position LIMIT ?`,
    )
    .all(...condition.params, afterPosition, first + 1);
  const totalCount = db
    .prepare<unknown[], number>(`SELECT COUNT(*) FROM rm_audit_log WHERE ${condition.sql}`)
    .pluck()
    .get(...condition.params) ?? 0;
  const page: AuditRow[] = rows.slice(0, first).map((row) => ({ ...row, data: JSON.parse(row.data) as JsonObject }));
  return { rows: page, hasNextPage: rows.length > first, totalCount };
}
