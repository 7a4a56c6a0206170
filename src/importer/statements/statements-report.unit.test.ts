import { resolveMunicipality } from '../../domain/municipalities/municipality-table';
import { reportCommands } from '../report-commands';
import { readStatements } from './read-statements';
import { statementsEditions } from './statement-documents';

const HEADER = 'municipality,edition,owner_type,owner,owner_title,department,measures,budget_account,indicator,kind,unit,fiscal_year,target,actual,reason';
const ROWS = [
  '062073,R3,measure,5-1-1,多様な担い手が参画するまちづくりの推進,市政戦略課,,,NPO法人数,OUTCOME,団体,2021,17 団体,17 団体,理由です',
  '062073,R3,measure,5-1-1,,市政戦略課,,,NPO法人数,OUTCOME,団体,2022,17 団体,,',
  '062073,R3,project,地域おこし協力隊推進事業費,,市政戦略課,5-1-1,01一般会計・02総務費・01総務管理費・06企画費,事業費,COST,円,2021,"6,160,000","280,000",',
  '062073,R3,project,地域おこし協力隊推進事業費,,市政戦略課,5-1-1,,本市の地域おこし協力隊の活動が注目されている状態,GOAL_STATE,,2021,問合せが多数ある状態,応募がありました,',
  '062073,R3,project,地域おこし協力隊推進事業費,,,,,従事人工,STAFFING,人工,2021,0.5,0.5,',
  '062073,R4,measure,5-1-1,多様な担い手が参画するまちづくりの推進,市政戦略課,,,NPO法人数,OUTCOME,団体,2022,17 団体,18 団体,',
  '072036,R3,measure,3-1-1,安心な暮らし,総務課,,,防災訓練参加者数,OUTCOME,人,2021,100,90,',
];
const file = (rows: readonly string[]) => Buffer.from([HEADER, ...rows].join('\n'));
const editionsOf = (rows: readonly string[], given: string | null = null) => {
  const bytes = file(rows);
  return statementsEditions(readStatements(bytes, 's.csv').rows, { file: 's.csv', bytes }, given === null ? null : resolveMunicipality(given));
};

describe('statementsEditions', () => {
  it('makes one report per municipality and edition, in the order the file names them, each citing the file', () => {
    const editions = editionsOf(ROWS);
    expect(editions.map((e) => `${e.municipality.code} ${e.edition}`)).toEqual(['062073 2021', '062073 2022', '072036 2021']);
    expect(new Set(editions.map((e) => e.document.sha256)).size).toBe(1);
    expect(editions[0]?.document.file).toBe('s.csv');
    expect(editions[0]?.document.places).toEqual({ sheet: null, cells: new Map(), layout: null });
  });

  it('builds measures and projects with their indicators, values per fiscal year and reasons, as a text report parses them', () => {
    const [r3] = editionsOf(ROWS);
    const report = r3?.document.report;
    expect(report).toMatchObject({ edition: 2021, editionLabel: '令和3年度', warnings: [] });
    expect(report?.measures).toEqual([
      expect.objectContaining({
        line: 2,
        code: '5-1-1',
        title: '多様な担い手が参画するまちづくりの推進',
        department: '市政戦略課',
        chapter: { number: 5, title: '' },
        policy: { code: '5-1', title: '' },
        gapReason: '理由です',
        indicators: [
          {
            line: 2,
            kind: 'OUTCOME',
            name: 'NPO法人数',
            unit: '団体',
            // 2022 is after the edition: its empty actual states nothing (no actual is known yet).
            values: [
              { line: 2, fiscalYear: 2021, kind: 'TARGET', value: 17, text: '17 団体' },
              { line: 2, fiscalYear: 2021, kind: 'ACTUAL', value: 17, text: '17 団体' },
              { line: 3, fiscalYear: 2022, kind: 'TARGET', value: 17, text: '17 団体' },
            ],
          },
        ],
      }),
    ]);
    const [project] = report?.projects ?? [];
    expect(project).toMatchObject({
      name: '地域おこし協力隊推進事業費',
      department: '市政戦略課',
      budgetAccount: { code: '01-02-01-06', fund: '一般会計', division: '総務費', section: '総務管理費', item: '企画費' },
      measures: [{ code: '5-1-1', title: '多様な担い手が参画するまちづくりの推進' }],
    });
    // Money printed in 円 is held in 千円; the goal state keeps its sentence as its name.
    expect(project?.indicators.map((i) => [i.kind, i.name, i.unit, i.values.map((v) => v.value)])).toEqual([
      ['COST', '事業費', '千円', [6160, 280]],
      ['GOAL_STATE', '本市の地域おこし協力隊の活動が注目されている状態', null, [null, null]],
      ['STAFFING', '従事人工', '人工', [0.5, 0.5]],
    ]);
    // The commands are a text report's: the goal state's id is 目標, whatever its sentence.
    const commands = reportCommands([r3!.document]);
    expect([...commands.indicators.keys()]).toContain('indicator-地域おこし協力隊推進事業費/目標');
  });

  it.each([
    ['a row of another municipality than --municipality', ROWS, '上山市', /^s\.csv:8: municipality: expected the municipality given with the import, 上山市 \(062073\), found "[^"]+ \(072036\)"/],
    ['a measure with no title in the edition', [ROWS[1]!], null, /^s\.csv:2: owner_title: expected the 施策 title of 5-1-1 on a row of it in this edition/],
    ['two departments for one project', [ROWS[2]!, ROWS[3]!.replace(',市政戦略課,5-1-1', ',企画課,5-1-1')], null, /^s\.csv:3: department: expected the department s\.csv:2 gives, "市政戦略課", found "企画課"/],
    ['two rows of one indicator and year', [ROWS[0]!, ROWS[0]!], null, /^s\.csv:3: fiscal_year: expected one row per indicator, fiscal year and edition \(s\.csv:2 states 2021\)/],
    ['a project with no department', [ROWS[4]!], null, /^s\.csv:2: department: expected the department \(所属\) of 地域おこし協力隊推進事業費/],
    ['a budget account that does not read', [ROWS[2]!.replace('01一般会計・02総務費・01総務管理費・06企画費', '一般会計')], null, /^s\.csv:2: budget_account: expected a budget account like/],
    ['a measure code with no title the file can supply', [ROWS[2]!.replace(',5-1-1,', ',6-2-1,')], null, /^s\.csv:2: measures: expected 6-2-1 followed by its title/],
  ])('refuses %s, naming the line and the column', (_case, rows, given, message) => {
    expect(() => editionsOf(rows, given)).toThrow(message);
  });

  it('states an empty cell the row otherwise fills as not applicable, with the dash a report prints for it', () => {
    const [edition] = editionsOf([ROWS[0]!.replace('17 団体,17 団体', '17 団体,')]);
    expect(edition?.document.report.measures[0]?.indicators[0]?.values).toEqual([
      { line: 2, fiscalYear: 2021, kind: 'TARGET', value: 17, text: '17 団体' },
      { line: 2, fiscalYear: 2021, kind: 'ACTUAL', value: null, text: '―' },
    ]);
  });

  it('warns of a direction the ledger does not record', () => {
    const bytes = Buffer.from(`${HEADER},direction\n${ROWS[0]},低下`);
    const [edition] = statementsEditions(readStatements(bytes, 's.csv').rows, { file: 's.csv', bytes });
    expect(edition?.document.report.warnings).toEqual([
      "s.csv:2: direction: the ledger derives an indicator's direction from its kind (HIGHER_IS_BETTER for OUTCOME); LOWER_IS_BETTER is not recorded",
    ]);
  });
});
