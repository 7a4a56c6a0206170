import { cellAddress, columnLetters, columnNumber, parseAddress } from './cell-address';

describe('A1 references', () => {
  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [703, 'AAA'], [16384, 'XFD']])('column %i is %s, and back', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it('reads and writes cell references, refusing what no workbook has', () => {
    expect(cellAddress(7, 3)).toBe('C7');
    expect(parseAddress('C7')).toEqual({ row: 7, column: 3 });
    expect(parseAddress(' b12 ')).toEqual({ row: 12, column: 2 });
    expect([parseAddress('C0'), parseAddress('XFE1'), parseAddress('7C'), parseAddress('C1048577'), parseAddress('')]).toEqual([null, null, null, null, null]);
    expect(columnNumber('A1')).toBeNull();
  });
});
