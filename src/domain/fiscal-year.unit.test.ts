import { fiscalYearLabel } from './fiscal-year';

const LABELS: [number, string][] = [
  [2021, '令和3年度'],
  [2019, '令和元年度'],
  [2020, '令和2年度'],
  [2018, '平成30年度'],
  [1989, '平成元年度'],
  [1990, '平成2年度'],
  [2100, '令和82年度'],
];

describe('fiscalYearLabel', () => {
  it.each(LABELS)('%i → %s', (year, label) => {
    expect(fiscalYearLabel(year)).toBe(label);
  });

  it.each([[1988], [2101], [2021.5], [Number.NaN]])('rejects %p', (year) => {
    expect(() => fiscalYearLabel(year)).toThrow(RangeError);
  });
});
