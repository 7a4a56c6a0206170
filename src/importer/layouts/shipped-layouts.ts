// The layouts plan-ledger ships, by the name `--layout` accepts in place of a file. Each is the YAML a
// municipality would write; `plan-ledger` can print one as a starting point for their own.
import { budgetSettlementManyen } from './shipped/budget-settlement-manyen';
import { planActualWideYen } from './shipped/plan-actual-wide-yen';
import { stackedTargetActual } from './shipped/stacked-target-actual';

export interface ShippedLayout {
  name: string;
  /** The name errors give the layout, as if it were a file. */
  file: string;
  text: string;
}

const layout = (name: string, text: string): ShippedLayout => ({ name, file: `${name}.yaml`, text: text.trimStart() });

export const SHIPPED_LAYOUTS: readonly ShippedLayout[] = [
  layout('plan-actual-wide-yen', planActualWideYen),
  layout('stacked-target-actual', stackedTargetActual),
  layout('budget-settlement-manyen', budgetSettlementManyen),
];

/** The shipped layout of that name (with or without .yaml), or null. */
export function shippedLayout(name: string): ShippedLayout | null {
  const bare = name.replace(/\.ya?ml$/i, '');
  return SHIPPED_LAYOUTS.find((shipped) => shipped.name === bare) ?? null;
}
