import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from './parse-report';
import { ReportParseError } from './report-errors';

const SAMPLE = readFileSync(join(__dirname, '../../samples/kaminoyama-r3-chapter5.txt'), 'utf8');

function editLine(text: string, number: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const line = lines[number - 1];
  if (line === undefined) throw new Error(`no line ${number}`);
  lines[number - 1] = edit(line);
  return lines.join('\n');
}

function parseError(text: string, file?: string): ReportParseError {
  try {
    parseReport(text, file === undefined ? {} : { file });
  } catch (error) {
    if (error instanceof ReportParseError) return error;
    throw error;
  }
  throw new Error('parseReport accepted the text');
}

const replace = (from: string | RegExp, to: string) => (line: string) => {
  const edited = line.replace(from, to);
  if (edited === line) throw new Error(`${String(from)} not in ${JSON.stringify(line)}`);
  return edited;
};

describe('parseReport rejects what it cannot read, naming the line', () => {
  it.each<[string, number, (line: string) => string, number, RegExp, string]>([
    ['a word in an outcome cell', 44, replace('17 団体⇥'.replace('⇥', '\t'), 'abc\t'), 44, /number/, 'abc'],
    ['a word in an activity cell', 69, replace('6回', 'たくさん'), 69, /number/, 'たくさん'],
    ['a word in a cost cell', 70, replace('6,160', '六千'), 70, /number/, '六千'],
    ['a word in a staffing cell', 71, replace('0.5', 'abc'), 71, /number/, 'abc'],
    ['a cost in yen', 70, replace('6,160', '6,160円'), 70, /千円/, '6,160円'],
    ['staffing in people', 71, replace('0.5', '0.5人'), 71, /人工/, '0.5人'],
    ['a number too large to be finite', 70, replace('6,160', '9'.repeat(400)), 70, /number/, '9'.repeat(400)],
    ['a row missing a value', 69, replace('\t6回', ''), 69, /name and 4 values after 活動指標/, '活動指標\t募集に係るフェア等への参加回数\t0回\t6回\t6回'],
    ['an empty value cell', 70, replace('6,160', ''), 70, /row label or name and 4 values/, '事業費（千円）\t\t\t280\t14,759\t10,450'],
    ['an empty goal-state cell', 68, replace('採用希望者からの問合せが多数ある状態\t新型', '\t新型'), 68, /name and 4 values after 目標/, '目標\t本市の地域おこし協力隊の活動が注目されている状態\t\t新型コロナウイルス感染拡大の影響で対面での募集活動を行うことができませんでしたが、採用希望者11名からの応募がありました。\t採用希望者からの問合せが多数ある状態\t採用希望者からの問合せが多数ある状態'],
    ['an outcome row without a name', 43, replace('第7次上山市振興計画の市民浸透度\t', ''), 43, /name and 4 values/, '目標値\t16.0%\t18.4%\t17.0%\t18.0%'],
    ['an unknown row label', 69, replace('活動指標', '活動目標'), 69, /row label/, '活動目標'],
    ['an activity row in a measure table', 43, replace('目標値', '活動指標'), 43, /row label \(目標値\)/, '活動指標'],
    ['a continuation after 事業費', 71, () => '\t追加\t1\t2\t3\t4', 71, /row label/, '追加'],
    ['a name on the 事業費 row', 70, replace('事業費（千円）\t', '事業費（千円）\t内訳'), 70, /values after/, '内訳'],
    ['a header year that does not parse', 42, replace('令和3年度目標', 'R3年度目標'), 42, /column heading/, 'R3年度目標'],
    ['a header column that is not 目標/予算/実績', 42, replace('令和3年度目標', '令和3年度見込'), 42, /column heading/, '令和3年度見込'],
    ['a header column named like a prototype key', 42, replace('令和3年度目標', '令和3年度constructor'), 42, /column heading/, '令和3年度constructor'],
    ['a header year beyond 2100', 42, replace('令和5年度目標', '令和99年度目標'), 42, /fiscal year within 1989–2100/, '令和99年度目標'],
    ['a header naming one column twice', 42, replace('令和4年度目標', '令和3年度目標'), 42, /one column per year/, '令和3年度目標'],
    ['a header without year columns', 42, () => '区分', 42, /year columns after 区分/, '区分'],
    ['a table row before any header', 42, () => '', 43, /区分 header row before table rows/, '目標値\t第7次上山市振興計画の市民浸透度\t16.0%\t18.4%\t17.0%\t18.0%'],
    ['prose inside a table', 45, () => '表の注記', 45, /tab-separated row or 理由/, '表の注記'],
    ['a project line without 事業', 56, replace('事業\t地域おこし協力隊推進事業費\t', ''), 56, /事業⇥<project name>/, '所属\t市政戦略課\t予算科目\t01一般会計・02総務費・01総務管理費・06企画費'],
    ['a project line without 所属', 56, replace('所属', '部署'), 56, /所属/, '部署\t市政戦略課\t事業\t地域おこし協力隊推進事業費\t予算科目\t01一般会計・02総務費・01総務管理費・06企画費'],
    ['a budget account with three parts', 56, replace('・06企画費', ''), 56, /budget account/, '01一般会計・02総務費・01総務管理費'],
    ['a project measure that is not N-N-N', 57, replace('5-1-1', '5-1'), 57, /N-N-N/, '5-1 多様な担い手が参画するまちづくりの推進'],
    ['a project without measures', 57, replace('5-1-1 多様な担い手が参画するまちづくりの推進', ''), 57, /N-N-N/, '施策\t\t\t創生総合戦略\t2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進'],
    ['a project without its 施策 line', 57, () => '', 59, /施策⇥/, '事業概要'],
    ['a measure code not like N-N-N', 14, replace('5-1-1', '5-1'), 14, /N-N-N/, '5-1 多様な担い手が参画するまちづくりの推進'],
    ['a measure code of another policy', 14, replace('5-1-1', '5-2-1'), 14, /policy 5-1/, '5-2-1 多様な担い手が参画するまちづくりの推進'],
    ['a policy of another chapter', 10, replace('5-1', '4-1'), 10, /chapter 5/, '4-1 みんなが主役のまちづくりを推進します'],
    ['garbage in 振興計画', 10, () => 'xyz', 10, /policy like 5-1/, 'xyz'],
    ['a missing chapter', 9, () => '', 10, /chapter like 第5章/, '5-1 みんなが主役のまちづくりを推進します'],
    ['two departments', 6, () => '企画課', 6, /only the department/, '企画課'],
    ['garbage before the first sheet', 1, () => 'garbage', 1, /所属 or 令和N年度 実施計画兼予算要求書/, 'garbage'],
    ['a missing 目標 heading', 22, () => '', 32, /^目標$/, '実績'],
    ['headings out of order', 32, () => '目的', 32, /^実績$/, '目的'],
    ['text before the first goal', 24, () => '前書き', 24, /goal like "1 <title>"/, '前書き'],
    ['a project heading without an era', 54, replace('令和3年度 ', ''), 54, /era year like 令和3年度/, '実施計画兼予算要求書（検証）'],
    ['a project heading of another year', 54, replace('令和3年度', '令和4年度'), 54, /edition 令和3年度 \(2021\)/, '令和4年度 実施計画兼予算要求書（検証）'],
    ['a 実績 column of another year', 67, replace('令和3年度実績', '令和4年度実績'), 67, /edition 令和3年度/, '区分\t\t令和3年度予算\t令和4年度実績\t令和4年度目標\t令和5年度目標'],
    ['a project without its title line', 54, () => '', 56, /実施計画兼予算要求書 heading before this row/, '所属\t市政戦略課\t事業\t地域おこし協力隊推進事業費\t予算科目\t01一般会計・02総務費・01総務管理費・06企画費'],
    ['a sheet cut short', 77, () => '', 81, /目標の実現に向けた今後の取組/, '令和3年度 実施計画兼予算要求書（検証）'],
  ])('%s', (_name, line, edit, errorLine, expected, found) => {
    const error = parseError(editLine(SAMPLE, line, edit), 'r3.txt');
    expect(error.line).toBe(errorLine);
    expect(error.expected).toMatch(expected);
    expect(error.found).toBe(found);
    expect(error.file).toBe('r3.txt');
    expect(error.message).toBe(`r3.txt:${errorLine}: expected ${error.expected}, found ${JSON.stringify(found)}`);
  });

  it('reports the line of the original text after a BOM and CRLF', () => {
    const text = `\ufeff${editLine(SAMPLE, 44, replace('18 団体', 'x')).replace(/\n/g, '\r\n')}`;
    expect(parseError(text)).toMatchObject({ line: 44, found: 'x', file: undefined });
  });

  it('rejects a sheet cut off at the end of the report', () => {
    const text = SAMPLE.split('\n').slice(0, 48).join('\n');
    expect(parseError(text)).toMatchObject({ line: 48, expected: '目標の実現に向けた今後の取組', found: 'end of report' });
  });

  it.each([
    ['an empty text', ''],
    ['only blank lines', '\n \n\t\n\u3000\n'],
    ['a BOM alone', '\ufeff'],
  ])('rejects %s: no edition, line 1', (_name, text) => {
    expect(parseError(text)).toMatchObject({ line: 1, expected: expect.stringMatching(/edition/) });
  });

  it('rejects measure sheets whose tables have no 実績 column: no edition, line 1', () => {
    const text = editLine(SAMPLE.split('\n').slice(0, 53).join('\n'), 42, replace('令和3年度実績', '令和2年度目標'));
    expect(parseError(text)).toMatchObject({ line: 1, expected: expect.stringMatching(/edition/) });
  });

  it('rejects text that is not a report at all', () => {
    expect(parseError('これは報告書ではありません。\n\nただの文章です。')).toMatchObject({ line: 1 });
    expect(parseError('\n\n\t\t\nfoo\tbar\tbaz')).toMatchObject({ line: 4, found: 'foo\tbar\tbaz' });
  });
});
