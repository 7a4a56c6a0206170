import { fiscalYearLabel as serverLabel } from '../../../src/domain/fiscal-year';
import { fiscalYearAxisLabel, fiscalYearLabel, warekiFiscalYear } from './fiscal-year';

describe('和暦 labels on the page', () => {
  it('puts the Gregorian year beside the era year', () => {
    expect(fiscalYearLabel(2021)).toBe('令和3年度 (2021)');
    expect(fiscalYearAxisLabel(2022)).toBe('令和4年度\n(2022)');
  });

  it('calls 2019 令和元年度 and 2018 平成30年度', () => {
    expect(warekiFiscalYear(2019)).toBe('令和元年度');
    expect(warekiFiscalYear(2018)).toBe('平成30年度');
    expect(warekiFiscalYear(1989)).toBe('平成元年度');
  });

  it('agrees with the server for every fiscal year the ledger accepts', () => {
    for (let year = 1989; year <= 2100; year += 1) expect(warekiFiscalYear(year)).toBe(serverLabel(year));
  });
});
