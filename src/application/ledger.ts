// The ledger as the API and the CLI see it: an event store, the read model kept beside it, and the
// use cases that write to one and read from the other.
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../../projections/runner';
import { readModelCatalog } from '../../projections/queries/catalog-queries';
import { newestEdition } from '../../projections/queries/edition-queries';
import { PresentCache } from '../../projections/queries/present-cache';
import { PresentReads } from '../../projections/queries/present-reads';
import { parseDocuments, type ParsedDocument, type ReportDocument } from '../importer/parse-documents';
import type { EventStore, Subscription } from '../store/event-store';
import { verifyChain, type ChainVerdict } from '../store/hash-chain';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import type { Streams } from './decide-on-stream';
import { importReport } from './import/import-report';
import type { ImportOptions } from './import/import-options';
import type { ImportSummary } from './import/import-summary';
import { ReadModelPosition } from './read-model-position';
import { recordValue, type RecordValueInput, type RecordValueResult } from './record-value';
import { StreamStateCache } from './stream-state-cache';

/** How stale the response cache's position may be for writes by another process (see ReadModelPosition). */
const POSITION_MAX_AGE_MS = 25;

export interface LedgerOptions {
  /** Memory for the present held in memory (PresentCache); 0 reads every question of now from SQLite. */
  presentCacheBytes?: number;
}

/**
 * The whole present of the benchmark's million-event ledger takes about 92 MB. A national ledger's does
 * not fit, and need not: the budget keeps a server's memory flat, and what falls out is read from SQLite.
 */
export const DEFAULT_PRESENT_CACHE_BYTES = 128 * 1024 * 1024;

export class Ledger {
  /** The read model's position, cheap enough to ask on every request (the response cache does). */
  readonly position: ReadModelPosition;
  /** Reads of now through the present held in memory; null when it is switched off. */
  readonly present: PresentReads | null;
  /** What the use cases decide on: the store and, when this ledger sees all its commits, their folded streams. */
  private readonly streams: Streams;
  private feed: Subscription | null = null;

  private constructor(
    readonly store: EventStore,
    /** The read model's database (the store's own file for the embedded store). */
    readonly db: Database.Database,
    readonly projections: ProjectionRunner,
    private readonly ownsReadModel: boolean,
    options: LedgerOptions,
    /** Folded states of recently decided streams, kept current by the commits this ledger sees. */
    readonly streamStates: StreamStateCache | null = null,
  ) {
    this.streams = { store, states: streamStates };
    this.position = new ReadModelPosition(() => projections.checkpoint(), POSITION_MAX_AGE_MS);
    const budget = options.presentCacheBytes ?? DEFAULT_PRESENT_CACHE_BYTES;
    if (budget > 0) {
      const cache = new PresentCache(() => this.position.current(), budget);
      projections.onChange((change) => cache.changed(change));
      this.present = new PresentReads(db, cache);
    } else {
      this.present = null;
    }
  }

  /** Embedded: projections commit inside each append's transaction, so reads see writes at once. */
  static async embedded(store: SqliteEventStore, options: LedgerOptions = {}): Promise<Ledger> {
    const projections = new ProjectionRunner(store.db, 'same-database');
    await projections.open(store);
    store.addInlineProjector((events) => projections.apply(events));
    // Every append goes through this store: its commits keep the folded-stream cache current.
    const states = new StreamStateCache();
    const ledger = new Ledger(store, store.db, projections, false, options, states);
    store.onCommitted((events) => {
      states.observe(events);
      ledger.position.changed();
    });
    return ledger;
  }

  /**
   * A server store feeds a local read model through a catch-up subscription with a checkpoint, so a
   * restart resumes where it stopped. `follow: false` only catches up once (for one-shot CLI commands).
   */
  static async withReadModel(store: EventStore, readModelPath: string, options: LedgerOptions & { follow?: boolean } = {}): Promise<Ledger> {
    const db = new Database(readModelPath);
    db.pragma('journal_mode = WAL');
    const projections = new ProjectionRunner(db, 'elsewhere');
    await projections.open(store);
    const ledger = new Ledger(store, db, projections, true, options);
    if (options.follow !== false) {
      ledger.feed = store.subscribe(projections.checkpoint(), (event) => {
        projections.applyInTransaction([event]);
        ledger.position.changed();
      });
    }
    return ledger;
  }

  /** Read-your-writes for a server store: resolves once the read model has reached `position`. */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.feed === null && this.ownsReadModel) {
      await this.projections.catchUp(this.store);
      this.position.changed();
    }
    const deadline = Date.now() + timeoutMs;
    while (this.projections.checkpoint() < position) {
      if (Date.now() > deadline) throw new Error(`read model did not reach position ${position} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** One report: its text, or the documents of one edition imported together as one append. */
  async importReport(input: string | readonly ReportDocument[], options: ImportOptions): Promise<ImportSummary> {
    // Async, so a report that cannot be read is a rejection, as every failure of an import is.
    return this.importParsedReport(parseDocuments(input, options.file), options);
  }

  /** One report its caller has parsed already (parseDocuments), say to group files by edition first. */
  async importParsedReport(parts: readonly ParsedDocument[], options: ImportOptions): Promise<ImportSummary> {
    // The read model finds what the report may have left out (the importer's catalog): let it reach the head first.
    await this.waitForPosition(await this.store.headPosition());
    const summary = await importReport(this.streams, parts, { catalog: readModelCatalog(this.db), ...options });
    await this.waitForPosition(summary.position);
    return summary;
  }

  async recordValue(input: RecordValueInput, actor: string): Promise<RecordValueResult> {
    const effectiveEdition = newestEdition(this.db) ?? input.fiscalYear;
    const result = await recordValue(this.streams, input, { actor, effectiveEdition });
    await this.waitForPosition(result.position);
    return result;
  }

  verify(): Promise<ChainVerdict> {
    return verifyChain(this.store.readAll());
  }

  async rebuild(): Promise<number> {
    try {
      return await this.projections.rebuild(this.store);
    } finally {
      this.position.changed();
    }
  }

  async close(): Promise<void> {
    await this.feed?.close();
    if (this.ownsReadModel && this.db.open) this.db.close();
    await this.store.close();
  }
}
