import { readFiscalYear } from './fiscal-year-notation';

describe('readFiscalYear', () => {
  it.each([
    ['2022', 2022],
    ['2022年度', 2022],
    ['西暦2022年度', 2022],
    ['２０２２年度', 2022],
    ['令和4年度', 2022],
    ['令和４年度', 2022],
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['平成元年', 1989],
    ['R4', 2022],
    ['Ｒ４', 2022],
    ['r4年度', 2022],
    ['R元', 2019],
    ['H30', 2018],
    ['H.30', 2018],
    ['平成25年度 (2013年度)', 2013],
    ['2013年度（平成25年度）', 2013],
    ['  令和3年度  ', 2021],
  ])('%s → %i', (text, year) => {
    expect(readFiscalYear(text)).toEqual({ year });
  });

  it.each([
    ['', /a fiscal year/],
    ['令和', /a fiscal year/],
    ['FY2022', /a fiscal year/],
    ['令和4年度目標', /a fiscal year/],
    ['R0', /a fiscal year/],
    ['平成25年度 (2014年度)', /the two notations name 2013 and 2014/],
    ['1900', /from 1989 to 2100, not 1900/],
    ['R99', /from 1989 to 2100, not 2117/],
  ])('%j is refused: expected %s', (text, problem) => {
    const reading = readFiscalYear(text);
    expect('problem' in reading && reading.problem).toMatch(problem);
  });
});
