import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Chapter, Measure, Plan, Policy } from '../types/plan-types';

/** Chapters and policies are not stored on their own: they are how the measures are filed. */
async function chaptersOf(context: RequestContext, plan: Plan): Promise<Chapter[]> {
  const measures = await context.view(plan.asOf).allMeasures();
  const chapters = new Map<number, Chapter>();
  for (const measure of measures) {
    const existing = chapters.get(measure.chapterNumber);
    if (!existing) {
      chapters.set(measure.chapterNumber, Object.assign(new Chapter(), { asOf: plan.asOf, number: measure.chapterNumber, title: measure.chapterTitle }));
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
    const measures = (await context.view(chapter.asOf).allMeasures()).filter((m) => m.chapterNumber === chapter.number);
    const policies = new Map<string, Policy>();
    for (const m of measures) {
      const existing = policies.get(m.policyCode);
      if (!existing) {
        policies.set(m.policyCode, Object.assign(new Policy(), { asOf: chapter.asOf, code: m.policyCode, title: m.policyTitle, chapterNumber: chapter.number }));
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
    return (await context.view(policy.asOf).allMeasures()).filter((m) => m.policyCode === policy.code);
  }
}

export async function chapterOfMeasure(context: RequestContext, measure: Measure): Promise<Chapter> {
  const chapters = await chaptersOf(context, Object.assign(new Plan(), { asOf: measure.asOf, title: null }));
  const chapter = chapters.find((c) => c.number === measure.chapterNumber);
  return chapter ?? Object.assign(new Chapter(), { asOf: measure.asOf, number: measure.chapterNumber, title: measure.chapterTitle });
}
