// What the audit log shows of each event beyond its own columns: id, stream, payload and hashes.
// The embedded store keeps its log in the read model's own database, so there they are a view over the
// log itself, and a rebuild copies nothing. A read model kept apart from its log (a server store) keeps
// them in a table of its own, filled as events arrive.
import type { Database } from 'better-sqlite3';
import type { ProjectedEvent, Projection } from './projection';

const COLUMNS = 'position, event_id, stream_id, stream_revision, version, data, hash, previous_hash';

/** The payloads as a view over the embedded log's `events` table. */
export const eventPayloadsInLog: Projection = {
  name: 'event-payloads',
  version: 1,
  tables: [],
  schema: `
    CREATE VIEW IF NOT EXISTS rm_event_payloads (${COLUMNS}) AS
      SELECT position, id, stream_id, stream_revision, version, data, hash, previous_hash FROM events;
  `,
  prepare: () => ({ apply: () => undefined }),
};

/** The payloads copied into a read model kept apart from its log, as the projections see them (upcast). */
export const eventPayloadsCopied: Projection = {
  name: 'event-payloads',
  version: 1,
  tables: ['rm_event_payloads'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_event_payloads (
      position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, stream_revision INTEGER NOT NULL,
      version INTEGER NOT NULL, data TEXT NOT NULL, hash TEXT NOT NULL, previous_hash TEXT
    );
    CREATE INDEX IF NOT EXISTS rm_event_payloads_stream ON rm_event_payloads (stream_id, position);
  `,
  prepare(db: Database) {
    const insert = db.prepare(`INSERT INTO rm_event_payloads (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const apply = (event: ProjectedEvent) => {
      insert.run(event.position, event.id, event.streamId, event.streamRevision, event.version, JSON.stringify(event.data), event.hash, event.previousHash);
    };
    return { apply };
  },
};
