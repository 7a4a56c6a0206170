// Three editions imported out of order (2023, then 2021, then 2022) through the importReport mutation,
// then asked over HTTP how targets moved: history, change, compareFiscalYears and `at: {edition}`.
// test/fixtures/editions/README.md lists what each edition changes.
import { parseDocuments } from '../src/importer/parse-documents';
import { reportCommands } from '../src/importer/report-commands';
import { editionText } from './support/editions';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
const imported: Record<number, any> = {};

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await server.gql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const IMPORT = `mutation($text: String!, $dryRun: Boolean) {
  importReport(input: { municipality: "062073", text: $text, dryRun: $dryRun }) {
    edition dryRun eventsAppended eventsPlanned measures projects indicators warnings
    changes { indicator: indicatorId fiscalYear kind fromEdition toEdition from to delta changed }
  }
}`;

beforeAll(async () => {
  server = await startTestServer();
  for (const year of [2023, 2021, 2022]) {
    imported[year] = (await data(IMPORT, { text: editionText(year) })).importReport;
  }
});
afterAll(() => server.stop());

const NPO = '062073:5-1-1/NPO法人数';
const PENETRATION = '062073:5-1-1/第7次上山市振興計画の市民浸透度';
const MIGRATION = '5-5-1/移住相談からの移住件数';

describe('importing editions out of order', () => {
  it('dates each report by its era headings', () => {
    expect([imported[2023].edition, imported[2021].edition, imported[2022].edition]).toEqual([2023, 2021, 2022]);
    for (const year of [2021, 2022, 2023]) expect(imported[year].warnings).toEqual([]);
  });

  /** `${indicatorId} ${fiscalYear} ${kind}` of every cell the edition's report states, its id qualified as the API's are. */
  const cellsOf = (year: number): Set<string> => {
    const commands = reportCommands(parseDocuments(editionText(year)));
    return new Set(
      [...commands.indicators.values()].flatMap((list) => list.flatMap((c) => (c.type === 'StateValue' ? [`062073:${c.indicatorId} ${c.fiscalYear} ${c.kind}`] : []))),
    );
  };
  const key = (c: any) => `${c.indicator} ${c.fiscalYear} ${c.kind}`;

  it('an older edition changes no value a newer edition stated', () => {
    const stated2023 = cellsOf(2023);
    // 2021 after 2023: new values only where the 2023 report says nothing (its earlier years, and what it left out).
    expect(imported[2021].changes.length).toBeGreaterThan(0);
    expect(imported[2021].changes.filter((c: any) => stated2023.has(key(c)))).toEqual([]);
    expect(imported[2021].changes.map(key)).toContain('062073:まちづくり推進事業費/事業費 2023 TARGET');
    // 2022 after both: nothing the 2023 report states moves; the 2021 actual it revises does.
    expect(imported[2022].changes.filter((c: any) => stated2023.has(key(c)))).toEqual([]);
    expect(imported[2022].changes).toContainEqual(
      expect.objectContaining({ indicator: '062073:5-1-1/第7次上山市振興計画の市民浸透度', fiscalYear: 2021, kind: 'ACTUAL', from: 18.4, to: 18.6 }),
    );
  });
});

