import { findEraYear, parseEraYear } from './japanese-era';

describe('parseEraYear', () => {
  it.each([
    ['令和3年度', 2021],
    ['令和元年度', 2019],
    ['令和1年度', 2019],
    ['平成31年度', 2019],
    ['平成30年度', 2018],
    ['平成元年', 1989],
    ['平成元年度', 1989],
    ['平成32年度', 2020],
    ['令和３年度', 2021],
    ['令和１２年度', 2030],
    ['令和 3 年度', 2021],
    ['令和三年度', 2021],
    ['平成二十八年度', 2016],
    ['令和3年度目標', 2021],
    ['令和3年度実績', 2021],
    ['※令和3年度目標と令和4年度実績', 2021],
  ])('%s → %i', (text, year) => {
    expect(parseEraYear(text)).toBe(year);
  });

  it.each([[''], ['2021年度'], ['令和年度'], ['令和0年度'], ['昭和60年度'], ['令和三十十年度']])('%j → null', (text) => {
    expect(parseEraYear(text)).toBeNull();
  });

  it('keeps the label as written but with ASCII digits', () => {
    expect(findEraYear('令和元年度実績')).toMatchObject({ year: 2019, label: '令和元年度', index: 0, length: 5 });
    expect(findEraYear('令和３年度予算')).toMatchObject({ year: 2021, label: '令和3年度', era: '令和', eraYear: 3 });
    expect(findEraYear('平成元年')).toMatchObject({ label: '平成元年' });
  });
});

describe('the labels the domain writes', () => {
  it.each([
    [2021, '令和3年度'],
    [2019, '令和元年度'],
    [2020, '令和2年度'],
    [2018, '平成30年度'],
    [1989, '平成元年度'],
    [1990, '平成2年度'],
    [2100, '令和82年度'],
  ])('%i → %s reads back', (year, label) => {
    expect(parseEraYear(label)).toBe(year);
  });
});
