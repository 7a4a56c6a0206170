// What a printed cell states once the printing is read: estimates marked 見込, and money in 円 or 万円
// where the ledger keeps 千円 (COST), so that sums and comparisons hold across municipalities. The
// printed cell itself is always kept as the statement's text.
import { parseCell, type Cell } from './normalize';

// 見込 / 見込み / (見込) / 【見込】 before or after the figure.
const ESTIMATE = /[(（【［[]?\s*見込み?\s*[)）】］\]]?/;

export interface ReadCell extends Cell {
  /** The cell was marked as an estimate (見込): the value's history says so. */
  estimate: boolean;
}

/** `1,234(見込)` → `1,234` and estimate; the text unchanged and no estimate when it has no 見込 mark. */
export function withoutEstimateMark(text: string): { figure: string; estimate: boolean } {
  const marked = ESTIMATE.exec(text);
  if (!marked) return { figure: text, estimate: false };
  return { figure: `${text.slice(0, marked.index)}${text.slice(marked.index + marked[0].length)}`, estimate: true };
}

/** `1,234(見込)` → 1234 as an estimate; anything else as parseCell reads it. */
export function readCell(text: string): ReadCell {
  const { figure, estimate } = withoutEstimateMark(text);
  return estimate ? { ...parseCell(figure), text: text.trim(), estimate } : { ...parseCell(text), estimate };
}

/** How many 千円 one of the unit is. */
const THOUSAND_YEN: Readonly<Record<string, number>> = { 円: 0.001, 千円: 1, 万円: 10, 百万円: 1000 };

export type CostReading = { value: number | null } | { problem: string };

/**
 * A COST cell in 千円: its own unit (`5,923,000円`) or else the column's (`unit` heading: 円, 万円, 千円),
 * else 千円 as the ledger's reports print it. 5,923,000円 → 5923; 1,250万円 → 12500.
 */
export function costInThousandYen(cell: Cell, columnUnit: string | null): CostReading {
  if (cell.value === null) return { value: null };
  const unit = cell.unit ?? columnUnit ?? '千円';
  // Own keys only: a unit printed as "constructor" is no unit of money (found by the importer fuzz).
  const factor = Object.hasOwn(THOUSAND_YEN, unit) ? THOUSAND_YEN[unit] : undefined;
  if (factor === undefined) return { problem: `an amount in 円, 千円 or 万円, not in ${unit}` };
  // Rounded to the yen: 0.001 × 5,923,456 is 5923.456000000001 in binary floating point.
  return { value: Math.round(cell.value * factor * 1000) / 1000 };
}
