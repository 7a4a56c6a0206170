// Measures, projects and indicators as the editions stated them: one row per field statement with its
// edition and log position, and the current winner of each field under the precedence rule. Also which
// measures and projects belong to which chapter, so an import can tell what a chapter's report left out.
// For reads of the present, each entity's current fields as one document (one row an entity).
import type { Database } from 'better-sqlite3';
import type { FieldChanges } from '../events/common';
import { EditionImported } from '../events/edition-events';
import {
  ActualRecorded,
  ActualRevised,
  IndicatorDefined,
  IndicatorLinked,
  IndicatorNotReported,
  IndicatorReported,
  TargetRevised,
  TargetSet,
} from '../events/indicator-events';
import { MeasureNotReported, MeasureRegistered, MeasureReported } from '../events/measure-events';
import { ProjectNotReported, ProjectRegistered, ProjectReported } from '../events/project-events';
import { MEASURE_CODE, placementOf, qualifiedId, splitQualifiedId } from '../src/domain/ids';
import type { JsonValue } from '../src/shared/json';
import { canonicalJson } from './canonical-json';
import { aliasTableSchema, indicatorAliases, withAliases } from './indicator-aliases';
import type { ApplyMode, ProjectedEvent, Projection } from './projection';

export type EntityType = 'measure' | 'project' | 'indicator';

const LINKS_TABLE = 'rm_indicator_links';

