import type { Database } from 'better-sqlite3';
import { pluckStatement, statement } from './statement-cache';

export interface EditionRow {
  fiscalYear: number;
  label: string;
  importedAt: string;
  sourceSha256: string;
  eventCount: number;
}

export function editionRows(db: Database): EditionRow[] {
  return statement<EditionRow>(db, `SELECT fiscal_year AS fiscalYear, label, imported_at AS importedAt, source_sha256 AS sourceSha256, event_count AS eventCount
       FROM rm_editions ORDER BY fiscal_year`).all();
}

/** The newest edition imported so far: direct edits count as belonging to it. */
export function newestEdition(db: Database): number | null {
  return pluckStatement<number | null>(db, 'SELECT MAX(fiscal_year) FROM rm_editions').get() ?? null;
}
