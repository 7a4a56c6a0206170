import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from './parse-report';
import type { ParsedIndicator, ParsedReport } from './report-model';

const SAMPLE = readFileSync(join(__dirname, '../../samples/kaminoyama-r3-chapter5.txt'), 'utf8');
const ORIGINAL = parseReport(SAMPLE);

/** The sample with 1-based line `number` rewritten; line numbers elsewhere stay put. */
function editLine(text: string, number: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const line = lines[number - 1];
  if (line === undefined) throw new Error(`no line ${number}`);
  lines[number - 1] = edit(line);
  return lines.join('\n');
}

function mapLines(text: string, edit: (line: string) => string): string {
  return text.split('\n').map(edit).join('\n');
}

function rowAt(report: ParsedReport, line: number): ParsedIndicator {
  const rows = [...report.measures, ...report.projects].flatMap((owner) => owner.indicators);
  const found = rows.find((row) => row.line === line);
  if (!found) throw new Error(`no row on line ${line}`);
  return found;
}

const isRow = (line: string): boolean => line.split('\t').filter((cell) => cell.trim() !== '').length >= 2;
const FULL_WIDTH = (text: string): string =>
  text.replace(/[0-9%,.\-]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

describe('parseReport reads the same report through real-world noise', () => {
  it.each<[string, (text: string) => string]>([
    ['CRLF line endings', (text) => text.replace(/\n/g, '\r\n')],
    ['a BOM', (text) => `\ufeff${text}`],
    ['a BOM and CRLF', (text) => `\ufeff${text.replace(/\n/g, '\r\n')}`],
    ['CR line endings', (text) => text.replace(/\n/g, '\r')],
    ['every tab doubled', (text) => text.replace(/\t/g, '\t\t')],
    ['every row shifted right by a tab', (text) => mapLines(text, (line) => (isRow(line) ? `\t${line}` : line))],
    ['trailing tabs and spaces', (text) => mapLines(text, (line) => `${line}\t `)],
    ['blank lines made of whitespace', (text) => mapLines(text, (line) => (line === '' ? ' \t\u3000 ' : line))],
    ['headings indented with spaces', (text) => mapLines(text, (line) => (isRow(line) ? line : `  ${line}`))],
    ['cells padded with spaces', (text) => mapLines(text, (line) => line.replace(/\t/g, ' \t '))],
  ])('with %s', (_name, mutate) => {
    expect(parseReport(mutate(SAMPLE))).toEqual(ORIGINAL);
  });

  it.each([
    ['full-width digits and space', '１７　団体', 17, '団体'],
    ['a full-width percent and period', '１６．０％', 16, '%'],
    ['a glued unit', '17団体', 17, '団体'],
    ['a thousands separator', '1,017 団体', 1017, '団体'],
    ['a full-width thousands separator', '１，０１７団体', 1017, '団体'],
    ['△ for minus', '△3 団体', -3, '団体'],
    ['▲ for minus', '▲3団体', -3, '団体'],
    ['a decimal', '17.25 団体', 17.25, '団体'],
  ])('reads a value cell with %s', (_name, text, value, unit) => {
    const report = parseReport(editLine(SAMPLE, 44, (line) => line.replace('17 団体', text)));
    const row = rowAt(report, 44);
    expect(row.values[0]).toEqual({ line: 44, fiscalYear: 2021, kind: 'TARGET', value, text });
    expect(row.unit).toBe(unit);
  });

  it.each([['—'], ['－'], ['―'], ['−'], ['‐'], ['-'], ['ー'], ['–'], ['ｰ']])('reads the dash %j as not applicable', (dash) => {
    const report = parseReport(editLine(SAMPLE, 333, (line) => line.replace('—', dash)));
    expect(rowAt(report, 333).values[2]).toEqual({ line: 333, fiscalYear: 2022, kind: 'TARGET', value: null, text: dash });
    const cost = parseReport(editLine(SAMPLE, 416, (line) => line.replace('—', dash)));
    expect(rowAt(cost, 416).values[0]).toMatchObject({ value: null, text: dash });
  });

  it('takes the unit from the first cell that has one', () => {
    const report = parseReport(editLine(SAMPLE, 359, (line) => line.replace('0人', '0')));
    expect(rowAt(report, 359).unit).toBe('人');
    const none = parseReport(editLine(SAMPLE, 359, (line) => line.replace('0人', '0').replace('65人', '65')));
    expect(rowAt(none, 359).unit).toBeNull();
  });

  it('reads structure typed in full-width characters', () => {
    let text = SAMPLE;
    text = editLine(text, 9, () => '第５章　つながる『みんなで創る住みよいまち』');
    text = editLine(text, 10, () => '５－１　みんなが主役のまちづくりを推進します');
    text = editLine(text, 14, () => '５－１－１　多様な担い手が参画するまちづくりの推進');
    text = editLine(text, 24, () => '１　行政と市民等の役割の浸透');
    text = editLine(text, 42, FULL_WIDTH);
    text = editLine(text, 56, FULL_WIDTH);
    text = editLine(text, 57, (line) => line.replace('5-1-1', '５－１－１'));
    text = editLine(text, 67, FULL_WIDTH);
    text = editLine(text, 70, FULL_WIDTH);
    expect(parseReport(text)).toEqual({
      ...ORIGINAL,
      projects: ORIGINAL.projects.map((project, index) =>
        index === 0
          ? {
              ...project,
              indicators: project.indicators.map((row) =>
                row.kind === 'COST' ? { ...row, values: row.values.map((value) => ({ ...value, text: FULL_WIDTH(value.text) })) } : row,
              ),
            }
          : project,
      ),
    });
  });

  it('accepts a COST or STAFFING cell that repeats its unit', () => {
    const report = parseReport(
      editLine(editLine(SAMPLE, 70, (line) => line.replace('6,160', '6,160千円')), 71, (line) => line.replace('0.5', '0.5人工')),
    );
    expect(rowAt(report, 70).values[0]).toMatchObject({ value: 6160, text: '6,160千円' });
    expect(rowAt(report, 71).values[0]).toMatchObject({ value: 0.5, text: '0.5人工' });
    expect(rowAt(report, 71).unit).toBe('人工');
  });

  it('reads 事業費 without （千円） and with half-width brackets', () => {
    for (const label of ['事業費', '事業費(千円)', '事業費 （千円）']) {
      const report = parseReport(editLine(SAMPLE, 70, (line) => line.replace('事業費（千円）', label)));
      expect(rowAt(report, 70)).toMatchObject({ kind: 'COST', name: '事業費', unit: '千円' });
    }
  });

  it('reads several chapters in one file', () => {
    const chapter6 = SAMPLE.split('\n')
      .slice(2, 107)
      .join('\n')
      .replace(/第5章 つながる『みんなで創る住みよいまち』/g, '第6章 健全な行財政運営')
      .replace(/5-1 みんなが主役のまちづくりを推進します/g, '6-1 行政改革を進めます')
      .replace(/5-1-1 多様な担い手が参画するまちづくりの推進/g, '6-1-1 行政改革の推進');
    const report = parseReport(`${SAMPLE}\n\n${chapter6}\n`);
    expect(report.measures.map((measure) => measure.code)).toEqual(['5-1-1', '5-2-1', '5-3-1', '5-3-2', '5-4-1', '5-5-1', '6-1-1']);
    expect(report.measures[6]).toMatchObject({
      line: 499,
      chapter: { number: 6, title: '健全な行財政運営' },
      policy: { code: '6-1', title: '行政改革を進めます' },
      title: '行政改革の推進',
    });
    expect(report.projects).toHaveLength(10);
    expect(report.projects[9]?.measures).toEqual([{ code: '6-1-1', title: '行政改革の推進' }]);
    expect(rowAt(report, 499 + 41).name).toBe('NPO法人数');
  });

  it('reads 創生総合戦略 spread over several lines and 目的 with several bullets', () => {
    let text = editLine(SAMPLE, 16, () => '創生総合戦略');
    text = editLine(text, 17, () => '2 かみのやま「来てよし」プロジェクト 移住 3 かみのやま「住んでよし」プロジェクト 子育て');
    text = editLine(text, 19, () => '- 1 第一の目的');
    text = editLine(text, 20, () => '- 2 第二の目的\n続きの行');
    const measure = parseReport(text).measures[0];
    expect(measure?.strategies).toEqual(['2 かみのやま「来てよし」プロジェクト 移住', '3 かみのやま「住んでよし」プロジェクト 子育て']);
    expect(measure?.purposes).toEqual(['第一の目的', '第二の目的\n続きの行']);
  });

  it('reads a goal without a description and multi-paragraph prose', () => {
    let text = editLine(SAMPLE, 26, () => '');
    text = editLine(text, 49, () => '第二段落です。');
    const measure = parseReport(text).measures[0];
    expect(measure?.goals[0]).toMatchObject({ number: 1, description: null });
    expect(measure?.gapReason).toMatch(/考えられます。\n第二段落です。$/);
  });

  it.each([
    ['令和元年度', 2019],
    ['平成30年度', 2018],
  ])('dates a report written for %s', (label, year) => {
    const text = SAMPLE.replace(/令和3年度/g, label);
    const report = parseReport(text);
    expect(report).toMatchObject({ edition: year, editionLabel: label });
    expect(rowAt(report, 44).values.map((value) => `${value.fiscalYear} ${value.kind}`)).toEqual([
      `${year} TARGET`, `${year} ACTUAL`, '2022 TARGET', '2023 TARGET',
    ]);
  });

  it('reads a report that only has project sheets, or only measure sheets', () => {
    const projectsOnly = SAMPLE.split('\n').slice(53, 107).join('\n');
    expect(parseReport(projectsOnly)).toMatchObject({ edition: 2021, measures: [], projects: [{ line: 1 }, { line: 28 }] });
    const measureOnly = SAMPLE.split('\n').slice(0, 53).join('\n');
    expect(parseReport(measureOnly)).toMatchObject({ edition: 2021, projects: [], measures: [{ code: '5-1-1' }] });
  });

  it('parses a long report in linear time', () => {
    const chapters = Array.from({ length: 200 }, () => SAMPLE).join('\n');
    const started = performance.now();
    const report = parseReport(chapters);
    expect(report.projects).toHaveLength(1600);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('parseReport warnings', () => {
  it('warns when a 実績 heading does not repeat its goal exactly', () => {
    const report = parseReport(editLine(SAMPLE, 34, () => '1 行政と市民の役割の浸透'), { file: 'r3.txt' });
    expect(report.warnings).toEqual([expect.stringMatching(/^r3\.txt:34: 実績 heading .* does not match goal 1/)]);
    expect(report.measures[0]?.results).toHaveLength(2);
  });

  it('warns about a goal numbered twice and an indicator listed twice', () => {
    let text = editLine(SAMPLE, 28, () => '1 公共の担い手の確保と育成');
    text = editLine(text, 44, (line) => line.replace('NPO法人数', '第7次上山市振興計画の市民浸透度'));
    expect(parseReport(text).warnings).toEqual([
      '<report>:28: goal 1 is numbered twice',
      '<report>:38: 実績 heading "2 公共の担い手の確保と育成" does not match goal 1 公共の担い手の確保と育成',
      '<report>:44: indicator "第7次上山市振興計画の市民浸透度" appears twice in one table',
    ]);
  });

  it('warns when one indicator mixes units', () => {
    const report = parseReport(editLine(SAMPLE, 44, (line) => line.replace('18 団体', '18 法人')));
    expect(report.warnings).toEqual(['<report>:44: NPO法人数 mixes units 団体 and 法人']);
    expect(rowAt(report, 44).unit).toBe('団体');
  });
});
