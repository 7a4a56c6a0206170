import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { NOW } from '../../../projections/queries/as-of';
import { assertFiscalYear } from '../../domain/invariants';
import { toAuditEvent } from '../audit-events';
import type { RequestContext } from '../context';
import { requireAuditor } from '../guards';
import { connectionOf, pageOfList, pageWindow } from '../pagination';
import { FiscalYearComparison } from '../types/comparison-types';
import { Indicator } from '../types/indicator-types';
import { AuditFilter, PointInTime, ProjectFilter } from '../types/inputs';
import { AuditEventConnection, Edition, ProjectConnection } from '../types/ledger-types';
import { Measure, Plan, Project } from '../types/plan-types';
import { compareFiscalYears } from './compare-fiscal-years';
import { pointOf } from './node-resolver';

const atArg = { nullable: true } as const;
const LAST = 'Pages backward: the last n before `before` (or of all); `first` is then ignored';

@Resolver()
export class QueryResolver {
  @Query(() => Plan)
  plan(@Arg('at', () => PointInTime, atArg) at: PointInTime | null, @Ctx() context: RequestContext): Plan {
    return Object.assign(new Plan(), { asOf: context.resolve(at), title: null });
  }

  @Query(() => Measure, { nullable: true, description: 'A measure (施策) by its code, e.g. 5-1-1.' })
  measure(
    @Arg('code', () => String) code: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<Measure | null> {
    return context.view(context.resolve(at)).measure.load(code);
  }

  @Query(() => [Measure])
  async measures(
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<Measure[]> {
    const measures = await context.view(context.resolve(at)).allMeasures();
    return department === null || department === undefined ? measures : measures.filter((m) => m.department === department);
  }

  @Query(() => Project, { nullable: true })
  project(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<Project | null> {
    const { stableId, asOf } = pointOf(context, id, at);
    return context.view(asOf).project.load(stableId);
  }

  @Query(() => ProjectConnection)
  async projects(
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('last', () => Int, { nullable: true, description: LAST }) last: number | null,
    @Arg('before', () => String, { nullable: true }) before: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ProjectConnection> {
    const window = pageWindow({ first, after, last, before });
    const all = (await context.view(context.resolve(at)).allProjects()).filter(
      (p) =>
        (!filter?.department || p.department === filter.department) &&
        (!filter?.measureCode || p.measureCodes.includes(filter.measureCode)) &&
        (!filter?.nameContains || p.name.includes(filter.nameContains)),
    );
    return { ...pageOfList(all, (p) => p.firstPosition, window), totalCount: all.length };
  }

  @Query(() => Indicator, { nullable: true })
  indicator(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<Indicator | null> {
    const { stableId, asOf } = pointOf(context, id, at);
    return context.view(asOf).indicator.load(stableId);
  }

  @Query(() => [Edition])
  editions(@Ctx() context: RequestContext): Edition[] {
    return context.view(NOW).importedEditions().map((row) => Object.assign(new Edition(), { ...row, importedAt: new Date(row.importedAt) }));
  }

  @Query(() => [String])
  async departments(@Arg('at', () => PointInTime, atArg) at: PointInTime | null, @Ctx() context: RequestContext): Promise<string[]> {
    const view = context.view(context.resolve(at));
    const [measures, projects] = await Promise.all([view.allMeasures(), view.allProjects()]);
    const names = new Set([...measures.map((m) => m.department), ...projects.map((p) => p.department)]);
    return [...names].filter((d): d is string => Boolean(d)).sort();
  }

  @Query(() => FiscalYearComparison, { description: 'Every OUTCOME, ACTIVITY, COST and STAFFING indicator side by side for two fiscal years.' })
  compareFiscalYears(
    @Arg('base', () => Int) base: number,
    @Arg('compare', () => Int) compare: number,
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<FiscalYearComparison> {
    assertFiscalYear(base, 'base');
    assertFiscalYear(compare, 'compare');
    return compareFiscalYears(context, base, compare, department ?? null, context.resolve(at));
  }

  @Query(() => AuditEventConnection, { nullable: true, description: 'The event log itself, oldest first (null, with its error, for a caller who may not read it).' })
  auditTrail(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('last', () => Int, { nullable: true, description: LAST }) last: number | null,
    @Arg('before', () => String, { nullable: true }) before: string | null,
    @Ctx() context: RequestContext,
  ): AuditEventConnection {
    requireAuditor(context, 'auditTrail');
    const page = context.view(NOW).auditPage(filter ?? {}, pageWindow({ first, after, last, before }));
    const { hasNextPage, hasPreviousPage, totalCount } = page;
    return { ...connectionOf(page.rows.map(toAuditEvent), (event) => Number(event.position), { hasNextPage, hasPreviousPage }), totalCount };
  }
}
