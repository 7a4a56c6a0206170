// Every event with who, when, why and from which report, indexed for the auditors' filters.
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../src/store/event-store';
import { canonicalJson } from './canonical-json';
import type { Projection } from './projection';

export const auditLogProjection: Projection = {
  name: 'audit-log',
  tables: ['rm_audit_log'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_audit_log (
      position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, stream_revision INTEGER NOT NULL,
      type TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT, edition INTEGER,
      data TEXT NOT NULL, hash TEXT NOT NULL, previous_hash TEXT
    );
    CREATE INDEX IF NOT EXISTS rm_audit_log_stream ON rm_audit_log (stream_id, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_actor ON rm_audit_log (actor, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_type ON rm_audit_log (type, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_edition ON rm_audit_log (edition, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_recorded_at ON rm_audit_log (recorded_at, position);
  `,

  prepare(db: Database) {
    const insert = db.prepare(`
      INSERT INTO rm_audit_log (position, event_id, stream_id, stream_revision, type, recorded_at, actor, reason, edition, data, hash, previous_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const apply = (event: RecordedEvent) => {
      insert.run(
        event.position,
        event.id,
        event.streamId,
        event.streamRevision,
        event.type,
        event.recordedAt,
        event.metadata.actor,
        event.metadata.reason,
        event.metadata.edition,
        canonicalJson(event.data),
        event.hash,
        event.previousHash,
      );
    };
    return { apply };
  },
};
