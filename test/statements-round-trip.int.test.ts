// export --statements, then import into an empty store: the ledger read back answers as the one written
// out, edition by edition (the contract's promise, statements-csv.md). Compared through GraphQL at
// `at: { edition: E }`: the plan with its measures, indicators and values, the projects with their cost,
// staffing, budget account and measures, and compareFiscalYears; ids of points in time are left out,
// the entities' stable ids kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from 'graphql';
import { Ledger } from '../src/application/ledger';
import { runExport } from '../src/cli/commands/export';
import { runImport } from '../src/cli/commands/import';
import { generateLedger } from '../src/cli/commands/generate/generate-ledger';
import { SILENT_PROGRESS } from '../src/cli/progress';
import { createRequestContext } from '../src/graphql/context';
import { ledgerSchema } from '../src/graphql/schema';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { EDITION_FILES, editionText } from './support/editions';

const VALUES = 'values { fiscalYear fiscalYearLabel target targetText actual actualText targetEdition actualEdition targetRevised achievementRate }';
const INDICATOR = `stableId name kind unit direction ${VALUES}`;
const ANSWERS = `query ($at: PointInTime, $m: ID, $base: Int!, $compare: Int!) {
  plan(at: $at, municipality: $m) {
    title
    chapters { number title policies { code title measures {
      stableId code title department gapReason editions chapter { number title } policy { code title }
      indicators { ${INDICATOR} } projects { stableId name }
    } } }
  }
  projects(at: $at, municipality: $m, first: 500) { totalCount edges { node {
    stableId name department gapReason editions
    budgetAccount { code fund division section item }
    measures { stableId code title }
    cost { ${INDICATOR} } staffing { ${INDICATOR} }
    indicators { ${INDICATOR} }
  } } }
  compareFiscalYears(at: $at, municipality: $m, base: $base, compare: $compare) {
    base compare
    indicators { targetDelta actualDelta indicator { stableId } base { target actual achievementRate } compare { target actual achievementRate } }
    totals { achieved { base compare } measured { base compare } budget { base compare } spending { base compare } staffing { base compare } }
  }
}`;

async function answers(ledger: Ledger, municipality: string, edition: number): Promise<unknown> {
  const result = await graphql({
    schema: await ledgerSchema(),
    source: ANSWERS,
    variableValues: { at: { edition }, m: municipality, base: edition - 1, compare: edition },
    contextValue: createRequestContext(ledger, 'test'),
  });
  expect(result.errors).toBeUndefined();
  return result.data;
}

let dir: string;
let n = 0;
const quiet = { log: () => undefined, warn: () => undefined, progress: SILENT_PROGRESS };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-statements-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `original` out as statements, reads them into an empty ledger; returns it and the file's text. */
async function roundTrip(original: Ledger, warnings: string[] = []): Promise<{ copy: Ledger; text: string }> {
  const out = join(dir, `statements-${n++}.csv`);
  await runExport(original, { statements: true, out }, SILENT_PROGRESS, (line) => warnings.push(line));
  const copy = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  await runImport(copy, [out], { dryRun: false }, quiet);
  return { copy, text: readFileSync(out, 'utf8') };
}

async function expectSameAnswers(original: Ledger, copy: Ledger): Promise<void> {
  const editions = original.readModel.editions().map((e) => [e.municipality, e.fiscalYear] as const);
  expect(copy.readModel.editions().map((e) => [e.municipality, e.fiscalYear, e.label])).toEqual(original.readModel.editions().map((e) => [e.municipality, e.fiscalYear, e.label]));
  for (const [municipality, edition] of editions) {
    expect({ municipality, edition, answers: await answers(copy, municipality, edition) }).toEqual({ municipality, edition, answers: await answers(original, municipality, edition) });
  }
}

describe('export --statements → import', () => {
  it('reads the sample and the next edition back, answering the same at each edition', async () => {
    const original = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    for (const year of [2021, 2022]) await original.importReport(editionText(year), { municipality: '062073', actor: 'test', file: EDITION_FILES[year] });
    const { copy, text } = await roundTrip(original);
    try {
      // UTF-8 with a BOM and CRLF, the header the contract names, the oldest edition first.
      expect(text.startsWith('\uFEFFmunicipality,edition,owner_type,owner,')).toBe(true);
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines[1]).toMatch(/^062073,2021,measure,5-1-1,多様な担い手が参画するまちづくりの推進,市政戦略課,/);
      expect(lines.findIndex((line) => line.startsWith('062073,2022,'))).toBeGreaterThan(lines.findLastIndex((line) => line.startsWith('062073,2021,')));
      await expectSameAnswers(original, copy);
      // Not an empty comparison: the copy holds the sample's figures, as printed.
      const npo = await graphql({
        schema: await ledgerSchema(),
        source: '{ indicator(id: "062073:5-1-1/NPO法人数", at: { edition: 2021 }) { unit values { fiscalYear targetText actual } } }',
        contextValue: createRequestContext(copy, 'test'),
      });
      expect(npo.data).toEqual({ indicator: { unit: '団体', values: expect.arrayContaining([{ fiscalYear: 2021, targetText: '17 団体', actual: 17 }]) } });
      const cost = await graphql({
        schema: await ledgerSchema(),
        source: '{ project(id: "062073:地域おこし協力隊推進事業費") { budgetAccount { code fund } cost { value(fiscalYear: 2021) { target actual } } } }',
        contextValue: createRequestContext(copy, 'test'),
      });
      expect(cost.data).toEqual({ project: { budgetAccount: { code: '01-02-01-06', fund: '一般会計' }, cost: { value: { target: 6160, actual: 280 } } } });
    } finally {
      await copy.close();
      await original.close();
    }
  });

  it('reads a generated ledger of three municipalities back; direct edits are left out, and said to be', async () => {
    const original = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await generateLedger(original, { municipalities: 3, years: 3, editions: 2, directEditsPerReport: 0 });
    const { copy } = await roundTrip(original);
    try {
      await expectSameAnswers(original, copy);
    } finally {
      await copy.close();
    }
    // A direct edit is no edition's statement: the export counts what it leaves out.
    await generateLedger(original, { municipalities: 1, years: 3, editions: 1, firstEdition: 2023, directEditsPerReport: 1 });
    const warnings: string[] = [];
    const again = await roundTrip(original, warnings);
    await again.copy.close();
    await original.close();
    expect(warnings).toEqual(['warning: 1 direct edits (recordValue) are statements of no edition: left out of the file']);
  });
});
