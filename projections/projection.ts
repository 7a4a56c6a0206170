import type { Database } from 'better-sqlite3';
import type { CurrentEvent } from '../events/catalogue';
import type { RecordedEvent } from '../src/store/event-store';

/**
 * A recorded event as projections read it: typed, of its type's current version (toCurrentVersion),
 * with the municipality it belongs to (events/municipality-of.ts).
 */
export type ProjectedEvent = CurrentEvent<RecordedEvent & { municipality: string }>;

/** A read model: its tables, and how one event changes them. Runs inside the caller's transaction. */
export interface Projection {
  name: string;
  /**
   * Raise by one when its tables or what it writes into them change: read models written by the
   * version before are then rebuilt when a ledger opens them (read-model-version.ts).
   */
  version: number;
  /** Idempotent DDL. */
  schema: string;
  /** Tables it owns, emptied on rebuild. */
  tables: readonly string[];
  /**
   * Statements are prepared once, here. A replay's applier may leave out what `afterReplay` derives from
   * the tables it did fill: one sorted pass instead of an upsert per event.
   */
  prepare(db: Database, mode: ApplyMode): Applier;
  /** Ends a replay (before the secondary indexes are built), in its last transaction. */
  afterReplay?(db: Database): void;
  /**
   * Ids of the measures, projects and indicators whose rows an event (of the current version) changes:
   * a copy of the present held in memory (PresentCache) drops exactly those. A projection whose rows no
   * such copy holds leaves it out.
   */
  touches?(event: ProjectedEvent): readonly string[];
}

export type ApplyMode = 'live' | 'replay';

export interface Applier {
  /** Applies one (current-version) event. */
  apply(event: ProjectedEvent): void;
  /**
   * Drops what the applier remembers of its tables between events. Called whenever they may have
   * changed behind its back: before every transaction of live events (another process may have
   * written, an earlier transaction may have rolled back). A replay's applier is never told: nothing
   * else can write while it runs (appends fail on the checkpoint gap until it is done).
   */
  forget?(): void;
  /** Ends a batch of events, in its transaction: work kept for once per batch rather than once per event. */
  flush?(): void;
  /**
   * The projection's `touches` for an event it has just applied, when what the applier knows of its
   * tables changes the answer: an event of an indicator linked away changes the rows of the one it
   * continues as, which the event does not name.
   */
  touches?(event: ProjectedEvent): readonly string[];
}
