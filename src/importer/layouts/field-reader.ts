// One field of one row, as a layout says to read it: a fixed word, a cell of the sheet, or the row's
// cell in a column; then its pattern (keep the first group) or its measure-code mapping (05030301 →
// 5-3-1). The result is a SourceCell for the statement row reader, so the text is checked there, by the
// same rules as a statements file's.
import { normalizeName, toHalfWidth } from '../normalize';
import { ReportParseError } from '../report-errors';
import type { SourceCell } from '../statements/statement-row';
import { columnNumber, parseAddress } from '../xlsx/cell-address';
import { addressIn, placeIn, readText, type SheetGrid } from '../xlsx/sheet-grid';
import type { FieldName, FieldSource } from './layout-schema';

/** Patterns from a layout run on cell text: a cell longer than this is no code or heading to match. */
const MAX_MATCHED_LENGTH = 1_000;

export type ReadField = (field: FieldName, row: number) => SourceCell | undefined;

/** 05030301 by ^(\d{2})(\d{2})\d{2}(\d{2})$ → 5-3-1: each group a number, joined as a measure code is. */
function mappedCode(text: string, code: string): string | null {
  const match = new RegExp(code, 'u').exec(toHalfWidth(text).trim());
  const groups = match?.slice(1).filter((group): group is string => group !== undefined) ?? [];
  if (groups.length === 0 || groups.some((group) => !/^\d+$/.test(group))) return null;
  return groups.map((group) => String(Number(group))).join('-');
}

export function fieldReader(grid: SheetGrid, fields: Readonly<Partial<Record<FieldName, FieldSource>>>, file: string | undefined): ReadField {
  const lastFilled = new Map<FieldName, SourceCell>();

  const shaped = (field: FieldName, source: FieldSource, cell: SourceCell, row: number, column: number): SourceCell => {
    const text = cell.text.trim();
    if (text === '' || (source.pattern === undefined && source.code === undefined)) return cell;
    const fail = (expected: string): never => {
      throw new ReportParseError(placeIn(grid, row, column), expected, text.slice(0, 200), file, field);
    };
    if (text.length > MAX_MATCHED_LENGTH) fail(`at most ${MAX_MATCHED_LENGTH} characters`);
    let shapedText = text;
    if (source.pattern !== undefined) {
      const match = new RegExp(source.pattern, 'u').exec(normalizeName(text));
      shapedText = match ? (match[1] ?? match[0]) : fail(`text matching /${source.pattern}/`);
    }
    if (source.code !== undefined) {
      const code = source.code;
      // A project's measures cell may list several codes.
      const pieces = field === 'measures' ? shapedText.split(/[;；、,，\s]+/).filter(Boolean) : [shapedText];
      shapedText = pieces.map((piece) => mappedCode(piece, code) ?? fail(`a code matching /${code}/, each group a number`)).join('; ');
    }
    return { ...cell, text: shapedText };
  };

  const fromSheet = (field: FieldName, source: FieldSource, row: number, column: number): SourceCell => {
    const text = readText(grid, row, column, file, field);
    return shaped(field, source, { text, cell: addressIn(grid, row, column) }, row, column);
  };

  return (field, row) => {
    const source = fields[field];
    if (!source) return undefined;
    if (source.fixed !== undefined) return { text: String(source.fixed), cell: null };
    const at = source.cell === undefined ? null : parseAddress(source.cell);
    if (at) return fromSheet(field, source, at.row, at.column);
    const column = source.column === undefined ? null : columnNumber(source.column);
    if (column === null) return undefined;
    const read = fromSheet(field, source, row, column);
    if (!source.fill_down) return read;
    if (read.text.trim() !== '') lastFilled.set(field, read);
    return read.text.trim() === '' ? (lastFilled.get(field) ?? read) : read;
  };
}
