import type { Database } from 'better-sqlite3';

export interface EditionRow {
  fiscalYear: number;
  label: string;
  importedAt: string;
  sourceSha256: string;
  eventCount: number;
}

export function editionRows(db: Database): EditionRow[] {
  return db
    .prepare<[], EditionRow>(
      `SELECT fiscal_year AS fiscalYear, label, imported_at AS importedAt, source_sha256 AS sourceSha256, event_count AS eventCount
       FROM rm_editions ORDER BY fiscal_year`,
    )
    .all();
}

/** The newest edition imported so far: direct edits count as belonging to it. */
export function newestEdition(db: Database): number | null {
  return db.prepare<[], number | null>('SELECT MAX(fiscal_year) FROM rm_editions').pluck().get() ?? null;
}
