import { GraphQLError } from 'graphql';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { indicatorIdOf, qualifiedId } from '../../domain/ids';
import type { RequestContext } from '../context';
import { Indicator } from '../types/indicator-types';
import { Measure, Project } from '../types/plan-types';

async function indicatorOfProject(context: RequestContext, project: Project, key: string): Promise<Indicator> {
  const indicator = await context.view(project.asOf).indicator.load(indicatorIdOf(project.id, key));
  if (!indicator) throw new GraphQLError(`project ${project.name} has no ${key} row`, { extensions: { code: 'NOT_FOUND' } });
  return indicator;
}

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => [Measure])
  async measures(@Root() project: Project, @Ctx() context: RequestContext): Promise<Measure[]> {
    const measures = await context.view(project.asOf).measure.loadMany(project.measureCodes.map((code) => qualifiedId(project.municipality, code)));
    return measures.filter((m): m is Measure => m !== null && !(m instanceof Error));
  }

  @FieldResolver(() => [Indicator], { description: 'All of its indicators: ACTIVITY, GOAL_STATE, COST and STAFFING' })
  indicators(@Root() project: Project, @Ctx() context: RequestContext): Promise<Indicator[]> {
    return context.view(project.asOf).indicatorsOf.load(project.id);
  }

  @FieldResolver(() => Indicator)
  cost(@Root() project: Project, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOfProject(context, project, '事業費');
  }

  @FieldResolver(() => Indicator)
  staffing(@Root() project: Project, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOfProject(context, project, '従事人工');
  }

  @FieldResolver(() => [Int])
  editions(@Root() project: Project, @Ctx() context: RequestContext): Promise<readonly number[]> {
    return context.view(project.asOf).editions.load(project.id);
  }
}
