// Indicators linked to the one they continue as (rm_indicator_links, kept by plan-entities): an id
// linked away names no entity of its own, so a read of it follows the link.
import type { Database } from 'better-sqlite3';
import { statement } from './statement-cache';

/** For each of `ids` linked away, the indicator it continues as. */
export function continuedAs(db: Database, ids: readonly string[]): Map<string, string> {
  const rows = statement<{ from_id: string; to_id: string }>(
    db,
    'SELECT l.from_id, l.to_id FROM json_each(?) j JOIN rm_indicator_links l ON l.from_id = j.value',
  ).all(JSON.stringify(ids));
  return new Map(rows.map((row) => [row.from_id, row.to_id]));
}

/** For each of `ids`, the indicators linked to it, in id order (none: an empty list). */
export function linkedFrom(db: Database, ids: readonly string[]): Map<string, string[]> {
  const rows = statement<{ from_id: string; to_id: string }>(
    db,
    'SELECT l.from_id, l.to_id FROM json_each(?) j JOIN rm_indicator_links l ON l.to_id = j.value ORDER BY l.to_id, l.from_id',
  ).all(JSON.stringify(ids));
  const byId = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(row.to_id)?.push(row.from_id);
  return byId;
}
