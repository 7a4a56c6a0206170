// The editions imported: one row per municipality and report fiscal year, with the latest import's source.
import type { Database } from 'better-sqlite3';
import { EditionImported } from '../events/edition-events';
import type { ProjectedEvent, Projection } from './projection';

export const editionsProjection: Projection = {
  name: 'editions',
  // 2: one row per municipality and fiscal year.
  version: 2,
  tables: ['rm_editions'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_editions (
      municipality TEXT NOT NULL, fiscal_year INTEGER NOT NULL, label TEXT NOT NULL, first_position INTEGER NOT NULL, position INTEGER NOT NULL,
      imported_at TEXT NOT NULL, source_sha256 TEXT NOT NULL, event_count INTEGER NOT NULL,
      PRIMARY KEY (municipality, fiscal_year)
    ) WITHOUT ROWID;
  `,

  prepare(db: Database) {
    const upsert = db.prepare(`
      INSERT INTO rm_editions (municipality, fiscal_year, label, first_position, position, imported_at, source_sha256, event_count)
      VALUES (@municipality, @fiscalYear, @label, @position, @position, @importedAt, @sourceSha256, @eventCount)
      ON CONFLICT (municipality, fiscal_year) DO UPDATE SET label = excluded.label, position = excluded.position,
        imported_at = excluded.imported_at, source_sha256 = excluded.source_sha256,
        event_count = rm_editions.event_count + excluded.event_count`);
    const apply = (event: ProjectedEvent) => {
      if (event.type !== EditionImported.type) return;
      const { data } = event;
      upsert.run({
        municipality: event.municipality,
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
