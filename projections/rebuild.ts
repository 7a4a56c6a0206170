// A rebuild: every read-model table emptied and the whole log replayed into it, tuned for speed (large
// transactions, no per-commit fsync or WAL checkpoint, secondary indexes built once at the end).
import type { Database } from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '../src/store/event-store';
import type { ReadModelState } from './read-model-state';
import type { Applier, Projection } from './projection';

// A replay reading the embedded log holds one page of events at a time, so its transactions can be
// larger than a batch held in memory: every commit writes each touched page of the keyed tables (current
// values, field statements) to the log again, a third of the replay's writes at 20,000 a transaction.
const REPLAY_TRANSACTION = 100_000;
// Each page is applied before the next is read, so its objects die in the young generation instead of
// being copied out of it, as those of a batch held whole are.
const REPLAY_PAGE = 1_000;

/** What a rebuild needs of the runner that owns the read model. */
export interface ReplayTarget {
  readonly state: ReadModelState;
  readonly projections: readonly Projection[];
  /** Applies the events after the checkpoint with these appliers and moves it, in the caller's transaction. */
  applyAfterCheckpoint(events: readonly RecordedEvent[], appliers: readonly Applier[]): unknown;
  /** Brings the read model to the head of the log in batches, each applied by `apply`. */
  catchUp(store: EventStore, apply: (events: readonly RecordedEvent[]) => void): Promise<number>;
}

/** A log that hands over events without awaiting (the embedded store), so a replay reads inside its transactions. */
interface PagedLog {
  readPage(after: number, limit: number): RecordedEvent[];
}

function isPagedLog(store: EventStore): store is EventStore & PagedLog {
  return typeof (store as Partial<PagedLog>).readPage === 'function';
}

/** Empties every read-model table and replays the whole log into it; returns the checkpoint reached. */
export async function rebuildReadModel(target: ReplayTarget, store: EventStore): Promise<number> {
  const { state, projections } = target;
  const { db } = state;
  // Secondary indexes are dropped for the replay and built once at the end: sorting a finished table
  // is several times cheaper than keeping eight indexes ordered through millions of inserts. Should
  // the process die before the end, the next open sees the mark and rebuilds from the start.
  const indexes = secondaryIndexes(db, projections);
  db.transaction(() => {
    for (const projection of projections) for (const table of projection.tables) db.exec(`DELETE FROM ${table}`);
    state.deleteMetaKey('first-event-hash');
    state.setMeta('rebuild-started-at', new Date().toISOString());
    for (const index of indexes) db.exec(`DROP INDEX IF EXISTS "${index.name}"`);
    state.moveTo(0);
  })();
  // No checkpoints while replaying: each would copy and fsync the batch just written; one at the end
  // copies every page once.
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    const position = await replay(target, store);
    db.transaction(() => {
      for (const projection of projections) projection.afterReplay?.(db);
      for (const index of indexes) db.exec(index.sql);
      state.deleteMetaKey('rebuild-started-at');
    })();
    return position;
  } finally {
    // A replay that failed leaves its mark: the next open rebuilds, indexes and all.
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/**
 * A replay transaction commits without waiting for the disk (synchronous=NORMAL: in WAL mode a power
 * cut may lose the last batches but never corrupts, and the checkpoint row travels with them, so the
 * next start catches up from there). Only for this synchronous stretch, so an append between two
 * batches still gets the connection's own durability.
 */
function inReplayTransaction<T>(db: Database, work: () => T): T {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}

/**
 * Applies the log from the checkpoint on, with appliers of its own. What they remember of their tables
 * stays valid from one replay transaction to the next: nothing else can write them meanwhile.
 */
async function replay(target: ReplayTarget, store: EventStore): Promise<number> {
  const { db } = target.state;
  const appliers = target.projections.map((p) => p.prepare(db, 'replay'));
  if (!isPagedLog(store)) {
    return target.catchUp(store, (events) => inReplayTransaction(db, () => target.applyAfterCheckpoint(events, appliers)));
  }
  while (inReplayTransaction(db, () => applyPages(target, store, appliers, REPLAY_TRANSACTION))) {
    // Between transactions other work gets its turn, as it does between readAll's awaits.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return target.state.position();
}

/** Applies up to `count` events after the checkpoint; false once the log has no more. */
function applyPages(target: ReplayTarget, log: PagedLog, appliers: readonly Applier[], count: number): boolean {
  for (let applied = 0; applied < count; ) {
    const page = log.readPage(target.state.position(), Math.min(REPLAY_PAGE, count - applied));
    if (page.length === 0) return false;
    target.applyAfterCheckpoint(page, appliers);
    applied += page.length;
  }
  return true;
}

/** The CREATE INDEX statements of the read-model tables (not the primary keys and UNIQUE constraints tables need). */
function secondaryIndexes(db: Database, projections: readonly Projection[]): { name: string; sql: string }[] {
  const tables = projections.flatMap((p) => p.tables);
  return db
    .prepare<[string], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables));
}
