// Budget, spending and execution rate of two fiscal years, sortable, one row per project or department.
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDelta, formatNumber, formatRate } from '../../format/numbers';
import type { BudgetRow } from '../../logic/compare-rows';
import { pathOf } from '../../routing/routes';

interface BudgetTableProps {
  caption: string;
  rows: readonly BudgetRow[];
  code: string;
  baseLabel: string;
  compareLabel: string;
  nameHeader: string;
}

const delta = (pair: { base: number | null; compare: number | null }) =>
  pair.base === null || pair.compare === null ? null : pair.compare - pair.base;

export function BudgetTable({ caption, rows, code, baseLabel, compareLabel, nameHeader }: BudgetTableProps) {
  const columns: Array<Column<BudgetRow>> = [
    {
      key: 'name', header: nameHeader, sortValue: (r) => r.name,
      cell: (r) => (r.indicatorId ? <a href={pathOf({ view: 'indicator', code, indicatorId: r.indicatorId })}>{r.name}</a> : r.name),
    },
    ...(nameHeader === '事業' ? [{ key: 'department', header: '所属', sortValue: (r: BudgetRow) => r.department, cell: (r: BudgetRow) => r.department }] : []),
    { key: 'budgetBase', header: `予算 ${baseLabel}`, numeric: true, sortValue: (r) => r.budget.base, cell: (r) => formatNumber(r.budget.base) },
    { key: 'budgetCompare', header: `予算 ${compareLabel}`, numeric: true, sortValue: (r) => r.budget.compare, cell: (r) => formatNumber(r.budget.compare) },
    { key: 'budgetDelta', header: '予算の増減', numeric: true, sortValue: (r) => delta(r.budget), cell: (r) => formatDelta(delta(r.budget)) },
    { key: 'spendingBase', header: `決算 ${baseLabel}`, numeric: true, sortValue: (r) => r.spending.base, cell: (r) => formatNumber(r.spending.base) },
    { key: 'spendingCompare', header: `決算 ${compareLabel}`, numeric: true, sortValue: (r) => r.spending.compare, cell: (r) => formatNumber(r.spending.compare) },
    { key: 'rateBase', header: `執行率 ${baseLabel}`, numeric: true, sortValue: (r) => r.executionRate.base, cell: (r) => formatRate(r.executionRate.base) },
    { key: 'rateCompare', header: `執行率 ${compareLabel}`, numeric: true, sortValue: (r) => r.executionRate.compare, cell: (r) => formatRate(r.executionRate.compare) },
  ];
  return <SortableTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.name} />;
}
