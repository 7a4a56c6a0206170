// The three editions of the 上山市 chapter 5 report the edition tests import: the bundled 令和3年度 sample
// and the 令和4年度 and 令和5年度 reports derived from it (test/fixtures/editions/README.md lists what
// changes), with helpers that read the read model in a form that does not depend on import order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Ledger } from '../../src/application/ledger';
import type { ImportSummary } from '../../src/application/import/import-summary';
import { absences } from '../../projections/queries/catalog-queries';
import { entityRecords } from '../../projections/queries/entity-queries';
import { valuesOf } from '../../projections/queries/value-queries';
import type { ValueEntry } from '../../projections/value-document';
import { SAMPLE_PATH } from './sample';

export const EDITIONS_DIR = join(__dirname, '..', 'fixtures', 'editions');

export const EDITION_FILES: Readonly<Record<number, string>> = {
  2021: SAMPLE_PATH,
  2022: join(EDITIONS_DIR, 'kaminoyama-r4-chapter5.txt'),
  2023: join(EDITIONS_DIR, 'kaminoyama-r5-chapter5.txt'),
};

export const YEARS = [2021, 2022, 2023] as const;

export function editionText(year: number): string {
  const file = EDITION_FILES[year];
  if (!file) throw new Error(`no fixture for edition ${year}`);
  return readFileSync(file, 'utf8');
}

/** The indicator renamed2022Text renames: its id before and after. */
export const RENAMED = { from: '5-1-1/NPO法人数', to: '5-1-1/NPO法人の数' } as const;

/** The 2022 fixture with NPO法人数 renamed NPO法人の数 in its one row (same measure, same figures). */
export function renamed2022Text(): string {
  const row = 'NPO法人数\t17 団体\t17 団体\t18 団体\t19 団体\t19 団体';
  const text = editionText(2022);
  if (text.split(row).length !== 2) throw new Error('the 2022 fixture must contain the NPO法人数 row exactly once');
  return text.replace(row, row.replace('NPO法人数', 'NPO法人の数'));
}

/** Every order of the given items. */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

export async function importInOrder(ledger: Ledger, order: readonly number[]): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const year of order) summaries.push(await ledger.importReport(editionText(year), { municipality: '062073', actor: 'test:importer', file: EDITION_FILES[year] }));
  return summaries;
}

/**
 * The current view without what necessarily depends on the order of imports (log positions, and the
 * edition of a winning statement when two editions said the same).
 */
export function currentView(db: Database) {
  return {
    // Each indicator's current values, without the winning edition.
    values: db
      .prepare<[], { indicator_id: string; document: string }>('SELECT indicator_id, document FROM rm_value_documents ORDER BY indicator_id')
      .all()
      .flatMap((row) =>
        (JSON.parse(row.document) as ValueEntry[]).map(([fiscal_year, kind, value, text]) => ({ indicator_id: row.indicator_id, fiscal_year, kind, value, text })),
      ),
    fields: db.prepare('SELECT entity_type, entity_id, field, value_json FROM rm_field_current ORDER BY entity_type, entity_id, field').all(),
    editions: db.prepare('SELECT entity_id, edition FROM rm_entity_editions ORDER BY entity_id, edition').all(),
    chapters: db.prepare('SELECT chapter, entity_type, entity_id FROM rm_chapter_members ORDER BY chapter, entity_type, entity_id').all(),
    absences: absences(db)
      .map(({ type, id, edition }) => `${type} ${id} ${edition}`)
      .sort(),
  };
}

/** Everything as published up to `edition`: every entity's fields and every value. */
export function viewAsOfEdition(db: Database, edition: number) {
  const asOf = { position: null, edition };
  const records = (type: 'measure' | 'project' | 'indicator') =>
    Object.fromEntries([...entityRecords(db, type, asOf, null).values()].map((r) => [r.id, r.fields]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  const indicators = records('indicator');
  return {
    measures: records('measure'),
    projects: records('project'),
    indicators,
    values: valuesOf(db, Object.keys(indicators), asOf).map(({ effectiveEdition: _, ...value }) => value),
  };
}

export interface StatedBy {
  edition: number;
  value: number | null;
  text: string | null;
}

/**
 * Each value's history as the editions stated it, independent of import order: per edition the last
 * statement, in edition order, with a statement that repeats the one before it left out (an edition
 * imported early may have stated what an older one, imported later, turned out to say already).
 */
export function editionHistories(db: Database): Record<string, StatedBy[]> {
  const rows = db
    .prepare<[], { indicator_id: string; fiscal_year: number; kind: string; effective_edition: number; value: number | null; text: string | null }>(
      `SELECT indicator_id, fiscal_year, kind, effective_edition, value, text FROM rm_value_statements
       WHERE edition IS NOT NULL ORDER BY indicator_id, fiscal_year, kind, effective_edition, position`,
    )
    .all();
  const lastByEdition = new Map<string, Map<number, StatedBy>>();
  for (const row of rows) {
    const key = `${row.indicator_id} ${row.fiscal_year} ${row.kind}`;
    const byEdition = lastByEdition.get(key) ?? new Map<number, StatedBy>();
    byEdition.set(row.effective_edition, { edition: row.effective_edition, value: row.value, text: row.text });
    lastByEdition.set(key, byEdition);
  }
  const histories: Record<string, StatedBy[]> = {};
  for (const [key, byEdition] of [...lastByEdition].sort(([a], [b]) => a.localeCompare(b))) {
    const collapsed: StatedBy[] = [];
    for (const stated of [...byEdition.values()].sort((a, b) => a.edition - b.edition)) {
      const previous = collapsed[collapsed.length - 1];
      if (!previous || previous.value !== stated.value || previous.text !== stated.text) collapsed.push(stated);
    }
    histories[key] = collapsed;
  }
  return histories;
}

export function eventCount(db: Database): number {
  return db.prepare<[], number>('SELECT COUNT(*) FROM events').pluck().get() ?? 0;
}
