import { readYear } from './year-notation';

describe('readYear in a declared notation', () => {
  it.each([
    ['令和3年度', 'any', 2021],
    ['R3', 'any', 2021],
    ['平成25年度 (2013年度)', 'any', 2013],
    ['3', 'reiwa', 2021],
    ['３年度', 'reiwa', 2021],
    ['元年度', 'reiwa', 2019],
    ['30', 'heisei', 2018],
    ['令和3年度', 'heisei', 2021],
    ['2021年度', 'gregorian', 2021],
  ] as const)('%s (%s) → %i', (text, notation, year) => {
    expect(readYear(text, notation)).toEqual({ year });
  });

  it.each([
    ['3', 'any'],
    ['0', 'reiwa'],
    ['99', 'reiwa'],
    ['R3', 'gregorian'],
    ['令和3年度', 'gregorian'],
  ] as const)('refuses %s under %s', (text, notation) => {
    expect(readYear(text, notation)).toEqual({ problem: expect.any(String) });
  });
});
