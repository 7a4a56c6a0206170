// Every row of the examples table in shared/contract/README.md, over HTTP, against the bundled sample.
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const imported = await server.gql(`mutation($text: String!) { importReport(input: { municipality: "062073", text: $text }) { edition eventsAppended } }`, {
    text: sampleText(),
  });
  expect(imported.errors).toBeUndefined();
});
afterAll(() => server.stop());

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await server.gql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const INDICATOR_VALUES = `indicators { name unit kind values { fiscalYear target actual targetText actualText achievementRate } }`;

describe('contract examples on the bundled sample (edition 2021)', () => {
  it('measure 5-1-1: title, department, policy, chapter', async () => {
    const { measure } = await data(`{ measure(code: "5-1-1") { title department policy { code title } chapter { number title } } }`);
    expect(measure).toEqual({
      title: '多様な担い手が参画するまちづくりの推進',
      department: '市政戦略課',
      policy: { code: '5-1', title: 'みんなが主役のまちづくりを推進します' },
      chapter: { number: 5, title: 'つながる『みんなで創る住みよいまち』' },
    });
  });

  it('NPO法人数: unit, 2021 target/actual/rate, 2023 target', async () => {
    const { measure } = await data(`{ measure(code: "5-1-1") { ${INDICATOR_VALUES} } }`);
    const npo = measure.indicators.find((i: any) => i.name === 'NPO法人数');
    expect(npo.unit).toBe('団体');
    const y2021 = npo.values.find((v: any) => v.fiscalYear === 2021);
    expect([y2021.target, y2021.actual, y2021.achievementRate]).toEqual([17, 17, 1]);
    expect(npo.values.find((v: any) => v.fiscalYear === 2023).target).toBe(18);
  });

  it('第7次上山市振興計画の市民浸透度 2021', async () => {
    const { measure } = await data(`{ measure(code: "5-1-1") { ${INDICATOR_VALUES} } }`);
    const v = measure.indicators.find((i: any) => i.name === '第7次上山市振興計画の市民浸透度').values.find((x: any) => x.fiscalYear === 2021);
    expect(v.target).toBe(16);
    expect(v.actual).toBe(18.4);
    expect(v.achievementRate).toBeCloseTo(1.15, 3);
  });

  it('measures: six with departments, plus 3-5-2 and 6-2-1 with none', async () => {
    const { measures } = await data(`{ measures { code department } }`);
    expect(measures).toEqual([
      { code: '3-5-2', department: null },
      { code: '5-1-1', department: '市政戦略課' },
      { code: '5-2-1', department: '庶務課' },
      { code: '5-3-1', department: '福祉課' },
      { code: '5-3-2', department: '市政戦略課' },
      { code: '5-4-1', department: '庶務課' },
      { code: '5-5-1', department: '建設課' },
      { code: '6-2-1', department: null },
    ]);
  });

  it('projects: 8', async () => {
    const { projects } = await data(`{ projects { totalCount edges { node { name } } } }`);
    expect(projects.totalCount).toBe(8);
    expect(projects.edges).toHaveLength(8);
  });

  it('地域おこし協力隊推進事業費: cost 2021 and budget account', async () => {
    const { project } = await data(`{ project(id: "地域おこし協力隊推進事業費") {
      cost { values { fiscalYear target actual achievementRate } }
      budgetAccount { code fund division section item } } }`);
    const cost = project.cost.values.find((v: any) => v.fiscalYear === 2021);
    expect(cost.target).toBe(6160);
    expect(cost.actual).toBe(280);
    expect(cost.achievementRate).toBeCloseTo(0.04545, 4);
    expect(project.budgetAccount).toEqual({ code: '01-02-01-06', fund: '一般会計', division: '総務費', section: '総務管理費', item: '企画費' });
  });

  it.each([
    ['総務一般管理費', ['5-2-1', '6-2-1']],
    ['上山型温泉クアオルト事業費', ['3-5-2', '5-4-1']],
  ])('%s measures', async (name, codes) => {
    const { project } = await data(`query($id: ID!) { project(id: $id) { measures { code } } }`, { id: name });
    expect(project.measures.map((m: any) => m.code)).toEqual(codes);
  });

  it('学生訪問団派遣人数 2022: target null, targetText —', async () => {
    const { measure } = await data(`{ measure(code: "5-4-1") { ${INDICATOR_VALUES} } }`);
    const v = measure.indicators.find((i: any) => i.name === '学生訪問団派遣人数').values.find((x: any) => x.fiscalYear === 2022);
    expect(v.target).toBeNull();
    expect(v.targetText).toBe('—');
  });

  it('国際交流推進費 staffing 2021', async () => {
    const { project } = await data(`{ project(id: "国際交流推進費") { staffing { values { fiscalYear target actual } } } }`);
    expect(project.staffing.values.find((v: any) => v.fiscalYear === 2021)).toEqual({ fiscalYear: 2021, target: 0.8, actual: 0.1 });
  });

  it('海の子山の子交歓会事業費 cost 2021: target null (—), actual 0', async () => {
    const { project } = await data(`{ project(id: "海の子山の子交歓会事業費") { cost { values { fiscalYear target targetText actual } } } }`);
    expect(project.cost.values.find((v: any) => v.fiscalYear === 2021)).toEqual({ fiscalYear: 2021, target: null, targetText: '—', actual: 0 });
  });

  it('compareFiscalYears(2021, 2022) totals', async () => {
    const { compareFiscalYears } = await data(`{ compareFiscalYears(base: 2021, compare: 2022) {
      totals { budget { base compare delta } spending { base compare delta } } } }`);
    expect(compareFiscalYears.totals.budget).toEqual({ base: 66679, compare: 68055, delta: 1376 });
    expect(compareFiscalYears.totals.spending).toEqual({ base: 49601, compare: null, delta: null });
  });

  it('editions: one, 2021, 令和3年度', async () => {
    const { editions } = await data(`{ editions { fiscalYear label eventCount sourceSha256 } }`);
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatchObject({ fiscalYear: 2021, label: '令和3年度' });
    expect(editions[0].sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(editions[0].eventCount).toBeGreaterThan(100);
  });
});
