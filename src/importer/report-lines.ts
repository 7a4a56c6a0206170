// The parser works on lines that remember their original number, so every error and every parsed element
// can point back at the source however much blank space or tab noise surrounds it.

import { splitLines, toHalfWidth } from './normalize';
import { ReportParseError } from './report-errors';

export interface ReportLine {
  /** 1-based, in the original text. */
  number: number;
  /** The line as published, without its line ending. */
  raw: string;
  /** Trimmed; for a line with a single non-empty cell, that cell, so stray tabs do not hide a heading. */
  text: string;
  /** The non-empty tab-separated cells, trimmed. Empty cells carry no meaning: tabs get shifted and doubled. */
  cells: string[];
  /** Nothing but whitespace. */
  blank: boolean;
  /** Two or more non-empty cells: a table row or a key/value line rather than prose. */
  row: boolean;
  /** `text` with full-width ASCII folded, for matching headings and labels. */
  key: string;
}

export function readLines(text: string): ReportLine[] {
  return splitLines(text).map((raw, index) => {
    const cells = raw
      .split('\t')
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '');
    const row = cells.length >= 2;
    const trimmed = row ? raw.trim() : (cells[0] ?? '');
    return {
      number: index + 1,
      raw,
      text: trimmed,
      cells,
      blank: cells.length === 0,
      row,
      key: toHalfWidth(trimmed).replace(/\s+/g, ' '),
    };
  });
}

/** Where the parse is: which file, and the warnings gathered so far. */
export class ParseContext {
  readonly warnings: string[] = [];

  constructor(readonly file: string | undefined) {}

  fail(line: number, expected: string, found: string): never {
    throw new ReportParseError(line, expected, found, this.file);
  }

  warn(line: number, message: string): void {
    this.warnings.push(`${this.file ?? '<report>'}:${line}: ${message}`);
  }
}
