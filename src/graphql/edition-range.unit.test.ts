import type { EditionRow } from '../../projections/queries/edition-queries';
import { checkEdition, currentFiscalYear } from './edition-range';

const held = (...years: number[]) => years.map((fiscalYear) => ({ fiscalYear }) as EditionRow);

describe('currentFiscalYear', () => {
  it('turns on 1 April, Japan time', () => {
    expect(currentFiscalYear(new Date('2026-03-31T14:59:59Z'))).toBe(2025);
    expect(currentFiscalYear(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(currentFiscalYear(new Date('2026-12-31T23:00:00Z'))).toBe(2026);
  });
});

describe('checkEdition', () => {
  const now = new Date('2026-12-02T00:00:00Z');
  it('takes the editions held, the years between and after them up to the current fiscal year', () => {
    for (const edition of [2021, 2022, 2026]) expect(() => checkEdition(held(2021), edition, 'edition', now)).not.toThrow();
  });
  it('refuses a year before the first edition or in the future, naming the field', () => {
    expect(() => checkEdition(held(2021, 2023), 1999, 'fromEdition', now)).toThrow(
      'fromEdition must be a fiscal year from 2021 (the first edition held) to 2026 (the current fiscal year), got 1999',
    );
    expect(() => checkEdition(held(2021), 2027, 'edition', now)).toThrow(/got 2027/);
    expect(() => checkEdition([], 2021, 'edition', now)).toThrow('edition 2021 names no edition: none has been imported yet');
  });
});
