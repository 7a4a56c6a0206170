import { parseChapter, parseMeasureRef, parsePolicy, splitMeasureRefs, splitStrategies } from './plan-refs';
import { parseBudgetAccount } from './project-sheet';

describe('plan codes', () => {
  it.each([
    ['5-1-1 多様な担い手が参画するまちづくりの推進', '5-1-1', '多様な担い手が参画するまちづくりの推進'],
    ['５－１－１　多様な担い手', '5-1-1', '多様な担い手'],
    ['5‐1‐1 title', '5-1-1', 'title'],
    ['5 − 1 − 1 title', '5-1-1', 'title'],
    ['12-3-10 title', '12-3-10', 'title'],
    ['5-1-1多様', '5-1-1', '多様'],
  ])('measure %j → %s %s', (text, code, title) => {
    expect(parseMeasureRef(text)).toEqual({ code, title });
  });

  it.each([['5-1 policy'], ['5-1-1'], ['5-1-1-1 four parts'], ['A-1-1 title'], ['多様な担い手']])('measure %j → null', (text) => {
    expect(parseMeasureRef(text)).toBeNull();
  });

  it.each([
    ['5-1 みんなが主役のまちづくりを推進します', { code: '5-1', title: 'みんなが主役のまちづくりを推進します' }],
    ['５－２ 地域', { code: '5-2', title: '地域' }],
    ['5-1-1 a measure', null],
    ['第5章 chapter', null],
  ])('policy %j', (text, expected) => {
    expect(parsePolicy(text)).toEqual(expected);
  });

  it.each([
    ['第5章 つながる『みんなで創る住みよいまち』', { number: 5, title: 'つながる『みんなで創る住みよいまち』' }],
    ['第５章　タイトル', { number: 5, title: 'タイトル' }],
    ['第十二章 タイトル', { number: 12, title: 'タイトル' }],
    ['第5章', null],
    ['5-1 policy', null],
  ])('chapter %j', (text, expected) => {
    expect(parseChapter(text)).toEqual(expected);
  });

  it.each([
    ['5-2-1 地域自治活動の育成 6-2-1 効率的な行政運営の推進', ['5-2-1 地域自治活動の育成', '6-2-1 効率的な行政運営の推進']],
    ['3-5-2 体験型観光の推進', ['3-5-2 体験型観光の推進']],
    ['５－２－１　地域　６－２－１　効率', ['５－２－１　地域', '６－２－１　効率']],
  ])('splits measure refs in %j', (text, pieces) => {
    expect(splitMeasureRefs(text)).toEqual(pieces);
  });
});

describe('splitStrategies', () => {
  it.each([
    ['該当なし', []],
    [' 該当 なし ', []],
    ['2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進', ['2 かみのやま「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり 都市部からの移住・交流の推進']],
    [
      '2 かみのやま「来てよし」プロジェクト 都市部からの移住・交流の推進 5 連携施策等 広域的な行政体制づくり 広域行政体制の積極的推進',
      ['2 かみのやま「来てよし」プロジェクト 都市部からの移住・交流の推進', '5 連携施策等 広域的な行政体制づくり 広域行政体制の積極的推進'],
    ],
    ['１ 第一　２ 第二', ['１ 第一', '２ 第二']],
    // A number is an entry's start only when a space follows it.
    ['2 令和3年度から 5年間', ['2 令和3年度から 5年間']],
  ])('%j', (text, entries) => {
    expect(splitStrategies(text)).toEqual(entries);
  });
});

describe('parseBudgetAccount', () => {
  it.each([
    ['01一般会計・02総務費・01総務管理費・06企画費', { code: '01-02-01-06', fund: '一般会計', division: '総務費', section: '総務管理費', item: '企画費' }],
    ['01一般会計・10教育費・05社会教育費・03青少年女性費', { code: '01-10-05-03', fund: '一般会計', division: '教育費', section: '社会教育費', item: '青少年女性費' }],
    ['０１ 一般会計･０２ 総務費・01総務管理費 ・ 06企画費', { code: '01-02-01-06', fund: '一般会計', division: '総務費', section: '総務管理費', item: '企画費' }],
  ])('%j', (text, account) => {
    expect(parseBudgetAccount(text)).toEqual(account);
  });

  it.each([['01一般会計・02総務費・01総務管理費'], ['一般会計・02総務費・01総務管理費・06企画費'], ['01・02・01・06'], ['']])('%j → null', (text) => {
    expect(parseBudgetAccount(text)).toBeNull();
  });
});
