// What one edition changed in what the ledger stated before it (Query.editionChanges): one set-based
// query for its revised targets and actuals, one for what it added and left out, one for 所属 moves.
//
// "Before" is the ledger just before the edition's first import (rm_editions.first_position: its
// statements lie below that position, in the same batch), read as of the edition: statements of lower
// editions only. A report older than one imported earlier is so compared with the older editions it
// follows, not with newer ones it can never replace (precedence); a direct edit counts for the edition
// it was made under. Only changes are recorded, so a cell an edition repeated has no statement of it:
// it is no revision, and its value is the one before. A restatement that an older report's later import
// appended for this edition repeats what this edition said, so it compares equal to the before and adds nothing.
//
// Scope: one municipality's edition (rm_editions is keyed by both); the statements each query starts from
// are that municipality's (ids are qualified: their first six characters are its code).
import type { Database } from 'better-sqlite3';
import type { OwnerType, ValueKind } from '../../events/vocabulary';
import { statement } from './statement-cache';

/** A target or actual the edition stated differently from the statement before it. */
export interface ValueRevisionRow {
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  /** The replaced statement's edition; null when it was a direct edit. */
  fromEdition: number | null;
  from: number | null;
  fromText: string | null;
  to: number | null;
  toText: string | null;
  /** For a target: the latest earlier fiscal year whose actual the edition states, that actual, and that year's target. */
  missYear: number | null;
  missActual: number | null;
  missTarget: number | null;
  /** 理由 of the indicator's measure or project, as the edition states it. */
  reason: string | null;
}

/** The edition, and where its first import began: what was recorded below that came before it. */
const EDITION = `edition AS (
  SELECT municipality, fiscal_year AS edition, first_position AS imported_at FROM rm_editions WHERE municipality = ? AND fiscal_year = ?)`;
const OWN = (id: string) => `substr(${id}, 1, 6) = (SELECT municipality FROM edition)`;

/** The position of the statement of (indicator, year, kind) current just before the edition, as of it. */
const beforeEdition = (indicator: string, year: string, kind: string) => `(
  SELECT b.position FROM rm_value_statements b
  WHERE b.indicator_id = ${indicator} AND b.fiscal_year = ${year} AND b.kind = ${kind}
    AND b.effective_edition < (SELECT edition FROM edition) AND b.position < (SELECT imported_at FROM edition)
  ORDER BY b.effective_edition DESC, b.position DESC LIMIT 1)`;

/** The value of a field of an entity as an edition states it: the highest edition up to it, then the latest. */
const fieldAsOfEdition = (entity: string, field: string) => `(
  SELECT json_extract(f.value_json, '$') FROM rm_field_statements f
  WHERE f.entity_id = ${entity} AND f.field = ${field} AND f.effective_edition <= (SELECT edition FROM edition)
  ORDER BY f.effective_edition DESC, f.position DESC LIMIT 1)`;

const REVISIONS_SQL = `
  WITH ${EDITION},
  -- The edition's last word on each cell: a re-import of it may have corrected its first.
  stated AS (
    SELECT s.indicator_id, s.fiscal_year, s.kind, s.value, s.text,
      ROW_NUMBER() OVER (PARTITION BY s.indicator_id, s.fiscal_year, s.kind ORDER BY s.position DESC) AS latest
    FROM rm_value_statements s WHERE s.edition = (SELECT edition FROM edition) AND ${OWN('s.indicator_id')}
  ),
  cells AS MATERIALIZED (
    SELECT s.indicator_id, s.fiscal_year, s.kind, s.value, s.text, ${beforeEdition('s.indicator_id', 's.fiscal_year', 's.kind')} AS before
    FROM stated s WHERE s.latest = 1
  )
  SELECT c.indicator_id AS indicatorId, c.fiscal_year AS fiscalYear, c.kind,
    b.edition AS fromEdition, b.value AS "from", b.text AS fromText, c.value AS "to", c.text AS toText,
    a.fiscal_year AS missYear, a.value AS missActual,
    CASE WHEN t.indicator_id IS NOT NULL THEN t.value ELSE tb.value END AS missTarget,
    ${fieldAsOfEdition(fieldAsOfEdition('c.indicator_id', "'ownerId'"), "'gapReason'")} AS reason
  FROM cells c
  JOIN rm_value_statements b ON b.position = c.before
  -- For a target, the edition's actual of the latest earlier year, and that year's target: the edition's, or
  -- (a cell it repeated) the one before it.
  LEFT JOIN cells a ON c.kind = 'TARGET' AND a.indicator_id = c.indicator_id AND a.kind = 'ACTUAL' AND a.fiscal_year = (
    SELECT MAX(x.fiscal_year) FROM cells x WHERE x.indicator_id = c.indicator_id AND x.kind = 'ACTUAL' AND x.fiscal_year < c.fiscal_year)
  LEFT JOIN cells t ON t.indicator_id = a.indicator_id AND t.fiscal_year = a.fiscal_year AND t.kind = 'TARGET'
  LEFT JOIN rm_value_statements tb ON a.indicator_id IS NOT NULL AND t.indicator_id IS NULL
    AND tb.position = ${beforeEdition('a.indicator_id', 'a.fiscal_year', "'TARGET'")}
  WHERE c.value IS NOT b.value OR c.text IS NOT b.text
  ORDER BY c.indicator_id, c.fiscal_year, c.kind`;

