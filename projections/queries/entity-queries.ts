// Measures, projects and indicators as they stood at a point in time: the winning statement of each
// field, read from indexes (the current table, or a window over the statements), never a replay.
import type { Database } from 'better-sqlite3';
import type { JsonValue } from '../../src/shared/json';
import { canonicalJson } from '../canonical-json';
import type { EntityType } from '../plan-entities';
import { asOfFilter, isNow, type AsOf } from './as-of';
import { statement } from './statement-cache';

export interface EntityRecord {
  id: string;
  fields: Record<string, JsonValue>;
  /** Where the entity entered the log: orders lists in report order. */
  firstPosition: number;
}

interface FieldRow {
  entity_id: string;
  field: string;
  value_json: string;
  first_position: number;
}

function group(rows: readonly FieldRow[]): Map<string, EntityRecord> {
  const records = new Map<string, EntityRecord>();
  for (const row of rows) {
    let record = records.get(row.entity_id);
    if (!record) {
      record = { id: row.entity_id, fields: {}, firstPosition: row.first_position };
      records.set(row.entity_id, record);
    }
    record.fields[row.field] = JSON.parse(row.value_json);
    record.firstPosition = Math.min(record.firstPosition, row.first_position);
  }
  return records;
}

/**
 * Ids are qualified (062073:5-1-1), so one municipality's entities are one range of the primary key:
 * from `062073:` up to `062073;` (the character after ':').
 */
function municipalityRange(municipality: string): [string, string] {
  return [`${municipality}:`, `${municipality};`];
}

/** `ids` null means every entity of the type: of one municipality, or with `municipality` null of all. */
export function entityRecords(
  db: Database,
  type: EntityType,
  asOf: AsOf,
  ids: readonly string[] | null,
  municipality: string | null = null,
): Map<string, EntityRecord> {
  const inRange = ids === null && municipality !== null;
  const idFilter = ids !== null ? 'AND entity_id IN (SELECT value FROM json_each(?))' : inRange ? 'AND entity_id >= ? AND entity_id < ?' : '';
  const idParams = ids !== null ? [JSON.stringify(ids)] : municipality !== null ? municipalityRange(municipality) : [];
  // With ids or a municipality, `+entity_type` keeps SQLite on the primary key (entity_id, …): the type
  // index would make it read every entity of the type to find a few, a cost that grows with the ledger.
  const typeColumn = ids === null && !inRange ? 'entity_type' : '+entity_type';
  if (isNow(asOf) && ids !== null) {
    const records = new Map<string, EntityRecord>();
    for (const [id, document] of entityDocuments(db, ids)) if (document.type === type) records.set(id, document.record);
    return records;
  }
  if (isNow(asOf)) {
    const rows = statement<FieldRow>(
      db,
      `SELECT c.entity_id, c.field, c.value_json,
         (SELECT MIN(position) FROM rm_field_statements s WHERE s.entity_id = c.entity_id) AS first_position
       FROM rm_field_current c WHERE ${typeColumn} = ? ${idFilter}`,
    ).all(type, ...idParams);
    return group(rows);
  }
  const filter = asOfFilter(asOf);
  const rows = statement<FieldRow>(
    db,
    `SELECT entity_id, field, value_json, first_position FROM (
       SELECT entity_id, field, value_json,
         MIN(position) OVER (PARTITION BY entity_id) AS first_position,
         ROW_NUMBER() OVER (PARTITION BY entity_id, field ORDER BY effective_edition DESC, position DESC) AS rank
       FROM rm_field_statements WHERE ${typeColumn} = ? ${idFilter} AND ${filter.sql}
     ) WHERE rank = 1`,
  ).all(type, ...idParams, ...filter.params);
  return group(rows);
}

/** The current fields of entities of any type, each one row (see rm_entity_documents); ids unknown are left out. */
export function entityDocuments(db: Database, ids: readonly string[]): Map<string, { type: EntityType; record: EntityRecord }> {
  const rows = statement<{ entity_id: string; entity_type: EntityType; first_position: number; fields: string }>(
    db,
    `SELECT d.entity_id, d.entity_type, d.first_position, d.fields FROM json_each(?) j JOIN rm_entity_documents d ON d.entity_id = j.value`,
  ).all(JSON.stringify(ids));
  return new Map(
    rows.map((row) => [
      row.entity_id,
      { type: row.entity_type, record: { id: row.entity_id, fields: JSON.parse(row.fields) as Record<string, JsonValue>, firstPosition: row.first_position } },
    ]),
  );
}

/** Fiscal years of the editions that reported each entity, ascending. */
export function entityEditions(db: Database, ids: readonly string[], asOf: AsOf): Map<string, number[]> {
  const filter = asOfFilter(asOf, 'edition');
  const rows = statement<{ entity_id: string; edition: number }>(
    db,
    `SELECT entity_id, edition FROM rm_entity_editions
     WHERE entity_id IN (SELECT value FROM json_each(?)) AND ${filter.sql} ORDER BY entity_id, edition`,
  ).all(JSON.stringify(ids), ...filter.params);
  const byId = new Map<string, number[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(row.entity_id)?.push(row.edition);
  return byId;
}

/** The indicators each owner (a measure's code, a project's id) had at `asOf`, in id order. */
export function indicatorsOwned(db: Database, ownerIds: readonly string[], asOf: AsOf): Map<string, string[]> {
  const owners = JSON.stringify(ownerIds.map((id) => canonicalJson(id)));
  let rows: { entity_id: string; owner_json: string }[];
  if (isNow(asOf)) {
    rows = statement<{ entity_id: string; owner_json: string }>(
      db,
      `SELECT entity_id, value_json AS owner_json FROM rm_field_current
       WHERE entity_type = 'indicator' AND field = 'ownerId' AND value_json IN (SELECT value FROM json_each(?)) ORDER BY entity_id`,
    ).all(owners);
  } else {
    const filter = asOfFilter(asOf);
    // Only the indicators that ever had one of these owners (the partial index rm_field_statements_owner),
    // not every indicator of the ledger: the cost stays that of the answer as the ledger grows. Each owner
    // is looked up in turn (CROSS JOIN from json_each): as `value_json IN (…)`, SQLite without statistics
    // took rm_field_statements_edition (field = ?) once it existed and read every ownerId statement of the
    // ledger (as-of 1.4 ms at 3 municipalities, 11 ms at 14; bench/README.md). Not INDEXED BY: a rebuild
    // drops the index for its replay, and a read meanwhile would fail instead of being slow.
    rows = statement<{ entity_id: string; owner_json: string }>(
      db,
      `SELECT entity_id, value_json AS owner_json FROM (
         SELECT entity_id, value_json,
           ROW_NUMBER() OVER (PARTITION BY entity_id ORDER BY effective_edition DESC, position DESC) AS rank
         FROM rm_field_statements
         WHERE entity_id IN (SELECT o.entity_id FROM json_each(?) AS j CROSS JOIN rm_field_statements AS o WHERE o.field = 'ownerId' AND o.value_json = j.value)
           AND +entity_type = 'indicator' AND field = 'ownerId' AND ${filter.sql}
       ) WHERE rank = 1 AND value_json IN (SELECT value FROM json_each(?)) ORDER BY entity_id`,
    ).all(owners, ...filter.params, owners);
  }
  const owned = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) owned.get(JSON.parse(row.owner_json) as string)?.push(row.entity_id);
  return owned;
}
