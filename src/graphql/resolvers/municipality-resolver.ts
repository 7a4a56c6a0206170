// Municipality: everything Query's plan fields answer, for one municipality alone (plan-reads.ts), and
// the root fields that name municipalities.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { assertFiscalYear } from '../../domain/invariants';
import { resolveMunicipality } from '../../domain/municipalities/municipality-table';
import type { RequestContext } from '../context';
import { pageWindow } from '../pagination';
import { codeOf } from '../request-scope';
import { FiscalYearComparison } from '../types/comparison-types';
import { Indicator } from '../types/indicator-types';
import { PointInTime, ProjectFilter } from '../types/inputs';
import { Edition, ProjectConnection } from '../types/ledger-types';
import { Municipality, toMunicipality } from '../types/municipality-types';
import { Measure, Plan, Project } from '../types/plan-types';
import * as reads from './plan-reads';
import { editionChangesOf } from './edition-changes-resolver';
import { EditionChanges } from '../types/edition-changes';

const atArg = { nullable: true } as const;

/** The table's entry for a code the ledger itself wrote (always a valid one). */
export const municipalityOfCode = (code: string): Municipality => toMunicipality(resolveMunicipality(code));

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => [Municipality], { description: 'The municipalities this ledger holds (whose editions it has), in code order' })
  municipalities(@Ctx() context: RequestContext): Municipality[] {
    return context.ledger.readModel.municipalities().map(municipalityOfCode);
  }

  @Query(() => Municipality, {
    nullable: true,
    description: 'By code (062073) or by a name that names one municipality (上山市; not 池田町, which several prefectures have)',
  })
  municipality(@Arg('code', () => ID) code: string): Municipality {
    return municipalityOfCode(codeOf(code, 'code'));
  }

  @FieldResolver(() => Plan)
  plan(@Root() m: Municipality, @Arg('at', () => PointInTime, atArg) at: PointInTime | null, @Ctx() context: RequestContext): Plan {
    return reads.plan(context, m.code, at);
  }

  @FieldResolver(() => Measure, { nullable: true })
  measure(
    @Root() m: Municipality,
    @Arg('code', () => String) code: string,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<Measure | null> {
    return reads.measure(context, m.code, code, at);
  }

  @FieldResolver(() => [Measure])
  measures(
    @Root() m: Municipality,
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<Measure[]> {
    return reads.measures(context, m.code, department, at);
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Root() m: Municipality, @Arg('id', () => ID) id: string, @Arg('at', () => PointInTime, atArg) at: PointInTime | null, @Ctx() context: RequestContext) {
    return reads.project(context, m.code, id, at);
  }

  @FieldResolver(() => ProjectConnection)
  projects(
    @Root() m: Municipality,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<ProjectConnection> {
    return reads.projects(context, m.code, filter, pageWindow({ first, after, last: null, before: null }), at);
  }

  @FieldResolver(() => Indicator, { nullable: true })
  indicator(@Root() m: Municipality, @Arg('id', () => ID) id: string, @Arg('at', () => PointInTime, atArg) at: PointInTime | null, @Ctx() context: RequestContext) {
    return reads.indicator(context, m.code, id, at);
  }

  @FieldResolver(() => [Edition])
  editions(@Root() m: Municipality, @Ctx() context: RequestContext): Edition[] {
    return reads.editions(context, m.code);
  }

  @FieldResolver(() => [String])
  departments(@Root() m: Municipality, @Arg('at', () => PointInTime, atArg) at: PointInTime | null, @Ctx() context: RequestContext): Promise<string[]> {
    return reads.departments(context, m.code, at);
  }

  @FieldResolver(() => EditionChanges)
  editionChanges(@Root() m: Municipality, @Arg('edition', () => Int) edition: number, @Ctx() context: RequestContext): EditionChanges {
    return editionChangesOf(context, m.code, edition);
  }

  @FieldResolver(() => FiscalYearComparison)
  compareFiscalYears(
    @Root() m: Municipality,
    @Arg('base', () => Int) base: number,
    @Arg('compare', () => Int) compare: number,
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('at', () => PointInTime, atArg) at: PointInTime | null,
    @Ctx() context: RequestContext,
  ): Promise<FiscalYearComparison> {
    assertFiscalYear(base, 'base');
    assertFiscalYear(compare, 'compare');
    return reads.comparison(context, m.code, { base, compare }, department, at);
  }
}
