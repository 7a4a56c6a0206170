// What a consistency check reports: which check, where (the file, and the sheet and cell or the line of
// the figure that does not agree), and a sentence a person can check against the printed sheet.
import { formatPlace } from '../../report-errors';
import type { StatementRow } from '../../statements/statement-row';

export interface FailurePlace {
  file: string | null;
  sheet: string | null;
  line: number | null;
  cell: string | null;
}

export interface ConsistencyFailure {
  check: 'achievement_rate' | 'total';
  place: FailurePlace;
  /** `file.xlsx:Sheet1!H7: printed 達成率 105.9% …`, ready to print. */
  message: string;
}

/** The place of a row's figure: its own cell when it has one, else the row's. */
export function placeOfFigure(row: StatementRow, cell: string | null): FailurePlace {
  return { file: row.source.file, sheet: row.source.sheet, line: row.source.line, cell: cell ?? row.source.cell };
}

export function failure(check: ConsistencyFailure['check'], place: FailurePlace, sentence: string): ConsistencyFailure {
  const where = place.sheet === null ? (place.line ?? 0) : { sheet: place.sheet, ...(place.cell ? { cell: place.cell } : {}) };
  return { check, place, message: `${formatPlace(place.file ?? undefined, where)}: ${sentence}` };
}

/** 12500 → 12,500; 5923.456 → 5,923.456: figures in messages as a person would print them. */
export const figure = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 6 });
