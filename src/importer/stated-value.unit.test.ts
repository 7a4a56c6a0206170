import { inLedgerUnit, readFigure, readStatedValue } from './stated-value';

describe('readStatedValue: the one reading of a value cell', () => {
  it.each([
    ['１，２３４', 'OUTCOME', null, 1234, 'number'],
    ['△1,200', 'ACTIVITY', null, -1200, 'number'],
    ['▲５', 'ACTIVITY', null, -5, 'number'],
    ['18.4%', 'OUTCOME', null, 18.4, 'number'],
    ['17 団体', 'OUTCOME', null, 17, 'number'],
    ['5,923,000円', 'COST', null, 5923, 'number'],
    ['1,250', 'COST', '万円', 12500, 'number'],
    ['△30', 'COST', '万円', -300, 'number'],
    ['6,160', 'COST', null, 6160, 'number'],
    ['―', 'COST', '万円', null, 'not-applicable'],
    ['－', 'OUTCOME', null, null, 'not-applicable'],
    ['', 'OUTCOME', null, null, 'empty'],
    ['集計中', 'OUTCOME', null, null, 'words'],
    ['採用希望者が増えた状態', 'GOAL_STATE', null, null, 'words'],
    ['12', 'GOAL_STATE', null, null, 'words'],
  ] as const)('%j (%s, column unit %s) → %p, %s', (text, kind, unit, value, form) => {
    expect(readStatedValue(text, kind, unit)).toMatchObject({ value, form, text: text.trim() });
  });

  it('reads 見込 before or after the figure as an estimate, the dash too', () => {
    expect(readStatedValue('1,234(見込)', 'OUTCOME', null)).toMatchObject({ value: 1234, estimate: true, text: '1,234(見込)' });
    expect(readStatedValue('―（見込み）', 'OUTCOME', null)).toMatchObject({ value: null, estimate: true, form: 'not-applicable' });
  });

  it.each([['1,23,4'], ['1e309'], ['10^20'], ['100000000000000000000'], ['△1.2.3'], ['１２ab３']])(
    'refuses %j: it starts like a number, so taking it for words would drop a figure',
    (text) => {
      expect(readFigure(text, 'OUTCOME')).toEqual({ problem: expect.stringMatching(/^a number as printed/) });
    },
  );

  it('refuses money in a unit that is not money, and leaves other kinds in their printed unit', () => {
    expect(readStatedValue('12人', 'COST', null)).toEqual({ problem: 'an amount in 円, 千円 or 万円, not in 人' });
    const figure = readFigure('1,250万円', 'OUTCOME');
    expect('problem' in figure ? figure : inLedgerUnit(figure, 'OUTCOME', null)).toEqual({ value: 1250 });
  });
});
