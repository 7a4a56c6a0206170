import type { Database } from 'better-sqlite3';
import { toCurrentVersion } from '../events/catalogue';
import type { EventStore, RecordedEvent } from '../src/store/event-store';
import { allProjections } from './all';
import type { Projection } from './projection';

const CHECKPOINT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rm_checkpoint (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS rm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
const CHECKPOINT = 'read-model';
const REBUILD_BATCH = 5000;

/**
 * Applies events to every read model and moves the checkpoint in the same transaction, so the read
 * model is always exactly "the log up to the checkpoint". Events at or below the checkpoint are
 * skipped, which makes delivery at-least-once safe.
 */
export class ProjectionRunner {
  private readonly appliers: Array<(event: RecordedEvent) => void>;
  private readonly readCheckpoint;
  private readonly writeCheckpoint;
  private readonly readFirstHash;
  private readonly writeFirstHash;

  constructor(
    readonly db: Database,
    private readonly projections: readonly Projection[] = allProjections,
  ) {
    db.exec(CHECKPOINT_SCHEMA);
    for (const projection of projections) db.exec(projection.schema);
    this.appliers = projections.map((p) => p.prepare(db));
    this.readCheckpoint = db.prepare<[string], number>('SELECT position FROM rm_checkpoint WHERE name = ?').pluck();
    this.readFirstHash = db.prepare<[], string>("SELECT value FROM rm_meta WHERE key = 'first-event-hash'").pluck();
    this.writeFirstHash = db.prepare("INSERT OR REPLACE INTO rm_meta (key, value) VALUES ('first-event-hash', ?)");
    this.writeCheckpoint = db.prepare(
      'INSERT INTO rm_checkpoint (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
  }

  checkpoint(): number {
    return this.readCheckpoint.get(CHECKPOINT) ?? 0;
  }

  /** Call inside a transaction (the append's own, for the embedded store). */
  apply(events: readonly RecordedEvent[]): void {
    let checkpoint = this.checkpoint();
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      if (event.position !== checkpoint + 1) {
        throw new Error(`read model at position ${checkpoint} cannot apply position ${event.position}: events are missing`);
      }
      if (event.position === 1) this.writeFirstHash.run(event.hash);
      const current = toCurrentVersion(event);
      for (const apply of this.appliers) apply(current);
      checkpoint = event.position;
    }
    this.writeCheckpoint.run(CHECKPOINT, checkpoint);
  }

  applyInTransaction(events: readonly RecordedEvent[]): void {
    this.db.transaction(() => this.apply(events))();
  }

  /**
   * A read model kept in its own file must have been built from this log: if the log's first event
   * differs from the one the read model saw (another store, a replaced log), it is rebuilt.
   */
  async ensureBuiltFrom(store: EventStore): Promise<void> {
    let first: RecordedEvent | undefined;
    for await (const event of store.readAll({ limit: 1 })) first = event;
    const seen = this.readFirstHash.get();
    if (this.checkpoint() > 0 && (first === undefined || seen !== first.hash)) await this.rebuild(store);
  }

  /** Brings the read model up to the head of the log, in batches. */
  async catchUp(store: EventStore): Promise<number> {
    let batch: RecordedEvent[] = [];
    for await (const event of store.readAll({ after: this.checkpoint() })) {
      batch.push(event);
      if (batch.length >= REBUILD_BATCH) {
        this.applyInTransaction(batch);
        batch = [];
      }
    }
    if (batch.length > 0) this.applyInTransaction(batch);
    return this.checkpoint();
  }

  /** Empties every read model and replays the whole log into it. */
  async rebuild(store: EventStore): Promise<number> {
    this.db.transaction(() => {
      for (const projection of this.projections) for (const table of projection.tables) this.db.exec(`DELETE FROM ${table}`);
      this.db.exec('DELETE FROM rm_meta');
      this.writeCheckpoint.run(CHECKPOINT, 0);
    })();
    return this.catchUp(store);
  }

  /** Every read-model table, for comparing a rebuild with the incremental result. */
  tableNames(): string[] {
    return this.projections.flatMap((p) => p.tables);
  }
}
