// Measures, projects and indicators as the editions stated them: one row per field statement with its
// edition and log position, and the current winner of each field under the precedence rule.
import type { Database } from 'better-sqlite3';
import type { FieldChanges } from '../events/common';
import { IndicatorDefined, IndicatorReported } from '../events/indicator-events';
import { MeasureRegistered, MeasureReported } from '../events/measure-events';
import { ProjectRegistered, ProjectReported } from '../events/project-events';
import type { JsonObject, JsonValue, RecordedEvent } from '../src/store/event-store';
import { canonicalJson } from './canonical-json';
import type { Projection } from './projection';

export type EntityType = 'measure' | 'project' | 'indicator';

export const planEntitiesProjection: Projection = {
  name: 'plan-entities',
  tables: ['rm_field_statements', 'rm_field_current', 'rm_entity_editions'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_field_statements (
      entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
      effective_edition INTEGER NOT NULL, position INTEGER NOT NULL, value_json TEXT NOT NULL,
      PRIMARY KEY (entity_id, field, position)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS rm_field_statements_type ON rm_field_statements (entity_type, field, position);
    CREATE TABLE IF NOT EXISTS rm_field_current (
      entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
      value_json TEXT NOT NULL, effective_edition INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (entity_id, field)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS rm_field_current_lookup ON rm_field_current (entity_type, field, value_json);
    CREATE TABLE IF NOT EXISTS rm_entity_editions (
      entity_id TEXT NOT NULL, edition INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (entity_id, edition)
    ) WITHOUT ROWID;
  `,

  prepare(db: Database) {
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

    const state = (type: EntityType, id: string, edition: number, position: number, fields: Record<string, JsonValue>) => {
      for (const [field, value] of Object.entries(fields)) {
        const json = canonicalJson(value);
        insertStatement.run(type, id, field, edition, position, json);
        upsertCurrent.run(type, id, field, json, edition, position);
      }
    };
    const toValues = (changes: FieldChanges): Record<string, JsonValue> =>
      Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
    // Registration states identity fields; it counts for the edition whose report named the entity.
    const editionOf = (event: RecordedEvent): number => event.metadata.edition ?? 0;

    return (event: RecordedEvent) => {
      const data = event.data as JsonObject;
      switch (event.type) {
        case MeasureRegistered.type:
          state('measure', String(data['code']), editionOf(event), event.position, { code: data['code'] ?? null, title: data['title'] ?? null });
          break;
        case ProjectRegistered.type:
          state('project', String(data['projectId']), editionOf(event), event.position, { name: data['name'] ?? null });
          break;
        case IndicatorDefined.type: {
          const { indicatorId, ...fields } = data;
          state('indicator', String(indicatorId), editionOf(event), event.position, fields);
          break;
        }
        case MeasureReported.type:
        case ProjectReported.type:
        case IndicatorReported.type: {
          const type: EntityType =
            event.type === MeasureReported.type ? 'measure' : event.type === ProjectReported.type ? 'project' : 'indicator';
          const id = String(data['code'] ?? data['projectId'] ?? data['indicatorId']);
          const edition = Number(data['edition']);
          state(type, id, edition, event.position, toValues(data['changes'] as FieldChanges));
          insertEdition.run(id, edition, event.position);
          break;
        }
        default:
          break;
      }
    };
  },
};
