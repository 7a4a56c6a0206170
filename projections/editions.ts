// The editions imported: one row per report fiscal year, with the latest import's source.
import type { Database } from 'better-sqlite3';
import { EditionImported } from '../events/edition-events';
import type { ProjectedEvent, Projection } from './projection';

export const editionsProjection: Projection = {
  name: 'editions',
  version: 1,
  tables: ['rm_editions'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_editions (
      fiscal_year INTEGER PRIMARY KEY, label TEXT NOT NULL, first_position INTEGER NOT NULL, position INTEGER NOT NULL,
      imported_at TEXT NOT NULL, source_sha256 TEXT NOT NULL, event_count INTEGER NOT NULL
    );
  `,

  prepare(db: Database) {
    const upsert = db.prepare(`
      INSERT INTO rm_editions (fiscal_year, label, first_position, position, imported_at, source_sha256, event_count)
      VALUES (@fiscalYear, @label, @position, @position, @importedAt, @sourceSha256, @eventCount)
      ON CONFLICT (fiscal_year) DO UPDATE SET label = excluded.label, position = excluded.position,
        imported_at = excluded.imported_at, source_sha256 = excluded.source_sha256,
        event_count = rm_editions.event_count + excluded.event_count`);
    const apply = (event: ProjectedEvent) => {
      if (event.type !== EditionImported.type) return;
      const { data } = event;
      upsert.run({
        fiscalYear: data.fiscalYear,
        label: data.label,
        position: event.position,
        importedAt: event.recordedAt,
        sourceSha256: data.sourceSha256,
        eventCount: data.eventCount,
      });
    };
    return { apply };
  },
};
