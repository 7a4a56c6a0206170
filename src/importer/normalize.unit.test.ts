import { isNotApplicable, normalizeName, parseCell, splitLines, stripBom, toHalfWidth } from './normalize';

describe('parseCell', () => {
  it.each([
    ['17 団体', 17, '団体'],
    ['17団体', 17, '団体'],
    ['16.0%', 16, '%'],
    ['18.4%', 18.4, '%'],
    ['29 %', 29, '%'],
    ['6回', 6, '回'],
    ['5 ツアー', 5, 'ツアー'],
    ['6,160', 6160, null],
    ['1,000', 1000, null],
    ['1,234,567', 1234567, null],
    ['0.5', 0.5, null],
    ['0', 0, null],
    ['１７　団体', 17, '団体'],
    ['１６．０％', 16, '%'],
    ['６，１６０', 6160, null],
    ['１，０００千円', 1000, '千円'],
    ['△5', -5, null],
    ['▲1,200', -1200, null],
    ['△ 3 件', -3, '件'],
    ['-2', -2, null],
    ['－2', -2, null],
    ['−2.5%', -2.5, '%'],
    ['△0', 0, null],
    ['  8 人  ', 8, '人'],
    ['2.5人工', 2.5, '人工'],
    ['100㎡', 100, '㎡'],
  ])('%j → %p %p', (text, value, unit) => {
    expect(parseCell(text)).toEqual({ value, unit, text: text.trim() });
  });

  it.each([['—'], ['－'], ['―'], ['−'], ['‐'], ['-'], ['ー'], ['–'], ['ｰ'], ['--'], ['— —'], [' — ']])(
    'reads the dash %j as not applicable, keeping the text',
    (text) => {
      expect(parseCell(text)).toEqual({ value: null, unit: null, text: text.trim() });
      expect(isNotApplicable(text)).toBe(true);
    },
  );

  it.each([
    ['abc'],
    [''],
    ['約5人'],
    ['5～10人'],
    ['1,00'],
    ['12,34'],
    ['5 人 程度'],
    ['採用希望者からの問合せが多数ある状態'],
    ['8人（学生7人）'],
    ['9'.repeat(400)],
  ])('does not read %j as a number', (text) => {
    expect(parseCell(text).value).toBeNull();
    expect(parseCell(text).text).toBe(text.trim());
  });

  it.each([['ツアー'], ['ーー人'], ['abc'], ['1']])('does not treat %j as a dash', (text) => {
    expect(isNotApplicable(text)).toBe(false);
  });
});

describe('text normalisation', () => {
  it('folds full-width ASCII character for character and leaves Japanese alone', () => {
    const text = 'ＮＰＯ法人数（１７）　％、全角カナ「ア」';
    expect(toHalfWidth(text)).toBe('NPO法人数(17) %、全角カナ「ア」');
    expect(toHalfWidth(text)).toHaveLength(text.length);
  });

  it('folds only digits, letters and spaces in names', () => {
    expect(normalizeName(' ＮＰＯ法人数（第２次）　計画 ')).toBe('NPO法人数（第2次） 計画');
  });

  it('removes a BOM and splits CRLF, CR and LF alike', () => {
    expect(stripBom('\ufeff所属')).toBe('所属');
    expect(stripBom('所属')).toBe('所属');
    expect(splitLines('\ufeffa\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\r\n\r\nb')).toEqual(['a', '', 'b']);
  });
});
