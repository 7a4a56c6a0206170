// One ordering for every sortable table: numbers by value, text in Japanese collation, and cells with
// nothing stated last whichever way the column is sorted (a missing budget is not a small one).

export type SortValue = number | string | null;
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('ja-JP', { numeric: true });

export function compareSortValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return direction === 'ascending' ? order : -order;
}

export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, direction: SortDirection): R[] {
  // Array.prototype.sort is stable: rows equal in this column keep their previous order.
  return [...rows].sort((a, b) => compareSortValues(value(a), value(b), direction));
}
