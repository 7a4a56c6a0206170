// The read model as analysts' exports need it: every indicator with its owner and department, and its
// target and actual per fiscal year with the editions they come from and whether they were revised.
import type { Database } from 'better-sqlite3';
import { splitQualifiedId } from '../../src/domain/ids';
import type { OwnerType } from '../../events/vocabulary';
import type { JsonValue } from '../../src/shared/json';
import type { AsOf } from './as-of';
import { entityEditions, entityRecords, type EntityRecord } from './entity-queries';
import { revisedValues, valuesOf, type CurrentValue } from './value-queries';

export interface IndicatorListing {
  /** The municipality's code. */
  municipality: string;
  /** Qualified: 062073:5-1-1/NPO法人数. */
  id: string;
  name: string;
  kind: string;
  unit: string | null;
  direction: string;
  ownerType: OwnerType;
  /** The measure's or the project's qualified id. */
  ownerId: string;
  /** The measure's title or the project's name. */
  ownerName: string;
  department: string | null;
  /** The measure's code, or the codes of the measures the project serves. */
  measureCodes: string[];
  /** Editions that reported the indicator, ascending. */
  editions: number[];
}

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);
const codeOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * Every indicator at `asOf`, measures' first (in code order) then projects' (in the order the log first
 * named them), each owner's in the order the log first named them; optionally of one department.
 */
export function indicatorListing(db: Database, asOf: AsOf, department: string | null = null, municipality: string | null = null): IndicatorListing[] {
  const indicators = [...entityRecords(db, 'indicator', asOf, null, municipality).values()];
  const measures = entityRecords(db, 'measure', asOf, null, municipality);
  const projects = entityRecords(db, 'project', asOf, null, municipality);
  const editions = entityEditions(db, indicators.map((i) => i.id), asOf);
  const ownerOf = (record: EntityRecord) => {
    const ownerType = str(record.fields['ownerType']) === 'project' ? 'project' : 'measure';
    const ownerId = str(record.fields['ownerId']) ?? '';
    const owner = (ownerType === 'project' ? projects : measures).get(ownerId);
    return { ownerType, ownerId, owner } as const;
  };
  const listed = indicators.map((record) => {
    const { ownerType, ownerId, owner } = ownerOf(record);
    const fields = owner?.fields ?? {};
    const links = fields['measures'];
    const listing: IndicatorListing = {
      municipality: splitQualifiedId(record.id).municipality ?? '',
      id: record.id,
      name: str(record.fields['name']) ?? record.id,
      kind: str(record.fields['kind']) ?? 'OUTCOME',
      unit: str(record.fields['unit']),
      direction: str(record.fields['direction']) ?? 'NONE',
      ownerType,
      ownerId,
      ownerName: (ownerType === 'project' ? str(fields['name']) : str(fields['title'])) ?? ownerId,
      department: str(fields['department']),
      measureCodes: ownerType === 'measure' ? [splitQualifiedId(ownerId).localId] : Array.isArray(links) ? links.filter((c): c is string => typeof c === 'string') : [],
      editions: editions.get(record.id) ?? [],
    };
    return { listing, ownerPosition: owner?.firstPosition ?? Number.MAX_SAFE_INTEGER, position: record.firstPosition };
  });
  return listed
    .filter(({ listing }) => department === null || listing.department === department)
    .sort(
      (a, b) =>
        (a.listing.ownerType === b.listing.ownerType ? 0 : a.listing.ownerType === 'measure' ? -1 : 1) ||
        (a.listing.ownerType === 'measure' ? codeOrder(a.listing.ownerId, b.listing.ownerId) : a.ownerPosition - b.ownerPosition) ||
        a.position - b.position,
    )
    .map(({ listing }) => listing);
}

export interface YearValues {
  fiscalYear: number;
  target: CurrentValue | null;
  actual: CurrentValue | null;
  targetRevised: boolean;
  actualRevised: boolean;
}

/** Each indicator's fiscal years that have any value, ascending, at `asOf`. */
export function yearValues(db: Database, indicatorIds: readonly string[], asOf: AsOf): Map<string, YearValues[]> {
  const revisedTargets = revisedValues(db, indicatorIds, 'TARGET', asOf);
  const revisedActuals = revisedValues(db, indicatorIds, 'ACTUAL', asOf);
  const byIndicator = new Map<string, Map<number, YearValues>>();
  for (const value of valuesOf(db, indicatorIds, asOf)) {
    const years = byIndicator.get(value.indicatorId) ?? new Map<number, YearValues>();
    const key = `${value.indicatorId}:${value.fiscalYear}`;
    const year = years.get(value.fiscalYear) ?? {
      fiscalYear: value.fiscalYear,
      target: null,
      actual: null,
      targetRevised: revisedTargets.has(key),
      actualRevised: revisedActuals.has(key),
    };
    if (value.kind === 'TARGET') year.target = value;
    else year.actual = value;
    years.set(value.fiscalYear, year);
    byIndicator.set(value.indicatorId, years);
  }
  return new Map([...byIndicator].map(([id, years]) => [id, [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear)]));
}
