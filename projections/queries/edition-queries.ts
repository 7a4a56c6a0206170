import type { Database } from 'better-sqlite3';
import { pluckStatement, statement } from './statement-cache';

export interface EditionRow {
  /** The municipality's code. */
  municipality: string;
  fiscalYear: number;
  label: string;
  importedAt: string;
  sourceSha256: string;
  eventCount: number;
}

/** Every municipality's editions, by code, then oldest first. */
export function editionRows(db: Database): EditionRow[] {
  return statement<EditionRow>(
    db,
    `SELECT municipality, fiscal_year AS fiscalYear, label, imported_at AS importedAt, source_sha256 AS sourceSha256, event_count AS eventCount
     FROM rm_editions ORDER BY municipality, fiscal_year`,
  ).all();
}

/** The newest edition of a municipality imported so far: its direct edits count as belonging to it. */
export function newestEdition(db: Database, municipality: string): number | null {
  return pluckStatement<number | null>(db, 'SELECT MAX(fiscal_year) FROM rm_editions WHERE municipality = ?').get(municipality) ?? null;
}
