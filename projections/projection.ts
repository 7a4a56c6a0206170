import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../src/store/event-store';

/** A read model: its tables, and how one event changes them. Runs inside the caller's transaction. */
export interface Projection {
  name: string;
  /** Idempotent DDL. */
  schema: string;
  /** Tables it owns, emptied on rebuild. */
  tables: readonly string[];
  /** Returns a function applying one (current-version) event; statements are prepared once. */
  prepare(db: Database): (event: RecordedEvent) => void;
}
