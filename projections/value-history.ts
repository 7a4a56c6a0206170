// The bitemporal value history: one row per statement of a target or an actual, with its fiscal year
// (valid time), the edition it counts for, and its log position (system time). Who, when and why are the
// audit log's, read by position. For reads of the present, each indicator's current values are one
// document (value-document.ts).
import type { Database } from 'better-sqlite3';
import { IndicatorLinked, isValueEvent, valueKindOf } from '../events/indicator-events';
import { qualifiedId } from '../src/domain/ids';
import { aliasTableSchema, indicatorAliases, withAliases } from './indicator-aliases';
import type { ApplyMode, ProjectedEvent, Projection } from './projection';
import { stateValue, type StatedValue, type ValueEntry } from './value-document';

const ALIASES_TABLE = 'rm_value_aliases';

export const valueHistoryProjection: Projection = {
  name: 'value-history',
  // 2: indicator ids qualified by municipality; the edition index editionChanges reads. 3: statements of
  // an indicator linked away are the one's it continues as (rm_value_aliases).
  version: 3,
  tables: ['rm_value_statements', 'rm_value_documents', 'rm_value_aliases'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_value_statements (
      position INTEGER PRIMARY KEY, indicator_id TEXT NOT NULL,
      fiscal_year INTEGER NOT NULL, kind TEXT NOT NULL, effective_edition INTEGER NOT NULL, edition INTEGER,
      value REAL, text TEXT, previous_value REAL, previous_text TEXT
    );
    CREATE INDEX IF NOT EXISTS rm_value_statements_lookup
      ON rm_value_statements (indicator_id, fiscal_year, kind, effective_edition, position);
    -- What one edition's reports stated, cell by cell in log order (editionChanges, queries/edition-changes.ts).
    CREATE INDEX IF NOT EXISTS rm_value_statements_edition
      ON rm_value_statements (edition, indicator_id, fiscal_year, kind, position) WHERE edition IS NOT NULL;
    -- A JSON array of ValueEntry: [fiscal_year, kind, value, text, effective_edition, target revised (0/1)], in key order.
    CREATE TABLE IF NOT EXISTS rm_value_documents (indicator_id TEXT PRIMARY KEY, document TEXT NOT NULL) WITHOUT ROWID;
    -- Indicators linked to the one they continue as (IndicatorLinked): their statements, earlier and later, are that one's.
    ${aliasTableSchema(ALIASES_TABLE)}
  `,

  prepare(db: Database, mode: ApplyMode) {
    const insert = db.prepare(`
      INSERT INTO rm_value_statements (position, indicator_id, fiscal_year, kind, effective_edition, edition,
        value, text, previous_value, previous_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const readDocument = db.prepare<[string], string>('SELECT document FROM rm_value_documents WHERE indicator_id = ?').pluck();
    const writeDocument = db.prepare('INSERT OR REPLACE INTO rm_value_documents (indicator_id, document) VALUES (?, ?)');
    // An import states an indicator's values in many events: its document is read and written once a batch.
    const documents = new Map<string, ValueEntry[]>();
    const documentOf = (indicatorId: string): ValueEntry[] => {
      let entries = documents.get(indicatorId);
      if (entries === undefined) {
        const stored = readDocument.get(indicatorId);
        entries = stored === undefined ? [] : (JSON.parse(stored) as ValueEntry[]);
        documents.set(indicatorId, entries);
      }
      return entries;
    };

    const aliases = indicatorAliases(db, ALIASES_TABLE);
    const moveStatements = db.prepare('UPDATE rm_value_statements SET indicator_id = ? WHERE indicator_id = ?');
    const dropDocument = db.prepare('DELETE FROM rm_value_documents WHERE indicator_id = ?');
    const statementsOf = db.prepare<[string], StatedValue>(`
      SELECT fiscal_year AS fiscalYear, kind, value, text, effective_edition AS effectiveEdition
      FROM rm_value_statements WHERE indicator_id = ? ORDER BY position`);
    // The statements of the indicator linked away become the other's, at the positions they were made
    // at: so views as of a time before the link show them under the indicator they continue as too. A
    // replay moves them all at once, at its end (afterReplay), rather than scanning the table per link
    // without its indexes.
    const link = (from: string, to: string, position: number) => {
      const into = aliases.resolve(to);
      aliases.link(from, into, position);
      if (mode !== 'live') return;
      moveStatements.run(into, from);
      dropDocument.run(from);
      documents.delete(from);
      // stateValue takes statements in log order: the merged ones interleave, so the document is made again.
      const entries: ValueEntry[] = [];
      for (const stated of statementsOf.iterate(into)) stateValue(entries, stated);
      documents.set(into, entries);
    };

    const apply = (event: ProjectedEvent) => {
      if (event.type === IndicatorLinked.type) {
        link(qualifiedId(event.municipality, event.data.indicatorId), qualifiedId(event.municipality, event.data.to), event.position);
        return;
      }
      if (!isValueEvent(event)) return;
      const kind = valueKindOf(event);
      const { data } = event;
      const indicatorId = aliases.resolve(qualifiedId(event.municipality, data.indicatorId));
      // Positional parameters: binding a named-parameter object costs more than the insert itself.
      insert.run(
        event.position,
        indicatorId,
        data.fiscalYear,
        kind,
        data.effectiveEdition,
        event.metadata.edition,
        data.value,
        data.text,
        data.previousValue,
        data.previousText,
      );
      if (mode === 'live') stateValue(documentOf(indicatorId), { ...data, kind });
    };
    const flush = () => {
      for (const [indicatorId, entries] of documents) writeDocument.run(indicatorId, JSON.stringify(entries));
      documents.clear();
    };
    return {
      apply,
      flush,
      forget: () => {
        documents.clear();
        aliases.forget();
      },
      touches: (event) => withAliases(valueTouches(event), aliases.resolve),
    };
  },

  touches: valueTouches,

  // What stateValue keeps, from all the statements at once: each value's winner is the highest edition,
  // then the latest position; a target is revised when its statements say more than one thing (see
  // statedDifferently: more than one number, numbers and texts, or no number and more than one text).
  // The documents are written by JSON.stringify, as stateValue's are, so both give the same bytes.
  afterReplay(db: Database) {
    moveLinkedStatements(db);
    const winners = db
      .prepare<[], [string, number, ValueEntry[1], number | null, string | null, number, 0 | 1]>(`
        SELECT indicator_id, fiscal_year, kind, value, text, effective_edition, kind = 'TARGET' AND (
            least_value IS NOT greatest_value OR numbers BETWEEN 1 AND statements - 1
            OR (numbers = 0 AND least_text <> greatest_text)
          ) AS revised
        FROM (
          SELECT *, ROW_NUMBER() OVER statements AS rank,
            -- Over the same ordering as the rank, so the statements are sorted once.
            MIN(value) OVER whole AS least_value, MAX(value) OVER whole AS greatest_value,
            COUNT(value) OVER whole AS numbers, COUNT(*) OVER whole AS statements,
            MIN(IFNULL(text, '')) OVER whole AS least_text, MAX(IFNULL(text, '')) OVER whole AS greatest_text
          FROM rm_value_statements
          WINDOW statements AS (PARTITION BY indicator_id, fiscal_year, kind ORDER BY effective_edition DESC, position DESC),
            whole AS (statements ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        ) WHERE rank = 1
        ORDER BY indicator_id, fiscal_year, kind`)
      .raw();
    // The connection cannot write while it iterates: documents are collected, then written.
    const documents: [string, string][] = [];
    let indicatorId: string | null = null;
    let entries: ValueEntry[] = [];
    for (const [id, ...entry] of winners.iterate()) {
      if (id !== indicatorId) {
        if (indicatorId !== null) documents.push([indicatorId, JSON.stringify(entries)]);
        indicatorId = id;
        entries = [];
      }
      entries.push(entry);
    }
    if (indicatorId !== null) documents.push([indicatorId, JSON.stringify(entries)]);
    const write = db.prepare('INSERT INTO rm_value_documents (indicator_id, document) VALUES (?, ?)');
    for (const [id, document] of documents) write.run(id, document);
  },
};

function valueTouches(event: ProjectedEvent): readonly string[] {
  if (event.type === IndicatorLinked.type) return [event.data.indicatorId, event.data.to].map((id) => qualifiedId(event.municipality, id));
  return isValueEvent(event) ? [qualifiedId(event.municipality, event.data.indicatorId)] : [];
}

/** A replay's statements of indicators linked away, moved to the ones they continue as: one pass over the table. */
function moveLinkedStatements(db: Database): void {
  db.exec(`
    UPDATE rm_value_statements SET indicator_id = (SELECT a.to_id FROM ${ALIASES_TABLE} a WHERE a.from_id = rm_value_statements.indicator_id)
    WHERE indicator_id IN (SELECT from_id FROM ${ALIASES_TABLE})`);
}
