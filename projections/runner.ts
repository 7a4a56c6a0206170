// Live apply and catch-up: events reach every projection and move the checkpoint in one transaction.
import type { Database } from 'better-sqlite3';
import { toCurrentVersion } from '../events/catalogue';
import { municipalityOf, NO_LEGACY, type Tenancy } from '../events/municipality-of';
import type { EventStore, RecordedEvent } from '../src/store/event-store';
import { readModelProjections, type LogPlacement } from './all';
import { ReadModelState } from './read-model-state';
import type { Applier, ProjectedEvent, Projection } from './projection';
import { openReadModelTables } from './read-model-version';
import { rebuildReadModel, type ReplayTarget } from './rebuild';

// Larger batches mean fewer commits (each one fsyncs); 20,000 events are a few tens of MB in memory.
const CATCH_UP_BATCH = 20_000;

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

/** Which events this read model keeps, and whom the oldest belong to. */
export interface ReadScope {
  /** The municipality of events written before the ledger held several (PLAN_LEDGER_MUNICIPALITY). */
  tenancy: Tenancy;
  /**
   * The municipalities kept (PLAN_LEDGER_MUNICIPALITIES), so a prefecture's node serves its own cities
   * from a national log; null keeps every one. Events of others move the checkpoint and nothing else.
   */
  only: ReadonlySet<string> | null;
}

export const EVERY_MUNICIPALITY: ReadScope = { tenancy: NO_LEGACY, only: null };

/**
 * Applies events to every read model and moves the checkpoint in the same transaction, so the read
 * model is always exactly "the log up to the checkpoint". Events at or below the checkpoint are
 * skipped, which makes delivery at-least-once safe.
 */
export class ProjectionRunner implements ReplayTarget {
  readonly state: ReadModelState;
  readonly projections: readonly Projection[];
  private readonly appliers: Applier[];
  /** The projections that name what an event changes, each with its live applier (which may know better). */
  private readonly touching: readonly { projection: Projection; applier: Applier }[];
  private readonly changeListeners: ReadModelChangeListener[] = [];
  /** Why the read model had to be rebuilt when this runner opened it; null when it could be caught up. */
  readonly staleBecause: string | null;
  private stale: boolean;

  constructor(
    readonly db: Database,
    private readonly log: LogPlacement,
    private readonly scope: ReadScope = EVERY_MUNICIPALITY,
  ) {
    this.projections = readModelProjections(log);
    this.state = new ReadModelState(db);
    this.staleBecause = openReadModelTables(this.state, this.projections, log, scope.only);
    this.stale = this.staleBecause !== null;
    this.appliers = this.projections.map((p) => p.prepare(db, 'live'));
    this.touching = this.projections.flatMap((projection, i) => {
      const applier = this.appliers[i];
      return projection.touches !== undefined && applier !== undefined ? [{ projection, applier }] : [];
    });
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
    return this.state.position();
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

  applyAfterCheckpoint(events: readonly RecordedEvent[], appliers: readonly Applier[], touched: Set<string> | null = null): { from: number; to: number } {
    const from = this.state.position();
    let checkpoint = from;
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      if (event.position !== checkpoint + 1) {
        throw new Error(`read model at position ${checkpoint} cannot apply position ${event.position}: events are missing`);
      }
      if (event.position === 1) this.state.setFirstEventHash(event.hash);
      const current: ProjectedEvent = toCurrentVersion({ ...event, municipality: municipalityOf(event, this.scope.tenancy) });
      if (this.scope.only !== null && !this.scope.only.has(current.municipality)) {
        checkpoint = event.position;
        continue;
      }
      for (const applier of appliers) applier.apply(current);
      if (touched) {
        for (const { projection, applier } of this.touching) {
          for (const id of applier.touches?.(current) ?? projection.touches?.(current) ?? []) touched.add(id);
        }
      }
      checkpoint = event.position;
    }
    for (const applier of appliers) applier.flush?.();
    this.state.moveTo(checkpoint);
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
    const seen = this.state.firstEventHash();
    if (this.state.position() > 0 && (first === undefined || seen !== first.hash)) await this.rebuild(store);
  }

  /** Brings the read model up to the head of the log, in batches. */
  async catchUp(store: EventStore, apply: (events: readonly RecordedEvent[]) => void = (events) => this.applyInTransaction(events)): Promise<number> {
    let batch: RecordedEvent[] = [];
    for await (const event of store.readAll({ after: this.state.position() })) {
      batch.push(event);
      if (batch.length >= CATCH_UP_BATCH) {
        apply(batch);
        batch = [];
      }
    }
    if (batch.length > 0) apply(batch);
    return this.state.position();
  }

  /** Empties every read model and replays the whole log into it (see rebuild.ts). */
  async rebuild(store: EventStore): Promise<number> {
    try {
      const position = await rebuildReadModel(this, store);
      this.stale = false;
      return position;
    } finally {
      // Readers may have kept what they read from the emptied tables while the replay yielded.
      const to = this.state.position();
      for (const listener of this.changeListeners) listener({ from: 0, to, touched: 'everything' });
    }
  }

  /** Every read-model table, for comparing a rebuild with the incremental result. */
  tableNames(): string[] {
    return this.projections.flatMap((p) => p.tables);
  }
}
