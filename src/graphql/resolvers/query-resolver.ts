import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { NOW } from '../../../projections/queries/as-of';
import { assertFiscalYear } from '../../domain/invariants';
import { toAuditEvent } from '../audit-events';
import type { RequestContext } from '../context';
import { connectionOf, pageWindow } from '../pagination';
import { codeOf } from '../request-scope';
import { FiscalYearComparison } from '../types/comparison-types';
import { Indicator } from '../types/indicator-types';
import { AuditFilter, PointInTime, ProjectFilter } from '../types/inputs';
import { AuditEventConnection, Edition, ProjectConnection } from '../types/ledger-types';
import { Measure, Plan, Project } from '../types/plan-types';
import { auditScope } from './audit-scope';
import * as reads from './plan-reads';

const atArg = { nullable: true } as const;
const LAST = 'Pages backward: the last n before `before` (or of all); `first` is then ignored';
const MUNICIPALITY = {
  nullable: true,
  description: 'Code (062073) or unambiguous name (上山市); needed when the ledger holds several municipalities and no id names one',
} as const;

@Resolver()
export class QueryResolver {
  @Query(() => Plan)
  plan(
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Plan {
    return reads.plan(context, municipality, at);
  }

  @Query(() => Measure, { nullable: true, description: 'A measure (施策) by its code, e.g. 5-1-1 (or 062073:5-1-1).' })
  measure(
    @Arg('code', () => String) code: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Measure | null> {
    return reads.measure(context, municipality, code, at);
  }

  @Query(() => [Measure])
  measures(
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Measure[]> {
    return reads.measures(context, municipality, department, at);
  }

  @Query(() => Project, { nullable: true })
  project(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Project | null> {
    return reads.project(context, municipality, id, at);
  }

  @Query(() => ProjectConnection)
  projects(
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('last', () => Int, { nullable: true, description: LAST }) last: number | null,
    @Arg('before', () => String, { nullable: true }) before: string | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ProjectConnection> {
    return reads.projects(context, municipality, filter, pageWindow({ first, after, last, before }), at);
  }

  @Query(() => Indicator, { nullable: true })
  indicator(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Indicator | null> {
    return reads.indicator(context, municipality, id, at);
  }

  @Query(() => [Edition], { description: "A municipality's editions; without the argument, every municipality's (by code, then oldest first)" })
  editions(@Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null, @Ctx() context: RequestContext): Edition[] {
    return reads.editions(context, municipality ? codeOf(municipality) : null);
  }

  @Query(() => [String])
  departments(
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<string[]> {
    return reads.departments(context, municipality, at);
  }

  @Query(() => FiscalYearComparison, { description: 'Every OUTCOME, ACTIVITY, COST and STAFFING indicator side by side for two fiscal years.' })
  compareFiscalYears(
    @Arg('base', () => Int) base: number,
    @Arg('compare', () => Int) compare: number,
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Arg('municipality', () => ID, MUNICIPALITY) municipality: string | null,
    @Ctx() context: RequestContext,
  ): Promise<FiscalYearComparison> {
    assertFiscalYear(base, 'base');
    assertFiscalYear(compare, 'compare');
    return reads.comparison(context, municipality, { base, compare }, department, at);
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
    const scoped = auditScope(context, filter ?? {}, 'auditTrail');
    const page = context.view(NOW).auditPage(scoped, pageWindow({ first, after, last, before }));
    const { hasNextPage, hasPreviousPage, totalCount } = page;
    return { ...connectionOf(page.rows.map(toAuditEvent), (event) => Number(event.position), { hasNextPage, hasPreviousPage }), totalCount };
  }
}
