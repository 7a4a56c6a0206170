import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../src/store/event-store';

/** A read model: its tables, and how one event changes them. Runs inside the caller's transaction. */
export interface Projection {
  name: string;
  /** Idempotent DDL. */
  schema: string;
  /** Tables it owns, emptied on rebuild. */
  tables: readonly string[];
  /** Statements are prepared once, here. */
  prepare(db: Database): Applier;
}

export interface Applier {
  /** Applies one (current-version) event. */
  apply(event: RecordedEvent): void;
  /**
   * Drops what the applier remembers of its tables between events. Called whenever they may have
   * changed behind its back: before every transaction of live events (another process may have
   * written, an earlier transaction may have rolled back), but only once per replay, which nothing
   * else can write to (appends fail on the checkpoint gap until it is done).
   */
  forget?(): void;
}
