// A printed 達成率 against the one the figures give. A sheet prints the rate rounded (or cut) to its
// printed digits, so "105.9%" holds for any computed rate that prints as 105.9 under the rounding the
// layout declares; `any` accepts rounding, flooring and ceiling alike, for sheets that do not say.
import type { Direction } from '../../../../events/vocabulary';
import { parseCell } from '../../normalize';

export type Rounding = 'round' | 'floor' | 'ceil' | 'any';
export type RateFormula = 'actual_over_target' | 'by_direction';

export interface RateCheck {
  rounding: Rounding;
  formula: RateFormula;
}

/** actual ÷ target in %; for LOWER_IS_BETTER under by_direction, target ÷ actual. Null when it cannot be computed. */
export function computedRate(target: number | null, actual: number | null, direction: Direction | null, formula: RateFormula): number | null {
  if (target === null || actual === null) return null;
  const [numerator, denominator] = formula === 'by_direction' && direction === 'LOWER_IS_BETTER' ? [target, actual] : [actual, target];
  return denominator === 0 ? null : (numerator / denominator) * 100;
}

function decimalsOf(printed: string): number {
  const fraction = /\.(\d+)/.exec(printed.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return fraction ? (fraction[1] ?? '').length : 0;
}

/** True when `computed`, rounded as declared to the printed digits, is the printed rate. */
export function printsAs(computed: number, printed: number, decimals: number, rounding: Rounding): boolean {
  const step = 10 ** -decimals;
  const slack = 1e-9 * Math.max(1, Math.abs(computed));
  const rounds = Math.abs(computed - printed) <= step / 2 + slack;
  const floors = computed >= printed - slack && computed < printed + step - slack;
  const ceils = computed <= printed + slack && computed > printed - step + slack;
  if (rounding === 'round') return rounds;
  if (rounding === 'floor') return floors;
  if (rounding === 'ceil') return ceils;
  return rounds || floors || ceils;
}

/**
 * The problem with a printed rate, or null when it holds or cannot be checked (a dash, no target or
 * actual, a target of 0): a rate the figures cannot give is not evidence against them.
 */
export function achievementRateProblem(
  printedText: string,
  target: number | null,
  actual: number | null,
  direction: Direction | null,
  check: RateCheck,
): string | null {
  const printed = parseCell(printedText);
  const computed = computedRate(target, actual, direction, check.formula);
  if (printed.value === null || computed === null) return null;
  const decimals = decimalsOf(printed.text);
  if (printsAs(computed, printed.value, decimals, check.rounding)) return null;
  const formula = check.formula === 'by_direction' && direction === 'LOWER_IS_BETTER' ? 'target ÷ actual' : 'actual ÷ target';
  const how = check.rounding === 'any' ? 'rounded, cut or raised' : { round: 'rounded', floor: 'cut', ceil: 'raised' }[check.rounding];
  return `printed 達成率 ${printed.text} but ${formula} is ${computed.toFixed(decimals + 2)}%, which ${how} to the printed digits is not ${printed.value}`;
}
