import { toCsv } from './csv';

describe('CSV for spreadsheets', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs it', () => {
    expect(toCsv([['指標', '理由'], ['NPO法人数', '新規設立, "2団体"'], [2023, null]])).toBe(
      '\uFEFF指標,理由\r\nNPO法人数,"新規設立, ""2団体"""\r\n2023,\r\n',
    );
  });

  it('quotes a field with a line break', () => {
    expect(toCsv([['一行目\n二行目']])).toBe('\uFEFF"一行目\n二行目"\r\n');
  });
});
