import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { toCurrentVersion } from '../events/catalogue';
import type { EventStore, RecordedEvent } from '../src/store/event-store';
import { readModelProjections, type LogPlacement } from './all';
import type { Applier, Projection } from './projection';

const CHECKPOINT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rm_checkpoint (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS rm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
const CHECKPOINT = 'read-model';
// Raise when what a projection writes changes without its DDL changing (its schema text is in the
// version already): read models written before are then rebuilt when a ledger opens them.
const PROJECTION_LOGIC_REVISION = 1;
const VERSION_KEY = 'read-model-version';
const REBUILDING_KEY = 'rebuild-started-at';
// Larger batches mean fewer commits (each one fsyncs); 20,000 events are a few tens of MB in memory.
const REBUILD_BATCH = 20_000;
// A replay reading the embedded log holds one page of events at a time, so its transactions can be
// larger than a batch held in memory: every commit writes each touched page of the keyed tables (current
// values, field statements) to the log again, a third of the replay's writes at 20,000 a transaction.
const REPLAY_TRANSACTION = 100_000;
// Each page is applied before the next is read, so its objects die in the young generation instead of
// being copied out of it, as those of a batch held whole are.
const REPLAY_PAGE = 1_000;

/**
 * What one commit of the read model changed: the ids `touches` names for the events from `from` (exclusive)
 * to `to`, or everything (a rebuild).
 */
export interface ReadModelChange {
  from: number;
  to: number;
  touched: ReadonlySet<string> | 'everything';
}

export type ReadModelChangeListener = (change: ReadModelChange) => void;

/** A log that hands over events without awaiting (the embedded store), so a replay reads inside its transactions. */
interface PagedLog {
  readPage(after: number, limit: number): RecordedEvent[];
}

function isPagedLog(store: EventStore): store is EventStore & PagedLog {
  return typeof (store as Partial<PagedLog>).readPage === 'function';
}

/**
 * Applies events to every read model and moves the checkpoint in the same transaction, so the read
 * model is always exactly "the log up to the checkpoint". Events at or below the checkpoint are
 * skipped, which makes delivery at-least-once safe.
 */
export class ProjectionRunner {
  private readonly appliers: Applier[];
  private readonly readCheckpoint;
  private readonly writeCheckpoint;
  private readonly readFirstHash;
  private readonly writeFirstHash;
  private readonly readMeta;
  private readonly writeMeta;
  private readonly projections: readonly Projection[];
  private readonly touching: readonly Projection[];
  private readonly changeListeners: ReadModelChangeListener[] = [];
  /** Why the read model had to be rebuilt when this runner opened it; null when it could be caught up. */
  readonly staleBecause: string | null;
  private stale: boolean;

  constructor(
    readonly db: Database,
    private readonly log: LogPlacement,
  ) {
    this.projections = readModelProjections(log);
    this.touching = this.projections.filter((p) => p.touches !== undefined);
    db.exec(CHECKPOINT_SCHEMA);
    this.readMeta = db.prepare<[string], string>('SELECT value FROM rm_meta WHERE key = ?').pluck();
    this.writeMeta = db.prepare<[string, string]>('INSERT OR REPLACE INTO rm_meta (key, value) VALUES (?, ?)');
    this.readCheckpoint = db.prepare<[string], number>('SELECT position FROM rm_checkpoint WHERE name = ?').pluck();
    const version = readModelVersion(this.projections);
    this.staleBecause = this.whyStale(version);
    this.stale = this.staleBecause !== null;
    db.transaction(() => {
      // Tables of another shape would survive CREATE TABLE IF NOT EXISTS: they go, and the rebuild fills the new ones.
      if (this.stale) this.dropReadModel();
      for (const projection of this.projections) db.exec(projection.schema);
      this.writeMeta.run(VERSION_KEY, version);
    })();
    this.appliers = this.projections.map((p) => p.prepare(db, 'live'));
    this.readFirstHash = db.prepare<[], string>("SELECT value FROM rm_meta WHERE key = 'first-event-hash'").pluck();
    this.writeFirstHash = db.prepare("INSERT OR REPLACE INTO rm_meta (key, value) VALUES ('first-event-hash', ?)");
    this.writeCheckpoint = db.prepare(
      'INSERT INTO rm_checkpoint (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
  }

  private whyStale(version: string): string | null {
    if (this.readMeta.get(REBUILDING_KEY) !== undefined) return 'its last rebuild did not finish';
    const written = this.readMeta.get(VERSION_KEY);
    if (written === version) return null;
    if (written !== undefined) return 'other projections wrote it (an earlier or later release)';
    return this.checkpoint() > 0 ? 'a release without read-model versions wrote it' : null;
  }

  /** Every read-model table and view (the rm_ prefix), and the checkpoint back to the start of the log. */
  private dropReadModel(): void {
    const objects = this.db
      .prepare<[], { type: string; name: string }>(
        `SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') AND name GLOB 'rm_*' AND name NOT IN ('rm_checkpoint', 'rm_meta')`,
      )
      .all();
    for (const { type, name } of objects) this.db.exec(`DROP ${type === 'view' ? 'VIEW' : 'TABLE'} "${name}"`);
    this.db.exec('DELETE FROM rm_checkpoint; DELETE FROM rm_meta');
  }

  /**
   * Brings the read model to the head of the log when a ledger opens it: rebuilt when it was written by
   * other projections or its last rebuild was cut short, rebuilt when it was built from another log (a
   * read model kept apart from it), caught up otherwise.
   */
  async open(store: EventStore): Promise<number> {
    if (this.stale) return this.rebuild(store);
    // A read model in the log's own database can only have been built from that log.
    if (this.log === 'elsewhere') await this.ensureBuiltFrom(store);
    return this.catchUp(store);
  }

  checkpoint(): number {
    return this.readCheckpoint.get(CHECKPOINT) ?? 0;
  }

  /**
   * Registers a listener told, inside the transaction, what each batch of live events changed, and
   * after a rebuild that everything did. Caches of the read model drop what it names: dropping early
   * is safe, and a batch that rolls back leaves the read model at a position they have not seen.
   */
  onChange(listener: ReadModelChangeListener): void {
    this.changeListeners.push(listener);
  }

  /** Call inside a transaction (the append's own, for the embedded store). */
  apply(events: readonly RecordedEvent[]): void {
    for (const applier of this.appliers) applier.forget?.();
    const touched = this.changeListeners.length > 0 ? new Set<string>() : null;
    const { from, to } = this.applyAfterCheckpoint(events, this.appliers, touched);
    if (touched) for (const listener of this.changeListeners) listener({ from, to, touched });
  }

  private applyAfterCheckpoint(
    events: readonly RecordedEvent[],
    appliers: readonly Applier[],
    touched: Set<string> | null = null,
  ): { from: number; to: number } {
    const from = this.checkpoint();
    let checkpoint = from;
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      if (event.position !== checkpoint + 1) {
        throw new Error(`read model at position ${checkpoint} cannot apply position ${event.position}: events are missing`);
      }
      if (event.position === 1) this.writeFirstHash.run(event.hash);
      const current = toCurrentVersion(event);
      for (const applier of appliers) applier.apply(current);
      if (touched) for (const projection of this.touching) for (const id of projection.touches?.(current) ?? []) touched.add(id);
      checkpoint = event.position;
    }
    for (const applier of appliers) applier.flush?.();
    this.writeCheckpoint.run(CHECKPOINT, checkpoint);
    return { from, to: checkpoint };
  }

  applyInTransaction(events: readonly RecordedEvent[]): void {
    this.db.transaction(() => this.apply(events))();
  }

  /**
   * A read model kept in its own file must have been built from this log: if the log's first event
   * differs from the one the read model saw (another store, a replaced log), it is rebuilt.
   */
  private async ensureBuiltFrom(store: EventStore): Promise<void> {
    let first: RecordedEvent | undefined;
    for await (const event of store.readAll({ limit: 1 })) first = event;
    const seen = this.readFirstHash.get();
    if (this.checkpoint() > 0 && (first === undefined || seen !== first.hash)) await this.rebuild(store);
  }

  /** Brings the read model up to the head of the log, in batches. */
  async catchUp(store: EventStore, apply: (events: readonly RecordedEvent[]) => void = (events) => this.applyInTransaction(events)): Promise<number> {
    let batch: RecordedEvent[] = [];
    for await (const event of store.readAll({ after: this.checkpoint() })) {
      batch.push(event);
      if (batch.length >= REBUILD_BATCH) {
        apply(batch);
        batch = [];
      }
    }
    if (batch.length > 0) apply(batch);
    return this.checkpoint();
  }

  /**
   * A replay transaction commits without waiting for the disk (synchronous=NORMAL: in WAL mode a power
   * cut may lose the last batches but never corrupts, and the checkpoint row travels with them, so the
   * next start catches up from there). Only for this synchronous stretch, so an append between two
   * batches still gets the connection's own durability.
   */
  private inReplayTransaction<T>(work: () => T): T {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.db.transaction(work)();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  /** Empties every read model and replays the whole log into it. */
  async rebuild(store: EventStore): Promise<number> {
    // Secondary indexes are dropped for the replay and built once at the end: sorting a finished table
    // is several times cheaper than keeping eight indexes ordered through millions of inserts. Should
    // the process die before the end, the next open sees the mark and rebuilds from the start.
    const indexes = this.secondaryIndexes();
    this.db.transaction(() => {
      for (const projection of this.projections) for (const table of projection.tables) this.db.exec(`DELETE FROM ${table}`);
      this.db.exec("DELETE FROM rm_meta WHERE key = 'first-event-hash'");
      this.writeMeta.run(REBUILDING_KEY, new Date().toISOString());
      for (const index of indexes) this.db.exec(`DROP INDEX IF EXISTS "${index.name}"`);
      this.writeCheckpoint.run(CHECKPOINT, 0);
    })();
    // No checkpoints while replaying: each would copy and fsync the batch just written; one at the end
    // copies every page once.
    const autoCheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma('wal_autocheckpoint = 0');
    try {
      const position = await this.replay(store);
      this.db.transaction(() => {
        for (const projection of this.projections) projection.afterReplay?.(this.db);
        for (const index of indexes) this.db.exec(index.sql);
        this.db.prepare('DELETE FROM rm_meta WHERE key = ?').run(REBUILDING_KEY);
      })();
      this.stale = false;
      return position;
    } finally {
      // Readers may have kept what they read from the emptied tables while the replay yielded.
      const to = this.checkpoint();
      for (const listener of this.changeListeners) listener({ from: 0, to, touched: 'everything' });
      // A replay that failed leaves its mark: the next open rebuilds, indexes and all.
      this.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }

  /**
   * Applies the log from the checkpoint on, with appliers of its own. What they remember of their tables
   * stays valid from one replay transaction to the next: nothing else can write them meanwhile.
   */
  private async replay(store: EventStore): Promise<number> {
    const appliers = this.projections.map((p) => p.prepare(this.db, 'replay'));
    if (!isPagedLog(store)) {
      return this.catchUp(store, (events) => this.inReplayTransaction(() => this.applyAfterCheckpoint(events, appliers)));
    }
    while (this.inReplayTransaction(() => this.applyPages(store, appliers, REPLAY_TRANSACTION))) {
      // Between transactions other work gets its turn, as it does between readAll's awaits.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.checkpoint();
  }

  /** Applies up to `count` events after the checkpoint; false once the log has no more. */
  private applyPages(log: PagedLog, appliers: readonly Applier[], count: number): boolean {
    for (let applied = 0; applied < count; ) {
      const page = log.readPage(this.checkpoint(), Math.min(REPLAY_PAGE, count - applied));
      if (page.length === 0) return false;
      this.applyAfterCheckpoint(page, appliers);
      applied += page.length;
    }
    return true;
  }

  /** The CREATE INDEX statements of the read-model tables (not the primary keys and UNIQUE constraints tables need). */
  private secondaryIndexes(): { name: string; sql: string }[] {
    const tables = this.tableNames();
    return this.db
      .prepare<[string], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(tables));
  }

  /** Every read-model table, for comparing a rebuild with the incremental result. */
  tableNames(): string[] {
    return this.projections.flatMap((p) => p.tables);
  }
}

/** Names the projections' tables and logic, so a read model written by other ones is recognised. */
function readModelVersion(projections: readonly Projection[]): string {
  const schemas = projections.map((p) => `${p.name}\n${p.schema}`).join('\n');
  return `${PROJECTION_LOGIC_REVISION}:${createHash('sha256').update(schemas).digest('hex').slice(0, 16)}`;
}
