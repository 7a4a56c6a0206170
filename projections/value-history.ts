// The bitemporal value history: one row per statement of a target or an actual, with its fiscal year
// (valid time), the edition it counts for, and its log position (system time). Who, when and why are the
// audit log's, read by position. Also the current value of each, and, for reads of the present, each
// indicator's current values as one document (what a query of its values asks for, in one row).
import type { Database } from 'better-sqlite3';
import { VALUE_EVENT_KIND, type ValueStatedData } from '../events/indicator-events';
import type { RecordedEvent } from '../src/store/event-store';
import type { ApplyMode, Projection } from './projection';

export const valueHistoryProjection: Projection = {
  name: 'value-history',
  tables: ['rm_value_statements', 'rm_value_current', 'rm_value_documents'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_value_statements (
      position INTEGER PRIMARY KEY, indicator_id TEXT NOT NULL,
      fiscal_year INTEGER NOT NULL, kind TEXT NOT NULL, effective_edition INTEGER NOT NULL, edition INTEGER,
      value REAL, text TEXT, previous_value REAL, previous_text TEXT
    );
    CREATE INDEX IF NOT EXISTS rm_value_statements_lookup
      ON rm_value_statements (indicator_id, fiscal_year, kind, effective_edition, position);
    CREATE TABLE IF NOT EXISTS rm_value_current (
      indicator_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, kind TEXT NOT NULL,
      value REAL, text TEXT, effective_edition INTEGER NOT NULL, position INTEGER NOT NULL,
      PRIMARY KEY (indicator_id, fiscal_year, kind)
    ) WITHOUT ROWID;
    -- [fiscal_year, kind, value, text, effective_edition, target revised (0/1)] of each current value, in key order.
    CREATE TABLE IF NOT EXISTS rm_value_documents (indicator_id TEXT PRIMARY KEY, document TEXT NOT NULL) WITHOUT ROWID;
  `,

  prepare(db: Database, mode: ApplyMode) {
    const writeDocument = db.prepare(valueDocumentsSql('one'));
    const insert = db.prepare(`
      INSERT INTO rm_value_statements (position, indicator_id, fiscal_year, kind, effective_edition, edition,
        value, text, previous_value, previous_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const upsertCurrent = db.prepare(`
      INSERT INTO rm_value_current (indicator_id, fiscal_year, kind, value, text, effective_edition, position)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (indicator_id, fiscal_year, kind) DO UPDATE SET value = excluded.value, text = excluded.text,
        effective_edition = excluded.effective_edition, position = excluded.position
      WHERE excluded.effective_edition >= rm_value_current.effective_edition`);

    const apply = (event: RecordedEvent) => {
      const kind = VALUE_EVENT_KIND[event.type];
      if (!kind) return;
      const data = event.data as ValueStatedData;
      // Positional parameters: binding a named-parameter object costs more than the insert itself.
      insert.run(
        event.position,
        data.indicatorId,
        data.fiscalYear,
        kind,
        data.effectiveEdition,
        event.metadata.edition,
        data.value,
        data.text,
        data.previousValue,
        data.previousText,
      );
      if (mode === 'live') {
        upsertCurrent.run(data.indicatorId, data.fiscalYear, kind, data.value, data.text, data.effectiveEdition, event.position);
        changed.add(data.indicatorId);
      }
    };
    // An import states an indicator's values in many events: its document is written once, at the end.
    const changed = new Set<string>();
    const flush = () => {
      for (const id of changed) writeDocument.run(id, id);
      changed.clear();
    };
    return { apply, flush };
  },

  // The winner of each value is the statement upsertCurrent keeps: the highest edition, then the latest.
  afterReplay(db: Database) {
    db.exec(`
      INSERT INTO rm_value_current (indicator_id, fiscal_year, kind, value, text, effective_edition, position)
      SELECT indicator_id, fiscal_year, kind, value, text, effective_edition, position FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY indicator_id, fiscal_year, kind ORDER BY effective_edition DESC, position DESC) AS rank
        FROM rm_value_statements
      ) WHERE rank = 1`);
    db.exec(valueDocumentsSql('all'));
  },
};

/**
 * Writes the documents of one indicator (its id bound twice) or of all, from the current values and,
 * for targets, whether more than one distinct target was stated.
 */
function valueDocumentsSql(indicators: 'one' | 'all'): string {
  const only = indicators === 'one' ? 'AND indicator_id = ?' : '';
  return `
    INSERT OR REPLACE INTO rm_value_documents (indicator_id, document)
    SELECT c.indicator_id,
      json_group_array(json_array(c.fiscal_year, c.kind, c.value, c.text, c.effective_edition, IFNULL(r.revised, 0))
        ORDER BY c.fiscal_year, c.kind)
    FROM (SELECT * FROM rm_value_current WHERE 1 = 1 ${only}) c
    LEFT JOIN (
      SELECT indicator_id, fiscal_year, 'TARGET' AS kind,
        COUNT(DISTINCT CASE WHEN value IS NOT NULL THEN 'n' || value ELSE 't' || IFNULL(text, '') END) > 1 AS revised
      FROM rm_value_statements WHERE kind = 'TARGET' ${only}
      GROUP BY indicator_id, fiscal_year
    ) r ON r.indicator_id = c.indicator_id AND r.fiscal_year = c.fiscal_year AND r.kind = c.kind
    GROUP BY c.indicator_id`;
}
