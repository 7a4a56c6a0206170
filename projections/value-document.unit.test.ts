import { stateValue, statedDifferently, type StatedValue, type ValueEntry } from './value-document';

const stated = (fiscalYear: number, kind: StatedValue['kind'], value: number | null, text: string | null, effectiveEdition: number): StatedValue => ({
  fiscalYear,
  kind,
  value,
  text,
  effectiveEdition,
});

describe('statedDifferently', () => {
  it('compares numbers when either statement has one, texts otherwise', () => {
    expect(statedDifferently({ value: 13, text: '13 団体' }, { value: 13, text: '13団体' })).toBe(false);
    expect(statedDifferently({ value: 13, text: null }, { value: 14, text: null })).toBe(true);
    expect(statedDifferently({ value: 13, text: null }, { value: null, text: '—' })).toBe(true);
    expect(statedDifferently({ value: null, text: '—' }, { value: null, text: '—' })).toBe(false);
    expect(statedDifferently({ value: null, text: null }, { value: null, text: '' })).toBe(false);
    expect(statedDifferently({ value: null, text: '調査中' }, { value: null, text: '—' })).toBe(true);
  });
});

describe('stateValue', () => {
  it('keeps the entries in fiscal year and kind order', () => {
    const entries: ValueEntry[] = [];
    stateValue(entries, stated(2023, 'TARGET', 30, null, 2021));
    stateValue(entries, stated(2021, 'TARGET', 10, null, 2021));
    stateValue(entries, stated(2021, 'ACTUAL', 9, null, 2021));
    stateValue(entries, stated(2022, 'TARGET', 20, null, 2021));
    expect(entries.map(([year, kind]) => `${year} ${kind}`)).toEqual(['2021 ACTUAL', '2021 TARGET', '2022 TARGET', '2023 TARGET']);
  });

  it('lets the highest edition win, the later statement on a tie, and marks a target stated two ways as revised', () => {
    const entries: ValueEntry[] = [];
    stateValue(entries, stated(2023, 'TARGET', 30, null, 2022));
    stateValue(entries, stated(2023, 'TARGET', 30, null, 2021));
    expect(entries).toEqual([[2023, 'TARGET', 30, null, 2022, 0]]);
    // An older edition imported later does not win, but it did say something else.
    stateValue(entries, stated(2023, 'TARGET', 28, null, 2021));
    expect(entries).toEqual([[2023, 'TARGET', 30, null, 2022, 1]]);
    stateValue(entries, stated(2023, 'TARGET', 32, '32 件', 2022));
    expect(entries).toEqual([[2023, 'TARGET', 32, '32 件', 2022, 1]]);
  });

  it('never marks an actual as a revised target', () => {
    const entries: ValueEntry[] = [];
    stateValue(entries, stated(2021, 'ACTUAL', 9, null, 2021));
    stateValue(entries, stated(2021, 'ACTUAL', 11, null, 2022));
    expect(entries).toEqual([[2021, 'ACTUAL', 11, null, 2022, 0]]);
  });
});
