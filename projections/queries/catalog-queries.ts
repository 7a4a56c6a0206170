// What the importer needs to know beyond the streams a report names: which measures, projects and
// indicators an edition could have left out. Only candidates come from here; whether one was left out
// is decided on its own stream.
import type { Database } from 'better-sqlite3';
import { absenceOf } from '../../events/absence';
import { toCurrentVersion } from '../../events/catalogue';
import type { JsonObject } from '../../src/shared/json';
import { canonicalJson } from '../canonical-json';

export interface ChapterMembers {
  /** Measures of the chapters that some edition reported a sheet of. */
  measures: string[];
  /** Projects that some edition linked to a measure of the chapters. */
  projects: string[];
}

export function chapterMembers(db: Database, chapters: readonly number[]): ChapterMembers {
  const rows = db
    .prepare<[string], { entity_type: string; entity_id: string }>(
      `SELECT DISTINCT entity_type, entity_id FROM rm_chapter_members
       WHERE chapter IN (SELECT value FROM json_each(?)) ORDER BY entity_type, entity_id`,
    )
    .all(JSON.stringify(chapters));
  return {
    measures: rows.filter((r) => r.entity_type === 'measure').map((r) => r.entity_id),
    projects: rows.filter((r) => r.entity_type === 'project').map((r) => r.entity_id),
  };
}

/** The chapters each project was ever linked to (through a measure of the chapter). */
export function projectChapters(db: Database, projectIds: readonly string[]): Map<string, number[]> {
  const rows = db
    .prepare<[string], { entity_id: string; chapter: number }>(
      `SELECT entity_id, chapter FROM rm_chapter_members
       WHERE entity_type = 'project' AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY entity_id, chapter`,
    )
    .all(JSON.stringify(projectIds));
  const byProject = new Map<string, number[]>();
  for (const row of rows) byProject.set(row.entity_id, [...(byProject.get(row.entity_id) ?? []), row.chapter]);
  return byProject;
}

/** For each edition, the chapters among `chapters` it covered: it reported a measure sheet of them. */
export function chapterCoverage(db: Database, chapters: readonly number[]): Map<number, number[]> {
  const rows = db
    .prepare<[string], { chapter: number; edition: number }>(
      `SELECT DISTINCT m.chapter, e.edition FROM rm_chapter_members m
       JOIN rm_entity_editions e ON e.entity_id = m.entity_id
       WHERE m.entity_type = 'measure' AND m.chapter IN (SELECT value FROM json_each(?))
       ORDER BY e.edition, m.chapter`,
    )
    .all(JSON.stringify(chapters));
  const coverage = new Map<number, number[]>();
  for (const row of rows) coverage.set(row.edition, [...(coverage.get(row.edition) ?? []), row.chapter]);
  return coverage;
}

/** The ids of each owner's indicators (owner: a measure code or a project id). */
export function indicatorsOfOwners(db: Database, ownerIds: readonly string[]): Map<string, string[]> {
  const rows = db
    .prepare<[string], { entity_id: string; value_json: string }>(
      `SELECT entity_id, value_json FROM rm_field_current
       WHERE entity_type = 'indicator' AND field = 'ownerId' AND value_json IN (SELECT value FROM json_each(?))
       ORDER BY entity_id`,
    )
    .all(JSON.stringify(ownerIds.map((id) => canonicalJson(id))));
  const byOwner = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) byOwner.get(JSON.parse(row.value_json) as string)?.push(row.entity_id);
  return byOwner;
}

/** The lookups an import needs (ImportCatalog, src/importer/absences.ts), answered by this read model. */
export function readModelCatalog(db: Database) {
  return {
    chapterMembers: (chapters: readonly number[]) => chapterMembers(db, chapters),
    projectChapters: (projectIds: readonly string[]) => projectChapters(db, projectIds),
    chapterCoverage: (chapters: readonly number[]) => chapterCoverage(db, chapters),
    indicatorsOf: (ownerIds: readonly string[]) => indicatorsOfOwners(db, ownerIds),
  };
}

/** An edition's absences as the log recorded them (MeasureNotReported, ProjectNotReported, IndicatorNotReported). */
export interface AbsenceRow {
  type: 'measure' | 'project' | 'indicator';
  id: string;
  edition: number;
  position: number;
}

/**
 * Every recorded absence that still stands, oldest first: one superseded by a later import of the
 * same edition that did report the entity is left out.
 */
export function absences(db: Database): AbsenceRow[] {
  const rows = db
    .prepare<[], { type: string; version: number; data: string; position: number }>(
      `SELECT a.type, p.version, p.data, a.position FROM rm_audit_log a JOIN rm_event_payloads p ON p.position = a.position
       WHERE a.type IN ('MeasureNotReported', 'ProjectNotReported', 'IndicatorNotReported') ORDER BY a.position`,
    )
    .all();
  const reported = db.prepare<[string, number], number>('SELECT 1 FROM rm_entity_editions WHERE entity_id = ? AND edition = ?').pluck();
  const result: AbsenceRow[] = [];
  for (const row of rows) {
    const absence = absenceOf(toCurrentVersion({ ...row, data: JSON.parse(row.data) as JsonObject }));
    if (!absence || reported.get(absence.id, absence.edition) !== undefined) continue;
    result.push({ ...absence, position: row.position });
  }
  return result;
}