export const planEntitiesProjection: Projection = {
  name: 'plan-entities',
  // 2: ids qualified by municipality (062073:5-1-1), chapters kept per municipality; the edition indexes
  // editionChanges reads. 3: a linked indicator's rows merged into the one it continues as (rm_indicator_links).
  version: 3,
  tables: ['rm_field_statements', 'rm_field_current', 'rm_entity_documents', 'rm_entity_editions', 'rm_chapter_members', 'rm_indicator_links'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_field_statements (
      entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
      effective_edition INTEGER NOT NULL, position INTEGER NOT NULL, value_json TEXT NOT NULL,
      PRIMARY KEY (entity_id, field, position)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS rm_field_statements_type ON rm_field_statements (entity_type, field, position);
    -- One field as one edition stated it, e.g. every department an edition changed (queries/edition-changes.ts).
    CREATE INDEX IF NOT EXISTS rm_field_statements_edition ON rm_field_statements (field, effective_edition);
    -- Which indicators an owner ever had, for "indicators of this measure as of then" (see indicatorsOwned).
    CREATE INDEX IF NOT EXISTS rm_field_statements_owner ON rm_field_statements (value_json, entity_id) WHERE field = 'ownerId';
    CREATE TABLE IF NOT EXISTS rm_field_current (
      entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
      value_json TEXT NOT NULL, effective_edition INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (entity_id, field)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS rm_field_current_lookup ON rm_field_current (entity_type, field, value_json);
    -- fields: the current field values as one JSON object; first_position: where the entity entered the log.
    CREATE TABLE IF NOT EXISTS rm_entity_documents (
      entity_id TEXT PRIMARY KEY, entity_type TEXT NOT NULL, first_position INTEGER NOT NULL, fields TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS rm_entity_editions (
      entity_id TEXT NOT NULL, edition INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (entity_id, edition)
    ) WITHOUT ROWID;
    -- What one edition reported, for what it added and left out (queries/edition-changes.ts).
    CREATE INDEX IF NOT EXISTS rm_entity_editions_edition ON rm_entity_editions (edition, entity_id);
    -- Measures some edition reported a sheet of, by their chapter; projects some edition linked to a
    -- measure of the chapter.
    CREATE TABLE IF NOT EXISTS rm_chapter_members (
      municipality TEXT NOT NULL, chapter INTEGER NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,
      PRIMARY KEY (municipality, chapter, entity_type, entity_id)
    ) WITHOUT ROWID;
    -- Indicators linked to the one they continue as: their statements and editions are that one's now
    -- (see mergeIndicator), so an id here names no entity of its own (indicator-aliases.ts).
    ${aliasTableSchema(LINKS_TABLE)}
    CREATE INDEX IF NOT EXISTS rm_indicator_links_to ON rm_indicator_links (to_id, from_id);
  `,

  prepare(db: Database, mode: ApplyMode) {
    const writeDocument = db.prepare(entityDocumentsSql('one'));
    // An import states an entity's fields in many events: its document is written once, at the end.
    const changed = new Set<string>();
    const insertStatement = db.prepare(
      'INSERT INTO rm_field_statements (entity_type, entity_id, field, effective_edition, position, value_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Positions only grow, so a statement wins when its edition is at least the current winner's.
    const upsertCurrent = db.prepare(`
      INSERT INTO rm_field_current (entity_type, entity_id, field, value_json, effective_edition, position) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity_id, field) DO UPDATE SET value_json = excluded.value_json, effective_edition = excluded.effective_edition,
        position = excluded.position
      WHERE excluded.effective_edition >= rm_field_current.effective_edition`);
    const insertEdition = db.prepare('INSERT OR IGNORE INTO rm_entity_editions (entity_id, edition, position) VALUES (?, ?, ?)');
    const insertMember = db.prepare('INSERT OR IGNORE INTO rm_chapter_members (municipality, chapter, entity_type, entity_id) VALUES (?, ?, ?, ?)');
    const chapterOf = (code: JsonValue): number | null =>
      typeof code === 'string' && MEASURE_CODE.test(code) ? placementOf(code).chapter : null;
    const memberOf = (chapter: number, type: EntityType, id: string) => insertMember.run(splitQualifiedId(id).municipality, chapter, type, id);

    // Registration states who an entity is (its code, name, kind, owner) for the edition that first named
    // it. When an older edition names it later (editions may be imported in any order), those facts hold
    // for the older edition too: restate them there, so a view as of it shows the whole entity.
    const IDENTITY: Record<EntityType, readonly string[]> = {
      measure: ['code', 'title'],
      project: ['name'],
      indicator: ['ownerType', 'ownerId', 'kind', 'name', 'unit', 'direction'],
    };
    const identityFields = new Set(Object.values(IDENTITY).flat());
    // Every Reported event asks for the earliest statement of its entity's identity fields: a query per
    // event was a large share of an import and of a rebuild. They are read once per entity and then kept
    // up to date by the inserts below, until the runner says the table may have changed (forget).
    // Keyed by id alone, as the query is: an id names one entity whatever its type.
    const readIdentity = db.prepare<[string], { field: string; value_json: string; effective_edition: number }>(
      `SELECT field, value_json, effective_edition FROM rm_field_statements
       WHERE entity_id = ? AND field IN (${[...identityFields].map((f) => `'${f}'`).join(', ')}) ORDER BY effective_edition, position`,
    );
    type Earliest = Map<string, { json: string; edition: number }>;
    const earliestById = new Map<string, Earliest>();
    const earliestOf = (id: string): Earliest => {
      let earliest = earliestById.get(id);
      if (earliest === undefined) {
        earliest = new Map();
        for (const row of readIdentity.all(id)) {
          if (!earliest.has(row.field)) earliest.set(row.field, { json: row.value_json, edition: row.effective_edition });
        }
        earliestById.set(id, earliest);
      }
      return earliest;
    };
    const insert = (type: EntityType, id: string, field: string, edition: number, position: number, json: string) => {
      insertStatement.run(type, id, field, edition, position, json);
      // Positions only grow, so a new statement is the earliest only with a lower edition.
      const earliest = earliestById.get(id);
      if (earliest === undefined || !identityFields.has(field)) return;
      const first = earliest.get(field);
      if (first === undefined || edition < first.edition) earliest.set(field, { json, edition });
    };

    const state = (type: EntityType, id: string, edition: number, position: number, field: string, value: JsonValue) => {
      const json = canonicalJson(value);
      insert(type, id, field, edition, position, json);
      if (mode === 'live') {
        upsertCurrent.run(type, id, field, json, edition, position);
        changed.add(id);
      }
    };
    const knownAt = (type: EntityType, id: string, edition: number, position: number, stated: FieldChanges = {}) => {
      const earliest = earliestOf(id);
      for (const field of IDENTITY[type]) {
        if (field in stated) continue;
        const first = earliest.get(field);
        if (!first || first.edition <= edition) continue;
        insert(type, id, field, edition, position, first.json);
      }
    };
    // Registration states identity fields; it counts for the edition whose report named the entity.
    const editionOf = (event: ProjectedEvent): number => event.metadata.edition ?? 0;
    // An edition reported the entity: the fields it changed, and the edition itself.
    const reported = (type: EntityType, id: string, edition: number, position: number, changes: FieldChanges) => {
      for (const [field, change] of Object.entries(changes)) state(type, id, edition, position, field, change.to);
      knownAt(type, id, edition, position, changes);
      insertEdition.run(id, edition, position);
      const { municipality, localId } = splitQualifiedId(id);
      const chapter = type === 'measure' ? chapterOf(localId) : null;
      if (chapter !== null) memberOf(chapter, 'measure', id);
      const links = type === 'project' ? changes['measures']?.to : undefined;
      if (Array.isArray(links) && municipality !== null) {
        for (const code of links) {
          const linked = chapterOf(code);
          if (linked !== null) memberOf(linked, 'project', id);
          // A linked measure may be known only from links (outside the imported chapters).
          if (typeof code === 'string') knownAt('measure', qualifiedId(municipality, code), edition, position);
        }
      }
    };

    // A link merges the indicator renamed away from into the one it continues as: its field statements
    // (its old name stays the name as of the editions that used it), the editions that reported it, and so
    // its whole identity, as of any point in time. Its later events land there too (aliases.resolve).
    const aliases = indicatorAliases(db, LINKS_TABLE);
    const moveStatements = db.prepare('UPDATE OR IGNORE rm_field_statements SET entity_id = ? WHERE entity_id = ?');
    const moveEditions = db.prepare('UPDATE OR IGNORE rm_entity_editions SET entity_id = ? WHERE entity_id = ?');
    // What a move left behind would collide with a row of the same key (never, for a link the domain allows).
    const dropLeftovers = ['rm_field_statements', 'rm_entity_editions', 'rm_field_current', 'rm_entity_documents'].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE entity_id = ?`),
    );
    const dropCurrent = db.prepare('DELETE FROM rm_field_current WHERE entity_id = ?');
    // The winners upsertCurrent keeps, from all of an entity's statements at once (as afterReplay does).
    const writeCurrentOf = db.prepare(`
      INSERT INTO rm_field_current (entity_type, entity_id, field, value_json, effective_edition, position)
      SELECT entity_type, entity_id, field, value_json, effective_edition, position FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY field ORDER BY effective_edition DESC, position DESC) AS rank
        FROM rm_field_statements WHERE entity_id = ?
      ) WHERE rank = 1`);
    const mergeIndicator = (from: string, to: string, position: number) => {
      const into = aliases.resolve(to);
      aliases.link(from, into, position);
      moveStatements.run(into, from);
      moveEditions.run(into, from);
      for (const drop of dropLeftovers) drop.run(from);
      earliestById.delete(from);
      earliestById.delete(into);
      changed.delete(from);
      if (mode === 'live') {
        dropCurrent.run(into);
        writeCurrentOf.run(into);
        changed.add(into);
      }
    };

    const apply = (event: ProjectedEvent) => {
      const own = (localId: string) => qualifiedId(event.municipality, localId);
      // An indicator's id, or the one it was linked to.
      const indicator = (localId: string) => aliases.resolve(own(localId));
      switch (event.type) {
        case MeasureRegistered.type: {
          const { code, title } = event.data;
          state('measure', own(code), editionOf(event), event.position, 'code', code);
          state('measure', own(code), editionOf(event), event.position, 'title', title);
          break;
        }
        case ProjectRegistered.type:
          state('project', own(event.data.projectId), editionOf(event), event.position, 'name', event.data.name);
          break;
        case IndicatorDefined.type: {
          const { indicatorId, ...fields } = event.data;
          const qualified = { ...fields, ownerId: own(fields.ownerId) };
          for (const [field, value] of Object.entries(qualified)) state('indicator', indicator(indicatorId), editionOf(event), event.position, field, value);
          break;
        }
        case MeasureReported.type:
          reported('measure', own(event.data.code), event.data.edition, event.position, event.data.changes);
          break;
        case ProjectReported.type:
          reported('project', own(event.data.projectId), event.data.edition, event.position, event.data.changes);
          break;
        case IndicatorReported.type:
          reported('indicator', indicator(event.data.indicatorId), event.data.edition, event.position, qualifiedOwner(event.municipality, event.data.changes));
          break;
        case IndicatorLinked.type:
          mergeIndicator(own(event.data.indicatorId), own(event.data.to), event.position);
          break;
        case MeasureNotReported.type:
        case ProjectNotReported.type:
        case IndicatorNotReported.type:
        case TargetSet.type:
        case TargetRevised.type:
        case ActualRecorded.type:
        case ActualRevised.type:
        case EditionImported.type:
          break;
        default: {
          const _exhaustive: never = event;
          break;
        }
      }
    };
    const flush = () => {
      for (const id of changed) writeDocument.run(id, id);
      changed.clear();
    };
    return {
      apply,
      flush,
      forget: () => {
        earliestById.clear();
        aliases.forget();
      },
      // An event of an indicator linked away changes the rows of the one it was linked to.
      touches: (event) => withAliases(planEntityTouches(event), aliases.resolve),
    };
  },

  touches: planEntityTouches,

  // The winner of each field is the statement upsertCurrent keeps: the highest edition, then the latest.
  // knownAt's restatements never win: each holds an edition below one some state() row already has.
  afterReplay(db: Database) {
    db.exec(`
      INSERT INTO rm_field_current (entity_type, entity_id, field, value_json, effective_edition, position)
      SELECT entity_type, entity_id, field, value_json, effective_edition, position FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY entity_id, field ORDER BY effective_edition DESC, position DESC) AS rank
        FROM rm_field_statements
      ) WHERE rank = 1`);
    db.exec(entityDocumentsSql('all'));
  },
};

