// Every event with who, when, why and from which report (and where in it), indexed for the auditors' filters. The rest of
// each event, its stream too, is in rm_event_payloads (see event-payloads.ts).
import type { Database } from 'better-sqlite3';
import type { ProjectedEvent, Projection } from './projection';

export const auditLogProjection: Projection = {
  name: 'audit-log',
  // 2: the municipality of each event. 3: where its statement stands (metadata.source, as JSON). 4: that JSON
  // canonical, so a log copied through PostgreSQL (jsonb orders keys its own way) projects the same bytes.
  version: 4,
  tables: ['rm_audit_log'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_audit_log (
      position INTEGER PRIMARY KEY, type TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT,
      edition INTEGER, municipality TEXT NOT NULL, source TEXT
    );
    CREATE INDEX IF NOT EXISTS rm_audit_log_municipality ON rm_audit_log (municipality, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_actor ON rm_audit_log (actor, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_type ON rm_audit_log (type, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_edition ON rm_audit_log (edition, position);
    CREATE INDEX IF NOT EXISTS rm_audit_log_recorded_at ON rm_audit_log (recorded_at, position);
  `,

  prepare(db: Database) {
    const insert = db.prepare(
      'INSERT INTO rm_audit_log (position, type, recorded_at, actor, reason, edition, municipality, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const apply = (event: ProjectedEvent) => {
      const { source } = event.metadata;
      insert.run(
        event.position,
        event.type,
        event.recordedAt,
        event.metadata.actor,
        event.metadata.reason,
        event.metadata.edition,
        event.municipality,
        // Keys sorted by JSON.stringify's own replacer list: the source is flat, and RFC 8785 in full cost
        // a rebuild of a million events several seconds.
        source ? JSON.stringify(source, Object.keys(source).sort()) : null,
      );
    };
    return { apply };
  },
};
