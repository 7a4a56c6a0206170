// Ids derive from what the report names (measure code, project name, indicator name), never from a
// counter, so they survive rebuilds and stay the same across editions.

export const MEASURE_CODE = /^\d+-\d+-\d+$/;

/**
 * Every id the API returns is qualified by its municipality's 6-digit code: `062073:5-1-1`,
 * `062073:地域おこし協力隊推進事業費`, `062073:5-1-1/NPO法人数`. What the report names (code, project
 * name, indicator name) is unique only inside one municipality.
 */
export const qualifiedId = (municipality: string, localId: string): string => `${municipality}:${localId}`;

const QUALIFIED = /^(\d{6}):(.+)$/s;

/** `062073:5-1-1` → its municipality and `5-1-1`; an unqualified id has no municipality. */
export function splitQualifiedId(id: string): { municipality: string | null; localId: string } {
  const match = QUALIFIED.exec(id);
  return match ? { municipality: match[1] ?? null, localId: match[2] ?? id } : { municipality: null, localId: id };
}

/**
 * The store's streams of one municipality begin with its code (`062073-measure-5-1-1`), so KurrentDB's
 * category of a stream is its municipality and a prefix subscription follows one city. A ledger written
 * before municipalities keeps its streams' names (`measure-5-1-1`) for the municipality they belong to,
 * so each entity's history stays one stream: `legacy` names that municipality.
 */
export const streamPrefixOf = (municipality: string, legacy: string | null): string => (municipality === legacy ? '' : `${municipality}-`);

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
