// The read side's one entry: the read model's queries bound to its database, where it stands (its
// checkpoint, and the position the response cache asks for), and the present held in memory. GraphQL,
// health, export and the CLI read through it; only the ledger writes (projections/runner.ts).
import type { Database } from 'better-sqlite3';
import { resolveAsOf, type AsOf } from '../../projections/queries/as-of';
import { auditPage, streamRevisionAt, type AuditFilter, type AuditWindow } from '../../projections/queries/audit-queries';
import { readModelCatalog } from '../../projections/queries/catalog-queries';
import {
  departmentMoves,
  editionEntityChanges,
  editionRevisions,
  type DepartmentMoveRow,
  type EditionEntityRow,
  type ValueRevisionRow,
} from '../../projections/queries/edition-changes';
import { editionRows, newestEdition, type EditionRow } from '../../projections/queries/edition-queries';
import { entityEditions, entityRecords, indicatorsOwned, type EntityRecord } from '../../projections/queries/entity-queries';
import { continuedAs, linkedFrom } from '../../projections/queries/link-queries';
import { directEditCount, editionCells, reportedIn, reportedValuesAsOf, statedByEdition, type StatedCellValue } from '../../projections/queries/edition-statements';
import { indicatorListing, yearValues, type IndicatorListing, type YearValues } from '../../projections/queries/export-queries';
import { yearValuesByMunicipality, type YearValueRow } from '../../projections/queries/municipality-totals';
import { PresentCache } from '../../projections/queries/present-cache';
import { PresentReads } from '../../projections/queries/present-reads';
import {
  revisedValues,
  valueStatements,
  valuesNow,
  valuesOf,
  type CurrentValue,
  type RevisionRow,
  type ValuesNow,
} from '../../projections/queries/value-queries';
import type { ValueKind } from '../../events/vocabulary';
import type { EntityType } from '../../projections/plan-entities';
import type { ProjectionRunner } from '../../projections/runner';
import { ReadModelPosition } from './read-model-position';

/** How stale the response cache's position may be for writes by another process (see ReadModelPosition). */
const POSITION_MAX_AGE_MS = 25;

/**
 * The whole present of the benchmark's million-event ledger takes about 92 MB. A national ledger's does
 * not fit, and need not: the budget keeps a server's memory flat, and what falls out is read from SQLite.
 */
export const DEFAULT_PRESENT_CACHE_BYTES = 128 * 1024 * 1024;

export interface ReadModelOptions {
  /** Memory for the present held in memory (PresentCache); 0 reads every question of now from SQLite. */
  presentCacheBytes?: number;
}

export class ReadModel {
  /** The read model's position, cheap enough to ask on every request (the response cache does). */
  readonly position: ReadModelPosition;
  /** The editions and the municipalities they name, as of a position: every root field asks for the latter. */
  private editionsAt: { position: number; rows: readonly EditionRow[]; municipalities: readonly string[] } | null = null;
  /** Reads of now through the present held in memory; null when it is switched off. */
  readonly present: PresentReads | null;

  constructor(
    private readonly db: Database,
    private readonly runner: ProjectionRunner,
    /** A server store's read model has a file of its own, closed with it; the embedded store's is the log's file. */
    private readonly ownsDatabase: boolean,
    options: ReadModelOptions = {},
  ) {
    this.position = new ReadModelPosition(() => this.checkpoint(), POSITION_MAX_AGE_MS);
    const budget = options.presentCacheBytes ?? DEFAULT_PRESENT_CACHE_BYTES;
    if (budget > 0) {
      const cache = new PresentCache(() => this.position.current(), budget);
      runner.onChange((change) => cache.changed(change));
      this.present = new PresentReads(db, cache);
    } else {
      this.present = null;
    }
  }

  /** The last log position applied. */
  checkpoint(): number {
    return this.runner.checkpoint();
  }

  /** Why the read model had to be rebuilt when the ledger opened it; null when it could be caught up. */
  get staleBecause(): string | null {
    return this.runner.staleBecause;
  }

  /** Every read-model table, for comparing two read models. */
  tableNames(): string[] {
    return this.runner.tableNames();
  }

  // At a point in time: what the point-in-time view (src/graphql) reads.

  resolveAsOf(at: { recordedAt?: Date | null; edition?: number | null } | null | undefined): AsOf {
    return resolveAsOf(this.db, at);
  }

  /** `ids` null: every entity of the type, of `municipality` (or of all, when it is null too). */
  entityRecords(type: EntityType, asOf: AsOf, ids: readonly string[] | null, municipality: string | null = null): Map<string, EntityRecord> {
    return entityRecords(this.db, type, asOf, ids, municipality);
  }

  entityEditions(ids: readonly string[], asOf: AsOf): Map<string, number[]> {
    return entityEditions(this.db, ids, asOf);
  }

  indicatorsOwned(ownerIds: readonly string[], asOf: AsOf): Map<string, string[]> {
    return indicatorsOwned(this.db, ownerIds, asOf);
  }

