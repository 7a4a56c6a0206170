import { sameJson, winningStatement } from './statement-log';

describe('winningStatement (the precedence rule)', () => {
  const statements = [
    { effectiveEdition: 2022, revision: 0, value: 'b' },
    { effectiveEdition: 2021, revision: 1, value: 'a' },
    { effectiveEdition: 2022, revision: 2, value: 'c' },
    { effectiveEdition: 2023, revision: 3, value: 'd' },
  ];

  it.each([
    [undefined, 'd'],
    [2023, 'd'],
    [2022, 'c'],
    [2021, 'a'],
    [2020, undefined],
  ])('as of edition %s the answer is %s', (edition, expected) => {
    expect(winningStatement(statements, edition)?.value).toBe(expected);
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [null, null, true],
    ['1', 1, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });
});
