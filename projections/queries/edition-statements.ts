// What one edition of a municipality stated, as `export --statements` writes it back out: the entities
// the edition reported, the cells each indicator's row printed, and the value each cell had as of the
// edition. A newer edition that printed a cell unchanged recorded no statement of its own, so the value
// of a cell it printed is the last statement of a report up to it; direct edits are not a report's and
// are left out.
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../plan-entities';
import { statement } from './statement-cache';

/** A municipality's ids run from `062073:` up to `062073;` (the character after ':'). */
const range = (municipality: string): [string, string] => [`${municipality}:`, `${municipality};`];

/** The ids of the entities of `type` the edition reported. */
export function reportedIn(db: Database, municipality: string, edition: number, type: EntityType): string[] {
  return statement<{ entity_id: string }>(
    db,
    `SELECT r.entity_id FROM rm_entity_editions r JOIN rm_entity_documents d ON d.entity_id = r.entity_id
     WHERE r.edition = ? AND r.entity_id >= ? AND r.entity_id < ? AND d.entity_type = ? ORDER BY r.position`,
  )
    .all(edition, ...range(municipality), type)
    .map((row) => row.entity_id);
}

/**
 * The cells (cellKey: `2021:TARGET`) each indicator's row printed in the edition, by the indicator's local
 * id: the edition's last word, since a re-import of it may have changed them. Null for an indicator whose
 * events predate the ledger recording cells (IndicatorReported version 1).
 */
export function editionCells(db: Database, municipality: string, edition: number): Map<string, string[] | null> {
  const rows = statement<{ indicator_id: string; cells: string | null }>(
    db,
    `SELECT json_extract(p.data, '$.indicatorId') AS indicator_id, json_extract(p.data, '$.cells') AS cells
     FROM rm_audit_log a JOIN rm_event_payloads p ON p.position = a.position
     WHERE a.type = 'IndicatorReported' AND a.municipality = ? AND json_extract(p.data, '$.edition') = ?
     ORDER BY a.position`,
  ).all(municipality, edition);
  const cells = new Map<string, string[] | null>();
  for (const row of rows) {
    if (row.cells === null) {
      if (!cells.has(row.indicator_id)) cells.set(row.indicator_id, null);
      continue;
    }
    const parsed: unknown = JSON.parse(row.cells);
    cells.set(row.indicator_id, Array.isArray(parsed) ? parsed.filter((cell): cell is string => typeof cell === 'string') : null);
  }
  return cells;
}

export interface StatedCellValue {
  value: number | null;
  text: string | null;
}

/**
 * The value of every cell of the municipality's indicators as of the edition, by `qualifiedId|cellKey`,
 * counting only reports' statements (a direct edit has no edition).
 */
export function reportedValuesAsOf(db: Database, municipality: string, edition: number): Map<string, StatedCellValue> {
  const rows = statement<{ indicator_id: string; fiscal_year: number; kind: string; value: number | null; text: string | null }>(
    db,
    `SELECT indicator_id, fiscal_year, kind, value, text FROM (
       SELECT indicator_id, fiscal_year, kind, value, text,
         ROW_NUMBER() OVER (PARTITION BY indicator_id, fiscal_year, kind ORDER BY effective_edition DESC, position DESC) AS rank
       FROM rm_value_statements
       WHERE indicator_id >= ? AND indicator_id < ? AND edition IS NOT NULL AND effective_edition <= ?
     ) WHERE rank = 1`,
  ).all(...range(municipality), edition);
  return new Map(rows.map((row) => [`${row.indicator_id}|${row.fiscal_year}:${row.kind}`, { value: row.value, text: row.text }]));
}

/** The cells of an indicator that report statements as of the edition hold, for editions without recorded cells. */
export function statedByEdition(db: Database, municipality: string, edition: number): Map<string, string[]> {
  const rows = statement<{ indicator_id: string; cell: string }>(
    db,
    `SELECT DISTINCT indicator_id, fiscal_year || ':' || kind AS cell FROM rm_value_statements
     WHERE indicator_id >= ? AND indicator_id < ? AND edition = ? ORDER BY indicator_id, cell`,
  ).all(...range(municipality), edition);
  const cells = new Map<string, string[]>();
  for (const row of rows) cells.set(row.indicator_id, [...(cells.get(row.indicator_id) ?? []), row.cell]);
  return cells;
}

/** The municipality's direct edits of values (recordValue): statements of no edition. */
export function directEditCount(db: Database, municipality: string): number {
  return (
    statement<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM rm_value_statements WHERE indicator_id >= ? AND indicator_id < ? AND edition IS NULL').get(...range(municipality))
      ?.n ?? 0
  );
}