/** The measures, projects and indicators an event changes, by the ids the event names. */
function planEntityTouches(event: ProjectedEvent): readonly string[] {
  const own = (localId: string) => qualifiedId(event.municipality, localId);
  switch (event.type) {
    case MeasureRegistered.type:
      return [own(event.data.code)];
    case ProjectRegistered.type:
      return [own(event.data.projectId)];
    case IndicatorDefined.type:
      // The owner's list of indicators changes with it.
      return [own(event.data.indicatorId), own(event.data.ownerId)];
    case MeasureReported.type:
      return reportedTouches(event.municipality, event.data.code, event.data.changes);
    case ProjectReported.type:
      return reportedTouches(event.municipality, event.data.projectId, event.data.changes);
    case IndicatorReported.type:
      return reportedTouches(event.municipality, event.data.indicatorId, event.data.changes);
    case IndicatorLinked.type:
      // Both indicators, and both owners' lists of indicators.
      return [event.data.indicatorId, event.data.to, event.data.ownerId, event.data.toOwnerId].map(own);
    case MeasureNotReported.type:
    case ProjectNotReported.type:
    case IndicatorNotReported.type:
    case TargetSet.type:
    case TargetRevised.type:
    case ActualRecorded.type:
    case ActualRevised.type:
    case EditionImported.type:
      return [];
    default: {
      const _exhaustive: never = event;
      return [];
    }
  }
}

