// The reads of "now" a request's loaders make, answered from the PresentCache where it holds the ids
// asked for, and otherwise from the read model: the missing ids in one query, kept for the next request.
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../plan-entities';
import { NOW } from './as-of';
import { entityDocuments, entityEditions, indicatorsOwned, type EntityRecord } from './entity-queries';
import { approximateBytes, type PresentCache, type PresentEntry } from './present-cache';
import type { ValueKind } from '../../events/vocabulary';
import { valueStatements, valuesNow, type RevisionRow, type ValuesNow } from './value-queries';

type Part<Name extends keyof PresentEntry> = Exclude<PresentEntry[Name], undefined>;

export class PresentReads {
  constructor(
    private readonly db: Database,
    private readonly cache: PresentCache,
  ) {}

  size(): { entries: number; bytes: number } {
    return this.cache.size();
  }

  /** Current records of the ids that name an entity of `type`. */
  entityRecords(type: EntityType, ids: readonly string[]): Map<string, EntityRecord> {
    const records = new Map<string, EntityRecord>();
    for (const [id, document] of this.through(ids, 'document', (missing) => entityDocuments(this.db, missing), null)) {
      if (document?.type === type) records.set(id, document.record);
    }
    return records;
  }

  entityEditions(ids: readonly string[]): Map<string, readonly number[]> {
    return this.through(ids, 'editions', (missing) => entityEditions(this.db, missing, NOW), []);
  }

  indicatorsOwned(ownerIds: readonly string[]): Map<string, readonly string[]> {
    return this.through(ownerIds, 'indicators', (missing) => indicatorsOwned(this.db, missing, NOW), []);
  }

  valuesNow(indicatorIds: readonly string[]): Map<string, ValuesNow | null> {
    return this.through(indicatorIds, 'values', (missing) => valuesNow(this.db, missing), null);
  }

  valueStatements(indicatorId: string, fiscalYear: number, kind: ValueKind): readonly RevisionRow[] {
    const kept = this.cache.get(indicatorId).statements;
    const key = `${fiscalYear}:${kind}`;
    const statements = kept?.get(key);
    if (statements) return statements;
    const read = valueStatements(this.db, indicatorId, fiscalYear, kind, null);
    // A new map: one already handed to a reader is never changed under it.
    this.cache.keep(indicatorId, 'statements', new Map(kept).set(key, read), approximateBytes(read));
    return read;
  }

  /** `part` of every id: kept ones from the cache, the others read in one go (`absent` where the read has none) and kept. */
  private through<Name extends keyof PresentEntry>(
    ids: readonly string[],
    part: Name,
    read: (missing: readonly string[]) => ReadonlyMap<string, Part<Name>>,
    absent: Part<Name>,
  ): Map<string, Part<Name>> {
    const found = new Map<string, Part<Name>>();
    const missing: string[] = [];
    for (const id of ids) {
      const kept = this.cache.get(id)[part];
      if (kept === undefined) missing.push(id);
      else found.set(id, kept as Part<Name>);
    }
    if (missing.length === 0) return found;
    const fresh = read(missing);
    for (const id of missing) {
      const value = fresh.get(id) ?? absent;
      this.cache.keep(id, part, value);
      found.set(id, value);
    }
    return found;
  }
}
