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