export function editionRevisions(db: Database, municipality: string, edition: number): ValueRevisionRow[] {
  return statement<ValueRevisionRow>(db, REVISIONS_SQL).all(municipality, edition);
}

export interface EditionEntityRow {
  change: 'added' | 'dropped';
  type: 'indicator' | 'project';
  id: string;
}

// Added: reported by the edition and by no lower one. Dropped: reported by the next lower edition held and
// not by this one. Editions are compared as reports, whatever order they were imported in.
const ENTITIES_SQL = `
  WITH ${EDITION},
  previous AS (
    SELECT MAX(fiscal_year) AS edition FROM rm_editions
    WHERE municipality = (SELECT municipality FROM edition) AND fiscal_year < (SELECT edition FROM edition)),
  reported AS (
    SELECT 'added' AS change, r.entity_id FROM rm_entity_editions r WHERE r.edition = (SELECT edition FROM edition) AND ${OWN('r.entity_id')}
      AND NOT EXISTS (SELECT 1 FROM rm_entity_editions x WHERE x.entity_id = r.entity_id AND x.edition < r.edition)
    UNION ALL
    SELECT 'dropped', r.entity_id FROM rm_entity_editions r WHERE r.edition = (SELECT edition FROM previous) AND ${OWN('r.entity_id')}
      AND NOT EXISTS (SELECT 1 FROM rm_entity_editions x WHERE x.entity_id = r.entity_id AND x.edition = (SELECT edition FROM edition))
  )
  SELECT r.change, d.entity_type AS type, r.entity_id AS id
  FROM reported r JOIN rm_entity_documents d ON d.entity_id = r.entity_id
  WHERE d.entity_type IN ('indicator', 'project')
  ORDER BY r.change, d.entity_type, d.first_position, r.entity_id`;

export function editionEntityChanges(db: Database, municipality: string, edition: number): EditionEntityRow[] {
  return statement<EditionEntityRow>(db, ENTITIES_SQL).all(municipality, edition);
}

export interface DepartmentMoveRow {
  ownerType: OwnerType;
  ownerId: string;
  /** As the edition names it: a measure's title, a project's name. */
  title: string;
  from: string | null;
  to: string | null;
}

// A move needs a department stated before: the first statement of a new measure or project is none.
const MOVES_SQL = `
  WITH ${EDITION},
  stated AS (
    SELECT s.entity_type, s.entity_id, s.value_json,
      ROW_NUMBER() OVER (PARTITION BY s.entity_id ORDER BY s.position DESC) AS latest
    FROM rm_field_statements s
    WHERE s.field = 'department' AND s.effective_edition = (SELECT edition FROM edition) AND s.entity_type IN ('measure', 'project')
      AND ${OWN('s.entity_id')}
  )
  SELECT s.entity_type AS ownerType, s.entity_id AS ownerId,
    ${fieldAsOfEdition('s.entity_id', "CASE s.entity_type WHEN 'measure' THEN 'title' ELSE 'name' END")} AS title,
    json_extract(b.value_json, '$') AS "from", json_extract(s.value_json, '$') AS "to"
  FROM stated s
  JOIN rm_field_statements b ON b.entity_id = s.entity_id AND b.field = 'department' AND b.position = (
    SELECT p.position FROM rm_field_statements p
    WHERE p.entity_id = s.entity_id AND p.field = 'department'
      AND p.effective_edition < (SELECT edition FROM edition) AND p.position < (SELECT imported_at FROM edition)
    ORDER BY p.effective_edition DESC, p.position DESC LIMIT 1)
  WHERE s.latest = 1 AND s.value_json <> b.value_json
  ORDER BY s.entity_type, s.entity_id`;

export function departmentMoves(db: Database, municipality: string, edition: number): DepartmentMoveRow[] {
  return statement<DepartmentMoveRow>(db, MOVES_SQL).all(municipality, edition);
}
/** The three queries' text, for the test that reads their plans (each takes the municipality and the edition). */
export const EDITION_CHANGES_SQL = { revisions: REVISIONS_SQL, entities: ENTITIES_SQL, moves: MOVES_SQL } as const;
