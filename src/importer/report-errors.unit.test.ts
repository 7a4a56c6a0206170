import { ReportParseError } from './report-errors';

describe('ReportParseError', () => {
  it('names the file, line, expectation and finding', () => {
    const error = new ReportParseError(44, 'a number', 'abc', 'r3.txt');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ReportParseError', line: 44, expected: 'a number', found: 'abc', file: 'r3.txt' });
    expect(error.message).toBe('r3.txt:44: expected a number, found "abc"');
  });

  it('falls back to <report> and quotes what it found', () => {
    expect(new ReportParseError(1, 'an edition', 'a\tb').message).toBe('<report>:1: expected an edition, found "a\\tb"');
  });
});

describe('ReportParseError in a workbook', () => {
  it('names the sheet and cell instead of a line, and keeps the row as the line', () => {
    const error = new ReportParseError({ sheet: 'Sheet1', cell: 'C7' }, 'a number', 'abc', 'plan.xlsx', 'target');
    expect(error.message).toBe('plan.xlsx:Sheet1!C7: target: expected a number, found "abc"');
    expect(error).toMatchObject({ line: 7, sheet: 'Sheet1', cell: 'C7', column: 'target' });
  });

  it("quotes a sheet name as Excel does when it is not a plain word, and names a sheet or the file as a whole", () => {
    expect(new ReportParseError({ sheet: "Bob's plan 1", cell: 'A1' }, 'x', 'y', 'p.xlsx').message).toBe(`p.xlsx:'Bob''s plan 1'!A1: expected x, found "y"`);
    expect(new ReportParseError({ sheet: '施策評価' }, 'a header row', '', 'p.xlsx')).toMatchObject({ message: 'p.xlsx:施策評価: expected a header row, found ""', line: 0 });
    expect(new ReportParseError(null, 'an .xlsx workbook', 'PK?', 'p.xlsx').message).toBe('p.xlsx: expected an .xlsx workbook, found "PK?"');
  });
});
