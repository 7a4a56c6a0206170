// Analysts' tables: indicator values by fiscal year, and two fiscal years side by side. Rows are plain
// records keyed by column name; src/export/csv.ts writes them. Everything is read through
// the read model's queries at one point in time (now, or as published up to an edition).
import type { AsOf } from '../../projections/queries/as-of';
import type { IndicatorListing, YearValues } from '../../projections/queries/export-queries';
import { achievementRate } from '../domain/achievement';
import type { Direction, IndicatorKind } from '../../events/vocabulary';
import { fiscalYearLabel } from '../domain/fiscal-year';

/** The read model's reads an export makes (src/application/read-model.ts). */
export interface ExportReads {
  indicatorListing(asOf: AsOf, department: string | null, municipality: string | null): IndicatorListing[];
  yearValues(indicatorIds: readonly string[], asOf: AsOf): Map<string, YearValues[]>;
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ExportFilter {
  asOf: AsOf;
  department?: string | null;
  /** One municipality's code; null or absent: every one. */
  municipality?: string | null;
}

const OWNER_COLUMNS = ['municipality', 'indicator_id', 'indicator', 'kind', 'unit', 'direction', 'owner_type', 'owner_id', 'owner', 'department', 'measures'] as const;

export const VALUE_COLUMNS: readonly string[] = [
  ...OWNER_COLUMNS,
  'fiscal_year',
  'fiscal_year_label',
  'target',
  'target_text',
  'actual',
  'actual_text',
  'achievement_rate',
  'target_revised',
  'actual_revised',
  'target_edition',
  'actual_edition',
  'reported_editions',
];

export const COMPARISON_COLUMNS: readonly string[] = [
  ...OWNER_COLUMNS,
  'base_year',
  'compare_year',
  'base_target',
  'base_actual',
  'base_achievement_rate',
  'base_target_revised',
  'compare_target',
  'compare_actual',
  'compare_achievement_rate',
  'compare_target_revised',
  'target_delta',
  'actual_delta',
];

/** Kinds with numbers to compare (as compareFiscalYears): goal states are sentences. */
const COMPARED = new Set(['OUTCOME', 'ACTIVITY', 'COST', 'STAFFING']);

/** Floating-point noise off: 18.6 - 18.4 is 0.2, not 0.20000000000000284. */
const tidy = (n: number | null, decimals: number): number | null => (n === null ? null : Number(n.toFixed(decimals)));

function ownerCells(listing: IndicatorListing): Row {
  return {
    municipality: listing.municipality,
    indicator_id: listing.id,
    indicator: listing.name,
    kind: listing.kind,
    unit: listing.unit,
    direction: listing.direction,
    owner_type: listing.ownerType,
    owner_id: listing.ownerId,
    owner: listing.ownerName,
    department: listing.department,
    measures: listing.measureCodes.join(' '),
  };
}

function rateOf(listing: IndicatorListing, year: YearValues | undefined): number | null {
  const rate = achievementRate(
    listing.kind as IndicatorKind,
    listing.direction as Direction,
    year?.target?.value ?? null,
    year?.actual?.value ?? null,
  );
  return tidy(rate, 6);
}

/** One row per indicator and fiscal year that has any value. */
export function indicatorValueRows(reads: ExportReads, filter: ExportFilter): Row[] {
  const listings = reads.indicatorListing(filter.asOf, filter.department ?? null, filter.municipality ?? null);
  const years = reads.yearValues(listings.map((l) => l.id), filter.asOf);
  return listings.flatMap((listing) =>
    (years.get(listing.id) ?? []).map(
      (year): Row => ({
        ...ownerCells(listing),
        fiscal_year: year.fiscalYear,
        fiscal_year_label: fiscalYearLabel(year.fiscalYear),
        target: year.target?.value ?? null,
        target_text: year.target?.text ?? null,
        actual: year.actual?.value ?? null,
        actual_text: year.actual?.text ?? null,
        achievement_rate: rateOf(listing, year),
        target_revised: year.targetRevised,
        actual_revised: year.actualRevised,
        target_edition: year.target?.effectiveEdition ?? null,
        actual_edition: year.actual?.effectiveEdition ?? null,
        reported_editions: listing.editions.join(' '),
      }),
    ),
  );
}

const difference = (base: number | null | undefined, compare: number | null | undefined): number | null =>
  base === null || base === undefined || compare === null || compare === undefined ? null : tidy(compare - base, 10);

/** One row per OUTCOME, ACTIVITY, COST and STAFFING indicator: the two years side by side. */
export function comparisonRows(reads: ExportReads, base: number, compare: number, filter: ExportFilter): Row[] {
  const listings = reads.indicatorListing(filter.asOf, filter.department ?? null, filter.municipality ?? null).filter((l) => COMPARED.has(l.kind));
  const years = reads.yearValues(listings.map((l) => l.id), filter.asOf);
  return listings.map((listing): Row => {
    const own = years.get(listing.id) ?? [];
    const b = own.find((y) => y.fiscalYear === base);
    const c = own.find((y) => y.fiscalYear === compare);
    return {
      ...ownerCells(listing),
      base_year: base,
      compare_year: compare,
      base_target: b?.target?.value ?? null,
      base_actual: b?.actual?.value ?? null,
      base_achievement_rate: rateOf(listing, b),
      base_target_revised: b?.targetRevised ?? false,
      compare_target: c?.target?.value ?? null,
      compare_actual: c?.actual?.value ?? null,
      compare_achievement_rate: rateOf(listing, c),
      compare_target_revised: c?.targetRevised ?? false,
      target_delta: difference(b?.target?.value, c?.target?.value),
      actual_delta: difference(b?.actual?.value, c?.actual?.value),
    };
  });
}
