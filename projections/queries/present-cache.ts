// The present held in memory: what reads of "now" found in the read model, per measure, project or
// indicator, kept until the read model changes that id. Under load, a read of SQLite costs a seek and
// the decoding of every text it returns for each row, again and again for the same few documents; the
// present changes only when the log grows, and the projections name the ids each event changes
// (Projection.touches). So this is a read model in memory, exact at every position, not a cache of
// answers: the resolvers still run on every request.
//
// Bounded by bytes (least recently used go first): the whole present of a national ledger need not fit.
import { LRUCache } from 'lru-cache';
import type { EntityType } from '../plan-entities';
import type { ReadModelChange } from '../runner';
import type { EntityRecord } from './entity-queries';
import type { RevisionRow, ValuesNow } from './value-queries';

/** What is known of one id, each part filled by the first read that asks for it. Never mutated once kept. */
export interface PresentEntry {
  /** Its current fields, or null when no entity has the id. */
  document?: { type: EntityType; record: EntityRecord } | null;
  /** The fiscal years of the editions that reported it. */
  editions?: readonly number[];
  /** The indicators it owns (a measure or a project). */
  indicators?: readonly string[];
  /** Its values now (an indicator), or null when it has none. */
  values?: ValuesNow | null;
  /** Every statement of one value of it (an indicator), by `${fiscalYear}:${kind}`. */
  statements?: ReadonlyMap<string, readonly RevisionRow[]>;
}

/**
 * Rough bytes a value kept in memory takes in V8's heap, from its JSON's length: objects, arrays, numbers
 * and short strings cost several times their JSON. Calibrated on the benchmark's 1M-event ledger with
 * the present of every measure and project held: 92 MB estimated, 93 MB more heap after a full GC.
 */
export function approximateBytes(value: unknown): number {
  return 256 + 9 * (JSON.stringify(value)?.length ?? 0);
}

export class PresentCache {
  private readonly entries: LRUCache<string, { parts: PresentEntry; bytes: number }>;
  private validAt: number;

  /** `position` is the read model's position now (cheap to ask: see ReadModelPosition). */
  constructor(
    private readonly position: () => number,
    budgetBytes: number,
  ) {
    this.entries = new LRUCache({ maxSize: budgetBytes, sizeCalculation: (entry) => entry.bytes });
    this.validAt = position();
  }

  /** The parts kept for `id` (an empty object when none are), once the cache has caught up with the read model. */
  get(id: string): Readonly<PresentEntry> {
    this.syncWithPosition();
    return this.entries.get(id)?.parts ?? {};
  }

  /** Keeps one part of what is known of `id`; `bytes` is what the part adds to the entry's size. */
  keep<Part extends keyof PresentEntry>(id: string, part: Part, value: PresentEntry[Part], bytes = approximateBytes(value)): void {
    const entry = this.entries.peek(id) ?? { parts: {}, bytes: 0 };
    entry.parts[part] = value;
    entry.bytes += bytes;
    // Set again, so the cache accounts for the entry's new size (and may evict others for it).
    this.entries.set(id, entry);
  }

  /** A commit of the read model (ProjectionRunner.onChange). */
  changed(change: ReadModelChange): void {
    // A batch that does not follow what this cache saw (another process wrote, a batch rolled back) or a
    // rebuild: nothing kept can be trusted.
    if (change.touched === 'everything' || change.from !== this.validAt) this.entries.clear();
    else for (const id of change.touched) this.entries.delete(id);
    this.validAt = change.to;
  }

  /** Entries kept and their bytes, for the metrics and the benchmark. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /** Another process's commits reach this one only as a new position: drop everything then. */
  private syncWithPosition(): void {
    const position = this.position();
    if (position === this.validAt) return;
    this.entries.clear();
    this.validAt = position;
  }
}
