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
      -- Targets only: more than one distinct target (by STATED_AS) has been stated for the year.
      revised INTEGER NOT NULL,
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
    // Every statement goes through the update, winner or not: while a target is unrevised every statement
    // of it has the current one's STATED_AS, so one that differs from it is the first revision. The SET
    // expressions all read the row as it was.
    const upsertCurrent = db.prepare(`
      INSERT INTO rm_value_current (indicator_id, fiscal_year, kind, value, text, effective_edition, position, revised)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0)
      ON CONFLICT (indicator_id, fiscal_year, kind) DO UPDATE SET
        revised = revised OR (kind = 'TARGET' AND ${STATED_AS('')} <> ${STATED_AS('excluded.')}),
        value = IIF(${WINS}, excluded.value, value),
        text = IIF(${WINS}, excluded.text, text),
        position = IIF(${WINS}, excluded.position, position),
        effective_edition = IIF(${WINS}, excluded.effective_edition, effective_edition)`);

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
      for (const id of changed) writeDocument.run(id);
      changed.clear();
    };
    return { apply, flush };
  },

  // The winner of each value is the statement upsertCurrent keeps: the highest edition, then the latest.
  // Statements of a value are revised when they are stated in more than one way: their least and greatest
  // STATED_AS differ.
  afterReplay(db: Database) {
    db.exec(`
      INSERT INTO rm_value_current (indicator_id, fiscal_year, kind, value, text, effective_edition, position, revised)
      SELECT indicator_id, fiscal_year, kind, value, text, effective_edition, position, kind = 'TARGET' AND least <> greatest FROM (
        SELECT *, ROW_NUMBER() OVER statements AS rank,
          -- Over the same ordering as the rank, so the statements are sorted once.
          MIN(stated_as) OVER (statements ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS least,
          MAX(stated_as) OVER (statements ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS greatest
        FROM (SELECT *, ${STATED_AS('')} AS stated_as FROM rm_value_statements)
        WINDOW statements AS (PARTITION BY indicator_id, fiscal_year, kind ORDER BY effective_edition DESC, position DESC)
      ) WHERE rank = 1`);
    db.exec(valueDocumentsSql('all'));
  },
};

/** How a statement of a value counts for "revised": its number, or its text when it has none. */
const STATED_AS = (row: string) => `IIF(${row}value IS NOT NULL, 'n' || ${row}value, 't' || IFNULL(${row}text, ''))`;
// Positions only grow, so a statement wins when its edition is at least the current winner's.
const WINS = 'excluded.effective_edition >= effective_edition';

/** Writes the documents of one indicator (its id bound once) or of all, from the current values. */
function valueDocumentsSql(indicators: 'one' | 'all'): string {
  return `
    INSERT OR REPLACE INTO rm_value_documents (indicator_id, document)
    SELECT indicator_id, json_group_array(json_array(fiscal_year, kind, value, text, effective_edition, revised) ORDER BY fiscal_year, kind)
    FROM rm_value_current ${indicators === 'one' ? 'WHERE indicator_id = ?' : ''}
    GROUP BY indicator_id`;
}
