// The one reading of a printed value cell, whatever the file it came from: a text report's 区分 table, a
// statements CSV or workbook, or a sheet read through a layout. Full-width digits, commas, △/▲, units
// and % after the number, 見込 estimates, the dashes for "not applicable", and money in 円 or 万円 →
// 千円 for COST. The printed cell is always kept as the statement's text.
import type { IndicatorKind } from '../../events/vocabulary';
import { costInThousandYen, readCell, withoutEstimateMark } from './cell-values';
import { isNotApplicable, toHalfWidth } from './normalize';

/** How the cell states its value: a figure, a dash, nothing at all, or words (a goal state, 集計中 …). */
export type FigureForm = 'number' | 'not-applicable' | 'empty' | 'words';

export interface Figure {
  /** As printed, in the cell's or the column's unit (not yet 千円). */
  value: number | null;
  unit: string | null;
  /** The cell as printed, trimmed. */
  text: string;
  estimate: boolean;
  form: FigureForm;
}

export type Problem = { problem: string };

export const NUMBER_OR_DASH = 'a number as printed (1,234, 18.4%, △5, 17 団体) or a dash (―) for not applicable';

// A cell that starts like a number (after a sign) but does not read as one is a typo or a misread
// (1,23,4, 1e309, 10^20), never words: reading it as words would silently drop a figure.
const STARTS_LIKE_A_NUMBER = /^(?:[△▲+\-−－]\s*)?\d/;

/** The figure a cell prints, or the problem with it. Goal states are sentences: always words. */
export function readFigure(printed: string, kind: IndicatorKind): Figure | Problem {
  const text = printed.trim();
  if (text === '') return { value: null, unit: null, text, estimate: false, form: 'empty' };
  if (kind === 'GOAL_STATE') return { value: null, unit: null, text, estimate: false, form: 'words' };
  const cell = readCell(text);
  if (cell.value !== null) return { value: cell.value, unit: cell.unit, text, estimate: cell.estimate, form: 'number' };
  const figure = withoutEstimateMark(text).figure.trim();
  if (figure !== '' && isNotApplicable(figure)) return { value: null, unit: null, text, estimate: cell.estimate, form: 'not-applicable' };
  if (STARTS_LIKE_A_NUMBER.test(toHalfWidth(figure))) return { problem: NUMBER_OR_DASH };
  return { value: null, unit: null, text, estimate: cell.estimate, form: 'words' };
}

/** The figure in the ledger's unit: 千円 for COST (from the cell's unit, else the column's), as printed otherwise. */
export function inLedgerUnit(figure: Figure, kind: IndicatorKind, columnUnit: string | null): { value: number | null } | Problem {
  if (kind !== 'COST' || figure.value === null) return { value: figure.value };
  return costInThousandYen(figure, columnUnit);
}

export type StatedValue = Figure & { value: number | null };

/** readFigure then inLedgerUnit: the value a statement records, with the cell as printed. */
export function readStatedValue(printed: string, kind: IndicatorKind, columnUnit: string | null): StatedValue | Problem {
  const figure = readFigure(printed, kind);
  if ('problem' in figure) return figure;
  const stated = inLedgerUnit(figure, kind, columnUnit);
  return 'problem' in stated ? stated : { ...figure, value: stated.value };
}
