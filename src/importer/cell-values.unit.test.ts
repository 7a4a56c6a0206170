import { costInThousandYen, readCell } from './cell-values';
import { parseCell } from './normalize';

describe('readCell', () => {
  it.each([
    ['1,234(見込)', 1234],
    ['1,234（見込み）', 1234],
    ['見込 18.4%', 18.4],
    ['【見込】△120', -120],
  ])('%s is an estimate of %d, its text kept as printed', (text, value) => {
    expect(readCell(text)).toMatchObject({ value, estimate: true, text });
  });

  it('reads an unmarked cell as parseCell does', () => {
    expect(readCell('17 団体')).toEqual({ ...parseCell('17 団体'), estimate: false });
    expect(readCell('—')).toEqual({ value: null, unit: null, text: '—', estimate: false });
  });
});

describe('costInThousandYen', () => {
  it.each([
    ['5,923,000円', null, 5923],
    ['5,923,456円', null, 5923.456],
    ['1,250万円', null, 12500],
    ['6,160千円', null, 6160],
    ['6160', null, 6160],
    ['6160', '円', 6.16],
    ['1,250', '万円', 12500],
    ['△1,250万円', null, -12500],
  ])('%s (column unit %s) → %d 千円', (text, unit, value) => {
    expect(costInThousandYen(parseCell(text), unit)).toEqual({ value });
  });

  it('keeps "not applicable" as no value, and refuses a unit that is not money', () => {
    expect(costInThousandYen(parseCell('―'), null)).toEqual({ value: null });
    expect(costInThousandYen(parseCell('12人'), null)).toEqual({ problem: 'an amount in 円, 千円 or 万円, not in 人' });
    expect(costInThousandYen(parseCell('12'), 'constructor')).toEqual({ problem: 'an amount in 円, 千円 or 万円, not in constructor' });
  });
});
