// Two fiscal years by project and by department: a project's budget is its COST target, its spending
// the COST actual (thousand yen), as the server sums them in compareFiscalYears' totals.

interface YearValue {
  target: number | null;
  actual: number | null;
}

export interface CostComparison {
  indicator: { id: string; kind: string; project: { id: string; name: string; department: string } | null };
  base: YearValue | null;
  compare: YearValue | null;
}

export interface BudgetRow {
  /** The project's name, or the department's. */
  name: string;
  department: string;
  /** The cost indicator, for a link to its history (projects only). */
  indicatorId: string | null;
  budget: { base: number | null; compare: number | null };
  spending: { base: number | null; compare: number | null };
  executionRate: { base: number | null; compare: number | null };
}

/** Sum of the stated values; null when none was stated (as the server's YearPair). */
function sum(values: ReadonlyArray<number | null>): number | null {
  const stated = values.filter((value): value is number => value !== null);
  return stated.length === 0 ? null : stated.reduce((total, value) => total + value, 0);
}

/** spending / budget over the projects that state both, as MunicipalitySummary.executionRate. */
function executionRate(pairs: ReadonlyArray<YearValue | null>): number | null {
  const both = pairs.filter((pair): pair is { target: number; actual: number } => pair?.target != null && pair.actual != null);
  const budget = sum(both.map((pair) => pair.target));
  const spending = sum(both.map((pair) => pair.actual));
  return budget === null || spending === null || budget === 0 ? null : spending / budget;
}

function row(name: string, department: string, indicatorId: string | null, items: readonly CostComparison[]): BudgetRow {
  return {
    name,
    department,
    indicatorId,
    budget: { base: sum(items.map((i) => i.base?.target ?? null)), compare: sum(items.map((i) => i.compare?.target ?? null)) },
    spending: { base: sum(items.map((i) => i.base?.actual ?? null)), compare: sum(items.map((i) => i.compare?.actual ?? null)) },
    executionRate: { base: executionRate(items.map((i) => i.base)), compare: executionRate(items.map((i) => i.compare)) },
  };
}

const costs = (items: readonly CostComparison[]) => items.filter((item) => item.indicator.kind === 'COST' && item.indicator.project);

export function projectRows(items: readonly CostComparison[]): BudgetRow[] {
  return costs(items).map((item) => {
    const project = item.indicator.project ?? { name: '', department: '' };
    return row(project.name, project.department, item.indicator.id, [item]);
  });
}

export function departmentRows(items: readonly CostComparison[]): BudgetRow[] {
  const byDepartment = new Map<string, CostComparison[]>();
  for (const item of costs(items)) {
    const department = item.indicator.project?.department ?? '';
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), item]);
  }
  return [...byDepartment].map(([department, members]) => row(department, department, null, members));
}