  /**
   * Links of indicators renamed away from to the ones they continue as. They merged each one's rows into
   * the other's at every point in time, so they are read as they stand now, whatever the view.
   */
  continuedAs(indicatorIds: readonly string[]): Map<string, string> {
    return continuedAs(this.db, indicatorIds);
  }

  linkedFrom(indicatorIds: readonly string[]): Map<string, string[]> {
    return linkedFrom(this.db, indicatorIds);
  }

  valuesNow(indicatorIds: readonly string[]): Map<string, ValuesNow> {
    return valuesNow(this.db, indicatorIds);
  }

  valuesOf(indicatorIds: readonly string[], asOf: AsOf): CurrentValue[] {
    return valuesOf(this.db, indicatorIds, asOf);
  }

  revisedValues(indicatorIds: readonly string[], kind: ValueKind, asOf: AsOf): Set<string> {
    return revisedValues(this.db, indicatorIds, kind, asOf);
  }

  valueStatements(indicatorId: string, fiscalYear: number, kind: ValueKind, position: number | null): RevisionRow[] {
    return valueStatements(this.db, indicatorId, fiscalYear, kind, position);
  }

  // The ledger as a whole, at its head.

  /**
   * The editions imported, read again only when the read model has moved: edition arguments are
   * checked against them on every request that names one, and a read of SQLite costs more than the
   * rest of a question the present in memory answers.
   */
  editions(): readonly EditionRow[] {
    return this.editionsNow().rows;
  }

  /** The codes of the municipalities whose editions the read model holds, in code order. */
  municipalities(): readonly string[] {
    return this.editionsNow().municipalities;
  }

  private editionsNow() {
    const position = this.position.current();
    if (this.editionsAt?.position !== position) {
      const rows = editionRows(this.db);
      // Rows come in code order, so the set keeps it.
      this.editionsAt = { position, rows, municipalities: [...new Set(rows.map((e) => e.municipality))] };
    }
    return this.editionsAt;
  }

  /** The newest edition of a municipality imported so far: its direct edits count as belonging to it. */
  newestEdition(municipality: string): number | null {
    return newestEdition(this.db, municipality);
  }

  /** The targets and actuals an edition stated differently from the statements current before it. */
  editionRevisions(municipality: string, edition: number): ValueRevisionRow[] {
    return editionRevisions(this.db, municipality, edition);
  }

  /** The indicators and projects an edition added, and those of the edition before it that it left out. */
  editionEntityChanges(municipality: string, edition: number): EditionEntityRow[] {
    return editionEntityChanges(this.db, municipality, edition);
  }

  /** The measures and projects whose department an edition stated differently. */
  departmentMoves(municipality: string, edition: number): DepartmentMoveRow[] {
    return departmentMoves(this.db, municipality, edition);
  }

  auditPage(filter: AuditFilter, window: AuditWindow) {
    return auditPage(this.db, filter, window);
  }

  /** A stream's revision at a past position of the log (the store answers for now). */
  streamRevisionAt(streamId: string, position: number): number {
    return streamRevisionAt(this.db, streamId, position);
  }

  /** The lookups an import into a municipality needs of what its earlier reports said. */
  catalog(municipality: string) {
    return readModelCatalog(this.db, municipality);
  }

  /** One fiscal year's values of every summed indicator, with its municipality (compareMunicipalities). */
  yearValuesByMunicipality(fiscalYear: number, asOf: AsOf, codes: readonly string[] | null): YearValueRow[] {
    return yearValuesByMunicipality(this.db, fiscalYear, asOf, codes);
  }

  // Analysts' tables (src/export).

  // What one edition stated, for `export --statements` (projections/queries/edition-statements.ts).

  reportedIn(municipality: string, edition: number, type: EntityType): string[] {
    return reportedIn(this.db, municipality, edition, type);
  }

  editionCells(municipality: string, edition: number): Map<string, string[] | null> {
    return editionCells(this.db, municipality, edition);
  }

  statedByEdition(municipality: string, edition: number): Map<string, string[]> {
    return statedByEdition(this.db, municipality, edition);
  }

  reportedValuesAsOf(municipality: string, edition: number): Map<string, StatedCellValue> {
    return reportedValuesAsOf(this.db, municipality, edition);
  }

  directEditCount(municipality: string): number {
    return directEditCount(this.db, municipality);
  }

  indicatorListing(asOf: AsOf, department: string | null, municipality: string | null = null): IndicatorListing[] {
    return indicatorListing(this.db, asOf, department, municipality);
  }

  yearValues(indicatorIds: readonly string[], asOf: AsOf): Map<string, YearValues[]> {
    return yearValues(this.db, indicatorIds, asOf);
  }

  /**
   * Tests and the benchmark only: raw SQL on the read model's database (dumps, counts, a corrupted
   * table). Nothing in src/ calls it; a question the code asks gets a method above.
   */
  databaseForTests(): Database {
    return this.db;
  }

  close(): void {
    if (this.ownsDatabase && this.db.open) this.db.close();
  }
}
