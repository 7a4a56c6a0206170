import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from './parse-report';
import type { IndicatorKind, ValueKind } from '../../events/vocabulary';
import type { ParsedIndicator, ParsedProject, ParsedReport } from './report-model';

const SAMPLE = readFileSync(join(__dirname, '../../samples/kaminoyama-r3-chapter5.txt'), 'utf8');

function measure(report: ParsedReport, code: string) {
  const found = report.measures.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no measure ${code}`);
  return found;
}

function project(report: ParsedReport, name: string): ParsedProject {
  const found = report.projects.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no project ${name}`);
  return found;
}

function indicator(owner: { indicators: ParsedIndicator[] }, kind: IndicatorKind, name?: string): ParsedIndicator {
  const found = owner.indicators.find((candidate) => candidate.kind === kind && (name === undefined || candidate.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
}

function cell(found: ParsedIndicator, fiscalYear: number, kind: ValueKind) {
  const value = found.values.find((candidate) => candidate.fiscalYear === fiscalYear && candidate.kind === kind);
  if (!value) throw new Error(`no ${fiscalYear} ${kind} in ${found.name}`);
  return value;
}

function costSum(report: ParsedReport, fiscalYear: number, kind: ValueKind): number {
  return report.projects
    .map((owner) => cell(indicator(owner, 'COST'), fiscalYear, kind).value ?? 0)
    .reduce((sum, value) => sum + value, 0);
}

describe('parseReport on the 上山市 令和3年度 chapter 5 sample', () => {
  const report = parseReport(SAMPLE, { file: 'kaminoyama-r3-chapter5.txt' });

  it('dates the report by its 実績 columns and headings', () => {
    expect(report.edition).toBe(2021);
    expect(report.editionLabel).toBe('令和3年度');
    expect(report.warnings).toEqual([]);
  });

  it('finds every measure sheet in order', () => {
    expect(report.measures.map((found) => found.code)).toEqual(['5-1-1', '5-2-1', '5-3-1', '5-3-2', '5-4-1', '5-5-1']);
    expect(report.measures.map((found) => found.line)).toEqual([3, 108, 175, 242, 284, 427]);
  });

  it('finds every project sheet in order', () => {
    expect(report.projects.map((found) => [found.line, found.name])).toEqual([
      [54, '地域おこし協力隊推進事業費'],
      [81, 'まちづくり推進事業費'],
      [149, '総務一般管理費'],
      [217, '人権啓発活動事業費'],
      [344, '国際交流推進費'],
      [372, '上山型温泉クアオルト事業費'],
      [400, '海の子山の子交歓会事業費'],
      [472, '移住推進事業費'],
    ]);
  });

  it('reads the placement and prose of measure 5-1-1', () => {
    const found = measure(report, '5-1-1');
    expect(found).toMatchObject({
      title: '多様な担い手が参画するまちづくりの推進',
      department: '市政戦略課',
      chapter: { number: 5, title: 'つながる『みんなで創る住みよいまち』' },
      policy: { code: '5-1', title: 'みんなが主役のまちづくりを推進します' },
      strategies: ['2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進'],
    });
    expect(found.purposes).toEqual([expect.stringMatching(/^行政と市民の役割を明確にし、.*地域の活性化を図ります。$/)]);
    expect(found.goals.map(({ number, title }) => [number, title])).toEqual([
      [1, '行政と市民等の役割の浸透'],
      [2, '公共の担い手の確保と育成'],
    ]);
    expect(found.goals[0]?.description).toMatch(/^市民ニーズを把握し.*風土を醸成します。$/);
    expect(found.results).toHaveLength(2);
    expect(found.results[0]).toMatch(/^\(1\) 第7次上山市振興計画の検証として/);
    expect(found.goals[1]?.results).toEqual([expect.stringMatching(/^\(1\) 元気なかみのやま創造支援事業補助金/)]);
    expect(found.gapReason).toMatch(/^様々な機会を捉え/);
    expect(found.nextSteps).toMatch(/^引き続き、取組内容を周知する/);
  });

  it('reads the outcome indicators of 5-1-1 with their source lines', () => {
    const found = measure(report, '5-1-1');
    const npo = indicator(found, 'OUTCOME', 'NPO法人数');
    expect(npo.line).toBe(44);
    expect(npo.unit).toBe('団体');
    expect(npo.values).toEqual([
      { line: 44, fiscalYear: 2021, kind: 'TARGET', value: 17, text: '17 団体' },
      { line: 44, fiscalYear: 2021, kind: 'ACTUAL', value: 17, text: '17 団体' },
      { line: 44, fiscalYear: 2022, kind: 'TARGET', value: 17, text: '17 団体' },
      { line: 44, fiscalYear: 2023, kind: 'TARGET', value: 18, text: '18 団体' },
    ]);
    const reach = indicator(found, 'OUTCOME', '第7次上山市振興計画の市民浸透度');
    expect(reach).toMatchObject({ line: 43, unit: '%' });
    expect(cell(reach, 2021, 'TARGET')).toMatchObject({ value: 16, text: '16.0%' });
    expect(cell(reach, 2021, 'ACTUAL')).toMatchObject({ value: 18.4, text: '18.4%' });
  });

  it.each([
    ['5-2-1', '該当なし', []],
    ['5-5-1', 'on the line after the heading', ['2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進']],
  ])('reads 創生総合戦略 of %s (%s)', (code, _how, strategies) => {
    expect(measure(report, code).strategies).toEqual(strategies);
  });

  it('strips bullets and numbering from purposes, goals and results', () => {
    const local = measure(report, '5-2-1');
    expect(local.purposes).toEqual(['情報提供等の支援、地域間交流と連携により、市全体の地域自治活動の活性化を目指します。']);
    expect(local.goals.map(({ number, title }) => [number, title])).toEqual([[1, '地域自治活動に関する情報提供等の支援と地域間交流の推進']]);
    expect(local.results).toEqual(['(1) 地区会長会の会議において、地域間交流・連携を促しました。']);
    expect(measure(report, '5-3-2').purposes).toEqual(['男女共同参画社会の実現に向けて意識の高揚と環境整備を推進します。']);
    expect(measure(report, '5-5-1').results).toEqual([
      '(1) 県及びNPO法人等と連携し、都内に開設している移住相談窓口やオンライン相談等により移住希望者の対応に取り組みました。',
      '(2) お試し居住施設については、8件利用がありました。',
    ]);
    expect(measure(report, '5-4-1').goals.map((goal) => goal.results?.length)).toEqual([1, 1, 1]);
  });

  it('reads a unit written with a space, a shifted header and a dash', () => {
    expect(indicator(measure(report, '5-3-2'), 'OUTCOME').values.map((value) => value.value)).toEqual([29, 25, 30, 31]);
    expect(indicator(measure(report, '5-3-2'), 'OUTCOME').unit).toBe('%');
    expect(indicator(measure(report, '5-3-1'), 'OUTCOME').line).toBe(207);
    const visitors = indicator(measure(report, '5-4-1'), 'OUTCOME', '学生訪問団派遣人数');
    expect(cell(visitors, 2022, 'TARGET')).toEqual({ line: 333, fiscalYear: 2022, kind: 'TARGET', value: null, text: '—' });
    expect(visitors.unit).toBe('人');
  });

  it('reads a project sheet: owner, budget account, measure and every row kind', () => {
    const found = project(report, '地域おこし協力隊推進事業費');
    expect(found).toMatchObject({
      department: '市政戦略課',
      budgetAccount: { code: '01-02-01-06', fund: '一般会計', division: '総務費', section: '総務管理費', item: '企画費' },
      measures: [{ code: '5-1-1', title: '多様な担い手が参画するまちづくりの推進' }],
      strategies: ['2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進'],
    });
    expect(found.overview).toMatch(/^地域おこしに興味のある人材を/);
    expect(found.purpose).toMatch(/^地方の暮らしに興味を持ち/);
    expect(found.indicators.map((row) => [row.line, row.kind, row.name, row.unit])).toEqual([
      [68, 'GOAL_STATE', '本市の地域おこし協力隊の活動が注目されている状態', null],
      [69, 'ACTIVITY', '募集に係るフェア等への参加回数', '回'],
      [70, 'COST', '事業費', '千円'],
      [71, 'STAFFING', '従事人工', '人工'],
    ]);
    const cost = indicator(found, 'COST');
    expect(cell(cost, 2021, 'TARGET')).toMatchObject({ value: 6160, text: '6,160' });
    expect(cell(cost, 2021, 'ACTUAL')).toMatchObject({ value: 280, text: '280' });
    const goal = indicator(found, 'GOAL_STATE');
    expect(cell(goal, 2021, 'TARGET')).toEqual({
      line: 68, fiscalYear: 2021, kind: 'TARGET', value: null, text: '採用希望者からの問合せが多数ある状態',
    });
    expect(cell(goal, 2021, 'ACTUAL').text).toMatch(/^新型コロナウイルス感染拡大の影響で/);
  });

  it.each([
    ['総務一般管理費', [['5-2-1', '地域自治活動の育成'], ['6-2-1', '効率的な行政運営の推進']]],
    ['上山型温泉クアオルト事業費', [['3-5-2', '体験型観光の推進'], ['5-4-1', '市民交流の拡充']]],
    ['移住推進事業費', [['5-5-1', '移住受け入れ環境の整備']]],
  ])('reads the measures of %s', (name, refs) => {
    expect(project(report, name).measures.map(({ code, title }) => [code, title])).toEqual(refs);
  });

  it('reads an empty 理由 as null', () => {
    expect(project(report, '総務一般管理費').gapReason).toBeNull();
    expect(project(report, '人権啓発活動事業費').gapReason).toBeNull();
    expect(project(report, '総務一般管理費').nextSteps).toMatch(/^引き続き、地域自治活動を支援し/);
  });

  it('reads dashes, zeros and decimals in project rows', () => {
    const exchange = project(report, '国際交流推進費');
    const staffing = indicator(exchange, 'STAFFING');
    expect([cell(staffing, 2021, 'TARGET').value, cell(staffing, 2021, 'ACTUAL').value]).toEqual([0.8, 0.1]);
    const briefing = indicator(exchange, 'ACTIVITY', '訪独学生への説明会、研修会等への参加者数');
    expect(briefing.values.map((value) => value.value)).toEqual([null, 0, 65, null]);
    const cost = indicator(project(report, '海の子山の子交歓会事業費'), 'COST');
    expect(cell(cost, 2021, 'TARGET')).toMatchObject({ value: null, text: '—' });
    expect(cell(cost, 2021, 'ACTUAL')).toMatchObject({ value: 0, text: '0' });
  });

  it('reads the project whose rows are shifted by a tab and which has two strategies', () => {
    const found = project(report, '移住推進事業費');
    expect(found.strategies).toEqual([
      '2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進',
      '5 連携施策等 広域的な行政体制づくり 広域行政体制の積極的推進',
    ]);
    const cost = indicator(found, 'COST');
    expect(cost.line).toBe(488);
    expect([cell(cost, 2021, 'TARGET').value, cell(cost, 2021, 'ACTUAL').value]).toEqual([5984, 1839]);
    expect(indicator(found, 'STAFFING').values.map((value) => value.value)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(indicator(found, 'GOAL_STATE').name).toBe('移住希望者に対する相談体制が確立し、移住者が増加している状態');
  });

  it('adds up the cost rows to the chapter totals', () => {
    expect(costSum(report, 2021, 'TARGET')).toBe(66679);
    expect(costSum(report, 2022, 'TARGET')).toBe(68055);
    expect(costSum(report, 2021, 'ACTUAL')).toBe(49601);
  });

  it('gives every project a COST and a STAFFING row and values for all four columns', () => {
    for (const found of report.projects) {
      expect(found.indicators.filter((row) => row.kind === 'COST')).toHaveLength(1);
      expect(found.indicators.filter((row) => row.kind === 'STAFFING')).toHaveLength(1);
      for (const row of found.indicators) {
        expect(row.values.map((value) => `${value.fiscalYear} ${value.kind}`)).toEqual([
          '2021 TARGET', '2021 ACTUAL', '2022 TARGET', '2023 TARGET',
        ]);
      }
    }
  });
});
