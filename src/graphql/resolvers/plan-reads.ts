// What Query's plan fields and Municipality's fields of the same names answer, for one municipality:
// `named` is the municipality argument (a code or a name), or the parent Municipality's code. Ids may be
// qualified (062073:5-1-1/NPO法人数), which names their municipality, or not, which needs one.
import { NOW } from '../../../projections/queries/as-of';
import type { RequestContext } from '../context';
import { pageOfList, type PageWindow } from '../pagination';
import { qualifiedIdIn, readScope } from '../request-scope';
import type { FiscalYearComparison } from '../types/comparison-types';
import type { Indicator } from '../types/indicator-types';
import type { PointInTime, ProjectFilter } from '../types/inputs';
import { Edition, type ProjectConnection } from '../types/ledger-types';
import { Measure, Plan, Project } from '../types/plan-types';
import { compareFiscalYears } from './compare-fiscal-years';
import { pointOf } from './node-resolver';

type Named = string | null | undefined;
type At = PointInTime | null | undefined;

export function plan(context: RequestContext, named: Named, at: At): Plan {
  return Object.assign(new Plan(), { asOf: context.resolve(at), municipality: readScope(context, named), title: null });
}

export async function measure(context: RequestContext, named: Named, code: string, at: At): Promise<Measure | null> {
  const id = qualifiedIdIn(context, code, named);
  return id === null ? null : context.view(context.resolve(at)).measure.load(id);
}

export async function measures(context: RequestContext, named: Named, department: string | null | undefined, at: At): Promise<Measure[]> {
  const municipality = readScope(context, named);
  if (municipality === null) return [];
  const all = await context.view(context.resolve(at)).allMeasures(municipality);
  return department === null || department === undefined ? all : all.filter((m) => m.department === department);
}

export async function project(context: RequestContext, named: Named, id: string, at: At): Promise<Project | null> {
  const { stableId, asOf } = pointOf(context, id, at);
  const qualified = qualifiedIdIn(context, stableId, named);
  return qualified === null ? null : context.view(asOf).project.load(qualified);
}

export async function projects(
  context: RequestContext,
  named: Named,
  filter: ProjectFilter | null | undefined,
  window: PageWindow,
  at: At,
): Promise<ProjectConnection> {
  const municipality = readScope(context, named);
  const all = municipality === null ? [] : await context.view(context.resolve(at)).allProjects(municipality);
  const chosen = all.filter(
    (p) =>
      (!filter?.department || p.department === filter.department) &&
      (!filter?.measureCode || p.measureCodes.includes(filter.measureCode)) &&
      (!filter?.nameContains || p.name.includes(filter.nameContains)),
  );
  return { ...pageOfList(chosen, (p) => p.firstPosition, window), totalCount: chosen.length };
}

export async function indicator(context: RequestContext, named: Named, id: string, at: At): Promise<Indicator | null> {
  const { stableId, asOf } = pointOf(context, id, at);
  const qualified = qualifiedIdIn(context, stableId, named);
  return qualified === null ? null : context.view(asOf).indicator.load(qualified);
}

/** A municipality's editions; with none named, every municipality's (by code, then oldest first). */
export function editions(context: RequestContext, municipality: string | null): Edition[] {
  return context
    .view(NOW)
    .importedEditions()
    .filter((row) => municipality === null || row.municipality === municipality)
    .map((row) => Object.assign(new Edition(), { ...row, importedAt: new Date(row.importedAt) }));
}

export async function departments(context: RequestContext, named: Named, at: At): Promise<string[]> {
  const municipality = readScope(context, named);
  if (municipality === null) return [];
  const view = context.view(context.resolve(at));
  const [all, allProjects] = await Promise.all([view.allMeasures(municipality), view.allProjects(municipality)]);
  const names = new Set([...all.map((m) => m.department), ...allProjects.map((p) => p.department)]);
  return [...names].filter((d): d is string => Boolean(d)).sort();
}

export function comparison(
  context: RequestContext,
  named: Named,
  years: { base: number; compare: number },
  department: string | null | undefined,
  at: At,
): Promise<FiscalYearComparison> {
  return compareFiscalYears(context, readScope(context, named), years.base, years.compare, department ?? null, context.resolve(at));
}
