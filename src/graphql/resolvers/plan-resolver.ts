import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Chapter, Measure, Plan, Policy } from '../types/plan-types';

/** Chapters and policies are not stored on their own: they are how the measures are filed. */
async function chaptersOf(context: RequestContext, plan: Plan): Promise<Chapter[]> {
  if (plan.municipality === null) return [];
  const measures = await context.view(plan.asOf).allMeasures(plan.municipality);
  const chapters = new Map<number, Chapter>();
  for (const measure of measures) {
    const existing = chapters.get(measure.chapterNumber);
    if (!existing) {
      const chapter = { asOf: plan.asOf, municipality: plan.municipality, number: measure.chapterNumber, title: measure.chapterTitle };
      chapters.set(measure.chapterNumber, Object.assign(new Chapter(), chapter));
    } else if (existing.title === null) {
      existing.title = measure.chapterTitle;
    }
  }
  return [...chapters.values()].sort((a, b) => a.number - b.number);
}

@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver(() => [Chapter])
  chapters(@Root() plan: Plan, @Ctx() context: RequestContext): Promise<Chapter[]> {
    return chaptersOf(context, plan);
  }
}

@Resolver(() => Chapter)
export class ChapterResolver {
  @FieldResolver(() => [Policy])
  async policies(@Root() chapter: Chapter, @Ctx() context: RequestContext): Promise<Policy[]> {
    const measures = (await context.view(chapter.asOf).allMeasures(chapter.municipality)).filter((m) => m.chapterNumber === chapter.number);
    const policies = new Map<string, Policy>();
    for (const m of measures) {
      const existing = policies.get(m.policyCode);
      if (!existing) {
        const policy = { asOf: chapter.asOf, municipality: chapter.municipality, code: m.policyCode, title: m.policyTitle, chapterNumber: chapter.number };
        policies.set(m.policyCode, Object.assign(new Policy(), policy));
      } else if (existing.title === null) {
        existing.title = m.policyTitle;
      }
    }
    return [...policies.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @FieldResolver(() => [Measure])
  async measures(@Root() policy: Policy, @Ctx() context: RequestContext): Promise<Measure[]> {
    return (await context.view(policy.asOf).allMeasures(policy.municipality)).filter((m) => m.policyCode === policy.code);
  }
}

export async function chapterOfMeasure(context: RequestContext, measure: Measure): Promise<Chapter> {
  const { asOf, municipality } = measure;
  const chapters = await chaptersOf(context, Object.assign(new Plan(), { asOf, municipality, title: null }));
  const chapter = chapters.find((c) => c.number === measure.chapterNumber);
  return chapter ?? Object.assign(new Chapter(), { asOf, municipality, number: measure.chapterNumber, title: measure.chapterTitle });
}
