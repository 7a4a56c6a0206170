// Ids derive from what the report names (measure code, project name, indicator name), never from a
// counter, so they survive rebuilds and stay the same across editions.

export const MEASURE_CODE = /^\d+-\d+-\d+$/;

export const measureStreamId = (code: string): string => `measure-${code}`;
export const projectStreamId = (projectId: string): string => `project-${projectId}`;
export const indicatorStreamId = (indicatorId: string): string => `indicator-${indicatorId}`;
export const editionStreamId = (fiscalYear: number): string => `edition-${fiscalYear}`;

/** A project's id is its 事業名. */
export const projectIdOf = (name: string): string => name;

/** `5-1-1/NPO法人数`, `地域おこし協力隊推進事業費/事業費`. */
export const indicatorIdOf = (ownerId: string, name: string): string => `${ownerId}/${name}`;

/** Chapter and policy codes follow from a measure code: 5-1-1 lies in chapter 5, policy 5-1. */
export function placementOf(code: string): { chapter: number; policy: string } {
  const [chapter, policy] = code.split('-');
  return { chapter: Number(chapter), policy: `${chapter}-${policy}` };
}
