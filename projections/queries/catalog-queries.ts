// What the importer needs to know beyond the streams a report names: which measures, projects and
// indicators an edition could have left out. Only candidates come from here; whether one was left out
// is decided on its own stream. Everything here is of one municipality: the importer speaks its ids
// unqualified (5-1-1), the read model keeps them qualified (062073:5-1-1).
import type { Database } from 'better-sqlite3';
import { absenceOf } from '../../events/absence';
import { toCurrentVersion } from '../../events/catalogue';
import { qualifiedId, splitQualifiedId } from '../../src/domain/ids';
import type { JsonObject } from '../../src/shared/json';
import { canonicalJson } from '../canonical-json';

export interface ChapterMembers {
  /** Measures of the chapters that some edition reported a sheet of. */
  measures: string[];
  /** Projects that some edition linked to a measure of the chapters. */
  projects: string[];
}

const local = (id: string): string => splitQualifiedId(id).localId;

export function chapterMembers(db: Database, municipality: string, chapters: readonly number[]): ChapterMembers {
  const rows = db
    .prepare<[string, string], { entity_type: string; entity_id: string }>(
      `SELECT DISTINCT entity_type, entity_id FROM rm_chapter_members
       WHERE municipality = ? AND chapter IN (SELECT value FROM json_each(?)) ORDER BY entity_type, entity_id`,
    )
    .all(municipality, JSON.stringify(chapters));
  return {
    measures: rows.filter((r) => r.entity_type === 'measure').map((r) => local(r.entity_id)),
    projects: rows.filter((r) => r.entity_type === 'project').map((r) => local(r.entity_id)),
  };
}

/** The chapters each project was ever linked to (through a measure of the chapter). */
export function projectChapters(db: Database, municipality: string, projectIds: readonly string[]): Map<string, number[]> {
  const rows = db
    .prepare<[string], { entity_id: string; chapter: number }>(
      `SELECT entity_id, chapter FROM rm_chapter_members
       WHERE entity_type = 'project' AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY entity_id, chapter`,
    )
    .all(JSON.stringify(projectIds.map((id) => qualifiedId(municipality, id))));
  const byProject = new Map<string, number[]>();
  for (const row of rows) byProject.set(local(row.entity_id), [...(byProject.get(local(row.entity_id)) ?? []), row.chapter]);
  return byProject;
}

/** For each edition, the chapters among `chapters` it covered: it reported a measure sheet of them. */
export function chapterCoverage(db: Database, municipality: string, chapters: readonly number[]): Map<number, number[]> {
  const rows = db
    .prepare<[string, string], { chapter: number; edition: number }>(
      `SELECT DISTINCT m.chapter, e.edition FROM rm_chapter_members m
       JOIN rm_entity_editions e ON e.entity_id = m.entity_id
       WHERE m.municipality = ? AND m.entity_type = 'measure' AND m.chapter IN (SELECT value FROM json_each(?))
       ORDER BY e.edition, m.chapter`,
    )
    .all(municipality, JSON.stringify(chapters));
  const coverage = new Map<number, number[]>();
  for (const row of rows) coverage.set(row.edition, [...(coverage.get(row.edition) ?? []), row.chapter]);
  return coverage;
}

/** The ids of each owner's indicators (owner: a measure code or a project id). */
export function indicatorsOfOwners(db: Database, municipality: string, ownerIds: readonly string[]): Map<string, string[]> {
  const rows = db
    .prepare<[string], { entity_id: string; value_json: string }>(
      `SELECT entity_id, value_json FROM rm_field_current
       WHERE entity_type = 'indicator' AND field = 'ownerId' AND value_json IN (SELECT value FROM json_each(?))
       ORDER BY entity_id`,
    )
    .all(JSON.stringify(ownerIds.map((id) => canonicalJson(qualifiedId(municipality, id)))));
  const byOwner = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) byOwner.get(local(JSON.parse(row.value_json) as string))?.push(local(row.entity_id));
  return byOwner;
}

/** The lookups an import needs (ImportCatalog, src/importer/absences.ts), answered by this read model. */
export function readModelCatalog(db: Database, municipality: string) {
  return {
    chapterMembers: (chapters: readonly number[]) => chapterMembers(db, municipality, chapters),
    projectChapters: (projectIds: readonly string[]) => projectChapters(db, municipality, projectIds),
    chapterCoverage: (chapters: readonly number[]) => chapterCoverage(db, municipality, chapters),
    indicatorsOf: (ownerIds: readonly string[]) => indicatorsOfOwners(db, municipality, ownerIds),
  };
}

/** An edition's absences as the log recorded them (MeasureNotReported, ProjectNotReported, IndicatorNotReported). */
export interface AbsenceRow {
  type: 'measure' | 'project' | 'indicator';
  /** Qualified: 062073:5-1-1. */
  id: string;
  edition: number;
  position: number;
}

/**
 * Every recorded absence that still stands, oldest first: one superseded by a later import of the
 * same edition that did report the entity is left out, and so is an indicator's absence from an edition
 * that reported the one it was linked to (a rename).
 */
export function absences(db: Database): AbsenceRow[] {
  const rows = db
    .prepare<[], { type: string; version: number; data: string; position: number; municipality: string }>(
      `SELECT a.type, p.version, p.data, a.position, a.municipality FROM rm_audit_log a JOIN rm_event_payloads p ON p.position = a.position
       WHERE a.type IN ('MeasureNotReported', 'ProjectNotReported', 'IndicatorNotReported') ORDER BY a.position`,
    )
    .all();
  const reported = db.prepare<[string, number], number>('SELECT 1 FROM rm_entity_editions WHERE entity_id = ? AND edition = ?').pluck();
  // An indicator linked away has no editions of its own: they are the one's it continues as.
  const continuedAs = db.prepare<[string], string>('SELECT to_id FROM rm_indicator_links WHERE from_id = ?').pluck();
  const result: AbsenceRow[] = [];
  for (const row of rows) {
    const absence = absenceOf(toCurrentVersion({ ...row, data: JSON.parse(row.data) as JsonObject }));
    if (!absence) continue;
    const id = qualifiedId(row.municipality, absence.id);
    if (reported.get(continuedAs.get(id) ?? id, absence.edition) !== undefined) continue;
    result.push({ ...absence, id, position: row.position });
  }
  return result;
}
