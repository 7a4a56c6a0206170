// Every statement says where it stands: Revision.source over GraphQL, from the events' metadata.source
// (kept by the audit-log read model). A text report: its file and line; a statements CSV: the file, its
// SHA-256 and the line; a workbook read through a layout: the sheet, the row's cell and the layout; a
// direct edit: null.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from 'graphql';
import { Ledger } from '../src/application/ledger';
import { runImport } from '../src/cli/commands/import';
import { SILENT_PROGRESS } from '../src/cli/progress';
import { createRequestContext } from '../src/graphql/context';
import { ledgerSchema } from '../src/graphql/schema';
import { planActualSheet, workbookOf } from '../src/importer/layouts/testing/shipped-fixtures';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { SAMPLE_PATH } from './support/sample';

const quiet = { log: () => undefined, warn: () => undefined, progress: SILENT_PROGRESS };
const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let ledger: Ledger;

async function history(id: string, fiscalYear: number, kind: 'TARGET' | 'ACTUAL'): Promise<unknown> {
  const result = await graphql({
    schema: await ledgerSchema(),
    source: `query ($id: ID!, $year: Int!, $kind: ValueKind!) { indicator(id: $id) { history(fiscalYear: $year, kind: $kind) { text edition source { file sha256 sheet line cell layout } } } }`,
    variableValues: { id, year: fiscalYear, kind },
    contextValue: createRequestContext(ledger, 'test'),
  });
  expect(result.errors).toBeUndefined();
  return result.data;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-source-'));
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
});
afterEach(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Revision.source', () => {
  it('names a text report by the file given and the line; a direct edit has none', async () => {
    const text = readFileSync(SAMPLE_PATH, 'utf8');
    await ledger.importReport(text, { municipality: '062073', actor: 'test', file: 'kaminoyama-r3-chapter5.txt' });
    await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 18, text: '18 団体', reason: '訂正' }, 'test');
    const line = text.split('\n').findIndex((l) => l.includes('NPO法人数')) + 1;
    expect(await history('062073:5-1-1/NPO法人数', 2021, 'ACTUAL')).toEqual({
      indicator: {
        history: [
          { text: '17 団体', edition: 2021, source: { file: 'kaminoyama-r3-chapter5.txt', sha256: sha256(Buffer.from(text, 'utf8')), sheet: null, line, cell: null, layout: null } },
          { text: '18 団体', edition: null, source: null },
        ],
      },
    });
  });

  it('names a statements CSV by its file, its SHA-256 and the line', async () => {
    const path = join(dir, 'statements.csv');
    const bytes = Buffer.from(
      'municipality,edition,owner_type,owner,owner_title,indicator,kind,unit,fiscal_year,target,actual\n' +
        '062073,R3,measure,5-1-1,多様な担い手が参画するまちづくりの推進,NPO法人数,OUTCOME,団体,2020,16,16\n' +
        '062073,R3,measure,5-1-1,多様な担い手が参画するまちづくりの推進,NPO法人数,OUTCOME,団体,2021,17,17\n',
    );
    writeFileSync(path, bytes);
    await runImport(ledger, [path], { dryRun: false }, quiet);
    expect(await history('062073:5-1-1/NPO法人数', 2021, 'TARGET')).toEqual({
      indicator: { history: [{ text: '17', edition: 2021, source: { file: path, sha256: sha256(bytes), sheet: null, line: 3, cell: null, layout: null } }] },
    });
  });

  it('names a workbook read through a layout by its sheet, the row’s cell and the layout', async () => {
    const path = join(dir, 'hyoka.xlsx');
    const bytes = await workbookOf(planActualSheet());
    writeFileSync(path, bytes);
    await runImport(ledger, [path], { dryRun: false, layout: 'plan-actual-wide-yen' }, quiet);
    const answer = await history('062073:5-1-2/自治会加入率', 2021, 'ACTUAL');
    expect(answer).toEqual({
      indicator: {
        history: [{ text: '77.9%', edition: 2022, source: { file: path, sha256: sha256(bytes), sheet: '施策評価', line: null, cell: expect.stringMatching(/^[A-Z]+9$/), layout: '計画値・実績値 年度横並び (円)@1' } }],
      },
    });
  });
});

describe('AuditEvent.source', () => {
  const SOURCES = `query { auditTrail(first: 500) { edges { node { type edition source { file sha256 sheet line cell layout } } } } }`;

  async function auditSources(): Promise<{ type: string; edition: number | null; source: Record<string, unknown> | null }[]> {
    const result = await graphql({ schema: await ledgerSchema(), source: SOURCES, contextValue: createRequestContext(ledger, 'test') });
    expect(result.errors).toBeUndefined();
    const data = result.data as { auditTrail: { edges: { node: { type: string; edition: number | null; source: Record<string, unknown> | null } }[] } };
    return data.auditTrail.edges.map((edge) => edge.node);
  }

  it('names the file of an import on its EditionImported and on each statement, from the audit log; null for a direct edit', async () => {
    const path = join(dir, 'statements.csv');
    const bytes = Buffer.from(
      'municipality,edition,owner_type,owner,owner_title,indicator,kind,unit,fiscal_year,target,actual\n' +
        '062073,R3,measure,5-1-1,多様な担い手が参画するまちづくりの推進,NPO法人数,OUTCOME,団体,2021,17,17\n',
    );
    writeFileSync(path, bytes);
    await runImport(ledger, [path], { dryRun: false }, quiet);
    await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 18, text: '18', reason: '訂正' }, 'test');

    const events = await auditSources();
    const file = { file: path, sha256: sha256(bytes), sheet: null, cell: null, layout: null };
    expect(events.find((e) => e.type === 'EditionImported')).toEqual({ type: 'EditionImported', edition: 2021, source: { ...file, line: 1 } });
    expect(events.find((e) => e.type === 'TargetSet')).toEqual({ type: 'TargetSet', edition: 2021, source: { ...file, line: 2 } });
    expect(events.at(-1)).toEqual({ type: 'ActualRevised', edition: null, source: null });
  });

  it('leaves the file out of the EditionImported of a report split over several files: their hash is no one file’s', async () => {
    const lines = readFileSync(SAMPLE_PATH, 'utf8').split('\n');
    const cut = lines.findIndex((line, i) => line === '所属' && i > 10);
    const parts = [
      { text: lines.slice(0, cut).join('\n'), file: 'part-1.txt' },
      { text: lines.slice(cut).join('\n'), file: 'part-2.txt' },
    ];
    await ledger.importReport(parts, { municipality: '062073', actor: 'test' });
    const imported = (await auditSources()).find((e) => e.type === 'EditionImported');
    expect(imported?.source).toMatchObject({ file: null, line: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