/**
 * What a Reported event about `id` changes besides it: the measures a project links to are restated
 * (knownAt); an indicator's owners before and after a change of owner have other lists of indicators.
 */
function reportedTouches(municipality: string, localId: string, changes: FieldChanges): readonly string[] {
  const related = [changes['measures']?.to, changes['ownerId']?.from, changes['ownerId']?.to].flat();
  return [localId, ...related.filter((related): related is string => typeof related === 'string')].map((id) => qualifiedId(municipality, id));
}

/** An indicator's owner is stored as the owner's qualified id, as every id of the read model is. */
function qualifiedOwner(municipality: string, changes: FieldChanges): FieldChanges {
  const owner = changes['ownerId'];
  if (owner === undefined) return changes;
  const qualify = (value: JsonValue): JsonValue => (typeof value === 'string' ? qualifiedId(municipality, value) : value);
  return { ...changes, ownerId: { from: qualify(owner.from), to: qualify(owner.to) } };
}

/** Writes the documents of one entity (its id bound twice) or of all, from the current fields. */
function entityDocumentsSql(entities: 'one' | 'all'): string {
  const only = entities === 'one' ? 'AND entity_id = ?' : '';
  return `
    INSERT OR REPLACE INTO rm_entity_documents (entity_id, entity_type, first_position, fields)
    SELECT c.entity_id, c.entity_type, f.first_position, json_group_object(c.field, json(c.value_json) ORDER BY c.field)
    FROM (SELECT * FROM rm_field_current WHERE 1 = 1 ${only}) c
    JOIN (SELECT entity_id, MIN(position) AS first_position FROM rm_field_statements WHERE 1 = 1 ${only} GROUP BY entity_id) f
      ON f.entity_id = c.entity_id
    GROUP BY c.entity_id`;
}
