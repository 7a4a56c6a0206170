// A report that cannot be read must say where and why, in terms the person who typed it can act on: the
// line in their file (or the sheet and cell of their workbook), what the parser was looking for, and
// what it saw instead.

/** A place in a workbook: a sheet, and the cell (A1) when the error is about one. */
export interface SheetPlace {
  sheet: string;
  cell?: string;
}

/** `Sheet1`, or `'My Sheet'` quoted as Excel quotes a sheet name that is not a plain word. */
export function sheetRef(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `file:12`, `file.xlsx:Sheet1!C7`, `file.xlsx:Sheet1` or `file.xlsx`: how errors and warnings say where. */
export function formatPlace(file: string | undefined, line: number | SheetPlace | null): string {
  const where = line === null ? '' : typeof line === 'number' ? `:${line}` : `:${sheetRef(line.sheet)}${line.cell ? `!${line.cell}` : ''}`;
  return `${file ?? '<report>'}${where}`;
}

function rowOf(cell: string | undefined): number {
  const digits = cell ? /\d+$/.exec(cell) : null;
  return digits ? Number(digits[0]) : 0;
}

export class ReportParseError extends Error {
  /**
   * 1-based: the line of a text file, or the row of a sheet's cell; 0 when the error is about a sheet
   * or a file as a whole.
   */
  readonly line: number;
  readonly expected: string;
  readonly found: string;
  readonly file: string | undefined;
  /** The column of a table file (a statements file's `target`, say), or the layout field, the error is in. */
  readonly column: string | undefined;
  /** For a workbook: the sheet, and the cell (A1) when there is one. */
  readonly sheet: string | undefined;
  readonly cell: string | undefined;

  /**
   * `line` is a text line (file:12:), a place in a workbook (file.xlsx:Sheet1!C7:), or null for the file
   * as a whole (file.xlsx:).
   */
  constructor(line: number | SheetPlace | null, expected: string, found: string, file?: string, column?: string) {
    super(`${formatPlace(file, line)}: ${column ? `${column}: ` : ''}expected ${expected}, found ${JSON.stringify(found)}`);
    this.name = 'ReportParseError';
    this.line = line === null ? 0 : typeof line === 'number' ? line : rowOf(line.cell);
    this.expected = expected;
    this.found = found;
    this.file = file;
    this.column = column;
    this.sheet = line !== null && typeof line === 'object' ? line.sheet : undefined;
    this.cell = line !== null && typeof line === 'object' ? line.cell : undefined;
  }
}
