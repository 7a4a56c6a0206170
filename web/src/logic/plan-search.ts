// The plan's tree narrowed to what a search names: a measure stays when its code, title or department,
// or one of its indicators or projects, matches; chapters and policies left empty are dropped.
import { matchesQuery } from './text-match';

interface MeasureLike {
  code: string;
  title: string;
  department: string | null;
  indicators: ReadonlyArray<{ name: string }>;
  projects: ReadonlyArray<{ name: string; department: string }>;
}

interface PolicyLike<M> {
  code: string;
  title: string | null;
  measures: readonly M[];
}

interface ChapterLike<P> {
  number: number;
  title: string | null;
  policies: readonly P[];
}

const measureTexts = (measure: MeasureLike) => [
  measure.code,
  measure.title,
  measure.department,
  ...measure.indicators.map((indicator) => indicator.name),
  ...measure.projects.flatMap((project) => [project.name, project.department]),
];

export function searchPlan<M extends MeasureLike, P extends PolicyLike<M>, C extends ChapterLike<P>>(chapters: readonly C[], query: string): C[] {
  return chapters
    .map((chapter) => ({
      ...chapter,
      policies: chapter.policies
        .map((policy) => ({ ...policy, measures: policy.measures.filter((measure) => matchesQuery(query, measureTexts(measure))) }))
        .filter((policy) => policy.measures.length > 0),
    }))
    .filter((chapter) => chapter.policies.length > 0);
}