describe('how targets moved', () => {
  it('history lists every statement of NPO法人数 2023 target, one per edition that changed it', async () => {
    const { indicator } = await data(`query($id: ID!) { indicator(id: $id) {
      history(fiscalYear: 2023, kind: TARGET) { value text edition previousValue } } }`, { id: NPO });
    const byEdition = [...indicator.history].sort((a: any, b: any) => a.edition - b.edition);
    expect(byEdition.map((r: any) => [r.edition, r.value])).toEqual([
      [2021, 18],
      [2022, 19],
      [2023, 18],
    ]);
  });

  it.each([
    [NPO, 2023, 'TARGET', 2021, 2022, { from: 18, to: 19, delta: 1, changed: true }],
    [NPO, 2023, 'TARGET', 2022, 2023, { from: 19, to: 18, delta: -1, changed: true }],
    [NPO, 2023, 'TARGET', 2021, 2023, { from: 18, to: 18, delta: 0, changed: false }],
    [PENETRATION, 2021, 'ACTUAL', 2021, 2022, { from: 18.4, to: 18.6, changed: true }],
    [PENETRATION, 2022, 'TARGET', 2021, 2022, { from: 17, to: 17.5, delta: 0.5, changed: true }],
    [MIGRATION, 2022, 'ACTUAL', 2022, 2023, { from: 9, to: 10, delta: 1, changed: true }],
    [MIGRATION, 2022, 'ACTUAL', 2021, 2022, { from: null, to: 9, delta: null, changed: true }],
    ['国際交流推進費/事業費', 2023, 'TARGET', 2021, 2023, { from: 1250, to: 1300, delta: 50, changed: true }],
  ])('%s %i %s from %i to %i', async (id, fiscalYear, kind, fromEdition, toEdition, expected) => {
    const { indicator } = await data(
      `query($id: ID!, $fy: Int!, $kind: ValueKind!, $from: Int!, $to: Int!) { indicator(id: $id) {
        change(fiscalYear: $fy, kind: $kind, fromEdition: $from, toEdition: $to) { fiscalYear kind fromEdition toEdition from to delta changed } } }`,
      { id, fy: fiscalYear, kind, from: fromEdition, to: toEdition },
    );
    const { delta, ...rest } = expected as { delta?: number | null };
    expect(indicator.change).toMatchObject({ fiscalYear, kind, fromEdition, toEdition, ...rest });
    if (delta === undefined) expect(indicator.change.delta).toBeCloseTo(0.2, 9);
    else if (delta === null) expect(indicator.change.delta).toBeNull();
    else expect(indicator.change.delta).toBeCloseTo(delta, 9);
  });

  it('current values follow the newest edition, flag revised targets and recompute achievement rates', async () => {
    const { measure } = await data(`{ measure(code: "5-1-1") { indicators { id values { fiscalYear target actual achievementRate targetRevised } } } }`);
    const values = (id: string) => measure.indicators.find((i: any) => i.id === id).values;
    expect(values(NPO).find((v: any) => v.fiscalYear === 2023)).toMatchObject({ target: 18, actual: 18, targetRevised: true });
    expect(values(NPO).find((v: any) => v.fiscalYear === 2021)).toMatchObject({ target: 17, actual: 17, targetRevised: false });
    const penetration2021 = values(PENETRATION).find((v: any) => v.fiscalYear === 2021);
    expect(penetration2021).toMatchObject({ target: 16, actual: 18.6, targetRevised: false });
    expect(penetration2021.achievementRate).toBeCloseTo(18.6 / 16, 9);
    expect(values(PENETRATION).map((v: any) => v.fiscalYear)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('compareFiscalYears(2022, 2023) now and as published in 2022', async () => {
    const query = `query($at: PointInTime) { compareFiscalYears(base: 2022, compare: 2023, at: $at) {
      totals { budget { base compare delta } spending { base compare delta } }
      indicators { indicator { id } base { target } compare { target } targetDelta } } }`;
    const now = (await data(query)).compareFiscalYears;
    expect(now.totals.budget).toEqual({ base: 71055, compare: 70249, delta: -806 });
    expect(now.totals.spending).toEqual({ base: 62476, compare: 65249, delta: 2773 });
    const cost = now.indicators.find((r: any) => r.indicator.id === '062073:国際交流推進費/事業費');
    expect(cost).toMatchObject({ base: { target: 1850 }, compare: { target: 1300 }, targetDelta: -550 });
    const in2022 = (await data(query, { at: { edition: 2022 } })).compareFiscalYears;
    expect(in2022.totals.budget).toEqual({ base: 71055, compare: 69683, delta: -1372 });
    expect(in2022.totals.spending).toEqual({ base: 62476, compare: null, delta: null });
  });
});

describe('renames, moves, ends and beginnings', () => {
  it('a renamed measure keeps its id; each edition answers with its own title', async () => {
    const q = `query($at: PointInTime) { measure(code: "5-5-1", at: $at) { title editions } }`;
    expect((await data(q, { at: { edition: 2021 } })).measure).toEqual({ title: '移住受け入れ環境の整備', editions: [2021] });
    expect((await data(q)).measure).toEqual({ title: '移住・定住受け入れ環境の整備', editions: [2021, 2022, 2023] });
  });

  it('measures and projects move between departments, and back', async () => {
    const measures = async (at?: number) =>
      (await data(`query($at: PointInTime) { measures(department: "福祉課", at: $at) { code } }`, { at: at ? { edition: at } : null })).measures.map((m: any) => m.code);
    expect(await measures(2021)).toEqual(['5-3-1']);
    expect(await measures()).toEqual(['5-3-1', '5-3-2']);
    const department = async (id: string, at?: number) =>
      (await data(`query($id: ID!, $at: PointInTime) { project(id: $id, at: $at) { department } }`, { id, at: at ? { edition: at } : null })).project.department;
    expect(await department('国際交流推進費', 2021)).toBe('庶務課');
    expect(await department('国際交流推進費')).toBe('市政戦略課');
    expect(await department('上山型温泉クアオルト事業費', 2021)).toBe('市政戦略課');
    expect(await department('上山型温泉クアオルト事業費', 2022)).toBe('クアオルト推進課');
    expect(await department('上山型温泉クアオルト事業費')).toBe('市政戦略課');
  });

  it('an ended project is not deleted: it keeps its values and shows where it was last reported', async () => {
    const { project } = await data(`{ project(id: "まちづくり推進事業費") { editions cost { values { fiscalYear target actual } } } }`);
    expect(project.editions).toEqual([2021]);
    expect(project.cost.values).toEqual([
      { fiscalYear: 2021, target: 8300, actual: 7450 },
      { fiscalYear: 2022, target: 1000, actual: null },
      { fiscalYear: 2023, target: 1000, actual: null },
    ]);
    const { auditTrail } = await data(`{ auditTrail(filter: { eventType: "ProjectNotReported" }) { edges { node { edition data } } } }`);
    expect(auditTrail.edges.map((e: any) => [e.node.edition, e.node.data.projectId, e.node.data.chapters]).sort()).toEqual([
      [2022, 'まちづくり推進事業費', [5]],
      [2023, 'まちづくり推進事業費', [5]],
    ]);
  });

  it('a new project exists from the edition that introduced it', async () => {
    const q = `query($at: PointInTime) { project(id: "関係人口創出事業費", at: $at) { department editions measures { code title } } projects(at: $at) { totalCount } }`;
    const in2021 = await data(q, { at: { edition: 2021 } });
    expect(in2021.project).toBeNull();
    expect(in2021.projects.totalCount).toBe(8);
    const now = await data(q);
    expect(now.project).toEqual({ department: '市政戦略課', editions: [2022, 2023], measures: [{ code: '5-5-1', title: '移住・定住受け入れ環境の整備' }] });
    expect(now.projects.totalCount).toBe(9);
  });

  it('an indicator dropped from a table keeps its values and is recorded as not reported', async () => {
    const { measure } = await data(`{ measure(code: "5-4-1") { indicators { id values { fiscalYear target } } } }`);
    const dropped = measure.indicators.find((i: any) => i.id === '062073:5-4-1/学生訪問団派遣人数');
    expect(dropped.values.map((v: any) => [v.fiscalYear, v.target])).toEqual([
      [2021, 8],
      [2022, null],
      [2023, 8],
      [2024, 8],
    ]);
    const { auditTrail } = await data(`{ auditTrail(filter: { eventType: "IndicatorNotReported" }) { edges { node { edition data } } } }`);
    expect(auditTrail.edges.map((e: any) => [e.node.edition, e.node.data.indicatorId]).sort()).toEqual([
      [2023, '5-4-1/学生訪問団派遣人数'],
      [2023, '総務一般管理費/個人情報保護運営審議会開催回数'],
    ]);
  });

  it('link-only measures are there as of every edition that names them', async () => {
    const q = `query($at: PointInTime) { project(id: "上山型温泉クアオルト事業費", at: $at) { measures { code } } }`;
    for (const edition of [2021, 2022, 2023]) {
      expect((await data(q, { at: { edition } })).project.measures.map((m: any) => m.code)).toEqual(['3-5-2', '5-4-1']);
    }
  });

  it('editions: three, each with its label', async () => {
    const { editions } = await data(`{ editions { fiscalYear label } }`);
    expect(editions).toEqual([
      { fiscalYear: 2021, label: '令和3年度' },
      { fiscalYear: 2022, label: '令和4年度' },
      { fiscalYear: 2023, label: '令和5年度' },
    ]);
  });
});

describe('dry runs and re-imports', () => {
  it('a dry run reports the changes and writes nothing; re-importing appends nothing', async () => {
    const count = async () => (await data(`{ auditTrail(first: 1) { totalCount } }`)).auditTrail.totalCount;
    const before = await count();
    const revised = editionText(2023).replace('⇥NPO法人数⇥18 団体⇥18 団体⇥19 団体⇥20 団体'.replace(/⇥/g, '\t'), '\tNPO法人数\t18 団体\t18 団体\t19 団体\t21 団体');
    expect(revised).not.toBe(editionText(2023));
    const dry = (await data(IMPORT, { text: revised, dryRun: true })).importReport;
    expect(dry).toMatchObject({ edition: 2023, dryRun: true, eventsAppended: 0, eventsPlanned: 2 });
    expect(dry.changes).toEqual([
      { indicator: NPO, fiscalYear: 2025, kind: 'TARGET', fromEdition: 2023, toEdition: 2023, from: 20, to: 21, delta: 1, changed: true },
    ]);
    expect(await count()).toBe(before);
    for (const year of [2021, 2022, 2023]) {
      const again = (await data(IMPORT, { text: editionText(year) })).importReport;
      expect(again).toMatchObject({ eventsAppended: 0, eventsPlanned: 0, changes: [] });
    }
    expect(await count()).toBe(before);
  });
});
