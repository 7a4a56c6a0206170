import { formatDelta, formatInstant, formatNumber, formatRate } from './numbers';

describe('numbers on the page', () => {
  it('separates thousands and shows nothing stated as —', () => {
    expect(formatNumber(66679)).toBe('66,679');
    expect(formatNumber(18.4)).toBe('18.4');
    expect(formatNumber(null)).toBe('—');
  });

  it('signs every change, with a real minus sign', () => {
    expect(formatDelta(1376)).toBe('+1,376');
    expect(formatDelta(-0.5)).toBe('−0.5');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(null)).toBe('—');
  });

  it('shows rates as percentages', () => {
    expect(formatRate(1.15)).toBe('115%');
    expect(formatRate(0.04545)).toBe('4.5%');
  });

  it('shows instants in Japan time', () => {
    expect(formatInstant('2026-12-02T07:05:00Z')).toBe('2026-12-02 16:05');
  });
});
