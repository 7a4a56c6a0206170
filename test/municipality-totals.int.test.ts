// What compareMunicipalities sums (projections/queries/municipality-totals.ts) against the value
// history's own rule: each indicator's statements of the year, folded in log order by stateValue (the
// rule the live value documents follow), give its winning target and actual and whether the target was
// revised. Checked for every year, for now and as of earlier positions and editions, with and without
// a list of codes, on a generated ledger of three municipalities whose ids collide.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { yearValuesByMunicipality, type YearValueRow } from '../projections/queries/municipality-totals';
import type { AsOf } from '../projections/queries/as-of';
import { stateValue, type ValueEntry } from '../projections/value-document';
import { Ledger } from '../src/application/ledger';
import { generateLedger } from '../src/cli/commands/generate/generate-ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import type { Direction, IndicatorKind, ValueKind } from '../events/vocabulary';

interface Statement {
  position: number;
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  effectiveEdition: number;
  value: number | null;
  text: string | null;
}

const SUMMED = new Set(['COST', 'STAFFING', 'OUTCOME', 'ACTIVITY']);

describe('yearValuesByMunicipality', () => {
  let dir: string;
  let ledger: Ledger;
  let statements: Statement[];
  let fields: Map<string, { kind: IndicatorKind; direction: Direction }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'municipality-totals-'));
    ledger = await Ledger.embedded(new SqliteEventStore({ path: join(dir, 'ledger.db') }));
    await generateLedger(ledger, { municipalities: 3, years: 3, editions: 3 });
    const db = ledger.readModel.databaseForTests();
    statements = db
      .prepare<[], Statement>(
        `SELECT position, indicator_id AS indicatorId, fiscal_year AS fiscalYear, kind, effective_edition AS effectiveEdition, value, text
         FROM rm_value_statements ORDER BY position`,
      )
      .all();
    fields = new Map();
    const rows = db.prepare<[], { id: string; field: string; value: string }>(`SELECT entity_id AS id, field, value_json AS value FROM rm_field_current WHERE field IN ('kind', 'direction')`).all();
    for (const row of rows) {
      const entry = fields.get(row.id) ?? { kind: 'OUTCOME' as IndicatorKind, direction: 'NONE' as Direction };
      if (row.field === 'kind') entry.kind = JSON.parse(row.value) as IndicatorKind;
      else entry.direction = JSON.parse(row.value) as Direction;
      fields.set(row.id, entry);
    }
  });

  afterAll(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The rows the value history's rule gives, in indicator order. */
  function expected(fiscalYear: number, asOf: AsOf, codes: readonly string[] | null): (YearValueRow & { id: string })[] {
    const folded = new Map<string, ValueEntry[]>();
    for (const s of statements) {
      if (s.fiscalYear !== fiscalYear || (asOf.position !== null && s.position > asOf.position) || (asOf.edition !== null && s.effectiveEdition > asOf.edition)) continue;
      if (codes !== null && !codes.includes(s.indicatorId.slice(0, 6))) continue;
      const entries = folded.get(s.indicatorId) ?? [];
      stateValue(entries, s);
      folded.set(s.indicatorId, entries);
    }
    return [...folded.entries()]
      .filter(([id]) => SUMMED.has(fields.get(id)?.kind ?? ''))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, entries]) => {
        const target = entries.find(([, kind]) => kind === 'TARGET');
        const actual = entries.find(([, kind]) => kind === 'ACTUAL');
        const { kind, direction } = fields.get(id) ?? { kind: 'OUTCOME', direction: 'NONE' };
        return { id, municipality: id.slice(0, 6), indicatorKind: kind, direction, target: target?.[2] ?? null, actual: actual?.[2] ?? null, targetRevised: target?.[5] === 1 };
      });
  }

  const actual = (fiscalYear: number, asOf: AsOf, codes: readonly string[] | null) =>
    yearValuesByMunicipality(ledger.readModel.databaseForTests(), fiscalYear, asOf, codes);

  it('gives each indicator its winning target and actual and whether the target was revised, every year, now and as of before', () => {
    const head = statements.at(-1)?.position ?? 0;
    const cuts: AsOf[] = [
      { position: null, edition: null },
      { position: Math.floor(head / 2), edition: null },
      { position: null, edition: 2022 },
      { position: Math.floor((head * 3) / 4), edition: 2022 },
    ];
    let revised = 0;
    for (const fiscalYear of [2021, 2022, 2023, 2024, 2025]) {
      for (const asOf of cuts) {
        const want = expected(fiscalYear, asOf, null);
        revised += want.filter((row) => row.targetRevised).length;
        expect(actual(fiscalYear, asOf, null)).toEqual(want.map(({ id: _id, ...row }) => row));
      }
    }
    // The rule is exercised, not only its unrevised side.
    expect(revised).toBeGreaterThan(0);
  });

  it('reads only the municipalities asked for', () => {
    const codes = [...new Set(statements.map((s) => s.indicatorId.slice(0, 6)))];
    expect(codes).toHaveLength(3);
    const some = codes.slice(1);
    const rows = actual(2022, { position: null, edition: null }, some);
    expect(new Set(rows.map((row) => row.municipality))).toEqual(new Set(some));
    expect(rows).toEqual(expected(2022, { position: null, edition: null }, some).map(({ id: _id, ...row }) => row));
  });
});
