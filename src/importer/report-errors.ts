// A report that cannot be read must say where and why, in terms the person who typed it can act on: the
// line in their file, what the parser was looking for, and what it saw instead.

export class ReportParseError extends Error {
  readonly line: number;
  readonly expected: string;
  readonly found: string;
  readonly file: string | undefined;
  /** The column of a table file (a statements file's `target`, say) the error is in. */
  readonly column: string | undefined;

  constructor(line: number, expected: string, found: string, file?: string, column?: string) {
    super(`${file ?? '<report>'}:${line}: ${column ? `${column}: ` : ''}expected ${expected}, found ${JSON.stringify(found)}`);
    this.name = 'ReportParseError';
    this.line = line;
    this.expected = expected;
    this.found = found;
    this.file = file;
    this.column = column;
  }
}
