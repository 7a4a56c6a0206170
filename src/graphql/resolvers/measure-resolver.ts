import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Indicator } from '../types/indicator-types';
import { Chapter, Measure, Policy, Project } from '../types/plan-types';
import { chapterOfMeasure } from './plan-resolver';

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => Chapter)
  chapter(@Root() measure: Measure, @Ctx() context: RequestContext): Promise<Chapter> {
    return chapterOfMeasure(context, measure);
  }

  @FieldResolver(() => Policy)
  async policy(@Root() measure: Measure, @Ctx() context: RequestContext): Promise<Policy> {
    const { asOf, municipality } = measure;
    const siblings = (await context.view(asOf).allMeasures(municipality)).filter((m) => m.policyCode === measure.policyCode);
    const title = measure.policyTitle ?? siblings.find((m) => m.policyTitle !== null)?.policyTitle ?? null;
    return Object.assign(new Policy(), { asOf, municipality, code: measure.policyCode, title, chapterNumber: measure.chapterNumber });
  }

  @FieldResolver(() => [Indicator])
  indicators(@Root() measure: Measure, @Ctx() context: RequestContext): Promise<Indicator[]> {
    return context.view(measure.asOf).indicatorsOf.load(measure.id);
  }

  @FieldResolver(() => [Project])
  async projects(@Root() measure: Measure, @Ctx() context: RequestContext): Promise<Project[]> {
    return (await context.view(measure.asOf).allProjects(measure.municipality)).filter((p) => p.measureCodes.includes(measure.code));
  }

  @FieldResolver(() => [Int], { description: 'Fiscal years of the editions that reported this measure' })
  editions(@Root() measure: Measure, @Ctx() context: RequestContext): Promise<readonly number[]> {
    return context.view(measure.asOf).editions.load(measure.id);
  }
}
