import { cellText, formatNumber } from './cell-text';

describe('formatNumber: the digits a cell shows', () => {
  it.each([
    [0.159, '0.0%', '15.9%'],
    [1.059, '0.0%', '105.9%'],
    [0.5, '0%', '50%'],
    [1234, '#,##0', '1,234'],
    [-1234567.5, '#,##0.0', '-1,234,567.5'],
    [1234, undefined, '1234'],
    [1e21, undefined, '1e+21'],
    [1e20, 'General', '100000000000000000000'],
    [0.1, 'General', '0.1'],
    [17, '0"団体"', '17'],
  ])('%d formatted %j → %s', (value, numFmt, text) => {
    expect(formatNumber(value, numFmt)).toBe(text);
  });
});

describe('cellText', () => {
  it('reads strings, rich text, hyperlinks, booleans, dates and saved formula results as shown', () => {
    expect(cellText('令和3年度', undefined)).toEqual({ text: '令和3年度' });
    expect(cellText({ richText: [{ text: '17' }, { text: '\n18' }] }, undefined)).toEqual({ text: '17\n18' });
    expect(cellText({ text: 'p.12', hyperlink: 'https://example.org' }, undefined)).toEqual({ text: 'p.12' });
    expect(cellText(true, undefined)).toEqual({ text: 'TRUE' });
    expect(cellText(new Date(Date.UTC(2021, 3, 1)), 'yyyy/m/d')).toEqual({ text: '2021-04-01' });
    expect(cellText({ formula: 'A1/B1', result: 1.059 }, '0.0%')).toEqual({ text: '105.9%' });
    expect(cellText(null, undefined)).toEqual({ text: '' });
  });

  it('says why a cell has nothing to show: a formula alone, an error, an invalid date', () => {
    expect(cellText({ formula: 'A1*2' }, undefined)).toEqual({ unreadable: 'a value saved with the workbook, not a formula alone', text: '=A1*2' });
    expect(cellText({ error: '#DIV/0!' }, undefined)).toMatchObject({ unreadable: 'a value, not the error #DIV/0!' });
    expect(cellText(new Date(Number.NaN), undefined)).toMatchObject({ unreadable: 'a valid date' });
  });
});
