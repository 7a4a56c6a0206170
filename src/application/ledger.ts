// The ledger as the API and the CLI see it: an event store, the read model kept beside it, and the
// use cases that write to one and read from the other.
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../../projections/runner';
import { municipalityOf, type Tenancy } from '../../events/municipality-of';
import { streamPrefixOf } from '../domain/ids';
import { parseDocuments, type ParsedDocument, type ReportDocument } from '../importer/parse-documents';
import type { EventStore, RecordedEvent, Subscription } from '../store/event-store';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import type { MunicipalityStreams, Streams } from './decide-on-stream';
import { municipalityToActFor } from './municipality-scope';
import { tenancyOf } from './tenancy';
import { importReport } from './import/import-report';
import { LedgerVerifier, type LedgerVerdict } from './ledger-verifier';
import type { ImportOptions } from './import/import-options';
import type { ImportSummary } from './import/import-summary';
import { ReadModel, type ReadModelOptions } from './read-model';
import { linkIndicator, type LinkIndicatorInput, type LinkIndicatorResult } from './link-indicator';
import { recordValue, type RecordValueInput, type RecordValueResult } from './record-value';
import { StreamStateCache } from './stream-state-cache';
import { VerifiedHeadTable } from './verified-head-table';

export { DEFAULT_PRESENT_CACHE_BYTES } from './read-model';

export interface LedgerOptions extends ReadModelOptions {
  /** PLAN_LEDGER_MUNICIPALITY: whom events written before the ledger held several municipalities belong to. */
  legacyMunicipality?: string | null;
  /** PLAN_LEDGER_MUNICIPALITIES: the codes a server store's read model keeps; null or absent keeps all. */
  municipalities?: ReadonlySet<string> | null;
}

/** An import names its municipality (a code or name), unless the ledger holds exactly one. */
export type ImportIntoOptions = ImportOptions & { municipality?: string | null };

/** What callers may ask the log itself: its head, a stream's revision, the events appended from a position on. */
export type LogReads = Pick<EventStore, 'kind' | 'headPosition' | 'streamRevision' | 'subscribe'>;

export class Ledger {
  /** The log, for reading: appends go through the use cases below, which keep the read model in step. */
  readonly log: LogReads;
  /** What the use cases decide on: the store and, when this ledger sees all its commits, their folded streams. */
  private readonly streams: Streams;
  private feed: Subscription | null = null;
  private readonly verifier: LedgerVerifier;

  private constructor(
    private readonly store: EventStore,
    /** What every read goes through. */
    readonly readModel: ReadModel,
    private readonly projections: ProjectionRunner,
    private readonly ownsReadModel: boolean,
    /** The read model's database: it keeps the last verified head. */
    readModelDb: Database.Database,
    /** Whom the log's oldest events belong to (see tenancy.ts). */
    private readonly tenancy: Tenancy,
    /** Folded states of recently decided streams, kept current by the commits this ledger sees. */
    readonly streamStates: StreamStateCache | null = null,
  ) {
    this.log = store;
    this.streams = { store, states: streamStates };
    this.verifier = new LedgerVerifier(store, new VerifiedHeadTable(readModelDb));
  }

  /** Embedded: projections commit inside each append's transaction, so reads see writes at once. */
  static async embedded(store: SqliteEventStore, options: LedgerOptions = {}): Promise<Ledger> {
    const tenancy = await tenancyOf(store, options.legacyMunicipality);
    const projections = new ProjectionRunner(store.db, 'same-database', { tenancy, only: null });
    await projections.open(store);
    store.addInlineProjector((events) => projections.apply(events));
    // Every append goes through this store: its commits keep the folded-stream cache current.
    const states = new StreamStateCache();
    const ledger = new Ledger(store, new ReadModel(store.db, projections, false, options), projections, false, store.db, tenancy, states);
    store.onCommitted((events) => {
      states.observe(events);
      ledger.readModel.position.changed();
    });
    return ledger;
  }

  /**
   * A server store feeds a local read model through a catch-up subscription with a checkpoint, so a
   * restart resumes where it stopped. `follow: false` only catches up once (for one-shot CLI commands).
   */
  static async withReadModel(store: EventStore, readModelPath: string, options: LedgerOptions & { follow?: boolean } = {}): Promise<Ledger> {
    const tenancy = await tenancyOf(store, options.legacyMunicipality);
    const db = new Database(readModelPath);
    db.pragma('journal_mode = WAL');
    const projections = new ProjectionRunner(db, 'elsewhere', { tenancy, only: options.municipalities ?? null });
    await projections.open(store);
    const ledger = new Ledger(store, new ReadModel(db, projections, true, options), projections, true, db, tenancy);
    if (options.follow !== false) {
      ledger.feed = store.subscribe(projections.checkpoint(), (event) => {
        projections.applyInTransaction([event]);
        ledger.readModel.position.changed();
      });
    }
    return ledger;
  }

  /** Read-your-writes for a server store: resolves once the read model has reached `position`. */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.feed === null && this.ownsReadModel) await this.catchUp();
    const deadline = Date.now() + timeoutMs;
    while (this.projections.checkpoint() < position) {
      if (Date.now() > deadline) throw new Error(`read model did not reach position ${position} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The municipality an event of this ledger's log belongs to (see events/municipality-of.ts). */
  municipalityOf(event: RecordedEvent): string {
    return municipalityOf(event, this.tenancy);
  }

  /** The code of the municipality a write names (code or name), or of the only one the ledger holds. */
  municipalityToActFor(named: string | null | undefined, field = 'municipality'): string {
    return municipalityToActFor(named, this.readModel.municipalities(), field);
  }

  /** The store's name of a municipality's stream as the domain names it (indicator-5-1-1/NPO法人数). */
  streamIdOf(municipality: string, localStreamId: string): string {
    return streamPrefixOf(municipality, this.tenancy.legacy) + localStreamId;
  }

  /** What a use case decides on for one municipality: its streams, named as the store names them. */
  private streamsOf(municipality: string): MunicipalityStreams {
    return { ...this.streams, municipality, prefix: streamPrefixOf(municipality, this.tenancy.legacy) };
  }

  /** One report: its text, or the documents of one edition imported together as one append. */
  async importReport(input: string | readonly ReportDocument[], options: ImportIntoOptions): Promise<ImportSummary> {
    // Async, so a report that cannot be read is a rejection, as every failure of an import is.
    return this.importParsedReport(parseDocuments(input, options.file), options);
  }

  /** One report its caller has parsed already (parseDocuments), say to group files by edition first. */
  async importParsedReport(parts: readonly ParsedDocument[], options: ImportIntoOptions): Promise<ImportSummary> {
    // The read model finds what the report may have left out (the importer's catalog): let it reach the head first.
    await this.waitForPosition(await this.store.headPosition());
    const municipality = this.municipalityToActFor(options.municipality);
    const summary = await importReport(this.streamsOf(municipality), parts, { catalog: this.readModel.catalog(municipality), ...options });
    await this.waitForPosition(summary.position);
    return summary;
  }

  /** A direct edit of one value of `municipality`'s indicator (`input.indicatorId` as it names it: 5-1-1/NPO法人数). */
  async recordValue(municipality: string, input: RecordValueInput, actor: string): Promise<RecordValueResult> {
    const effectiveEdition = this.readModel.newestEdition(municipality) ?? input.fiscalYear;
    const result = await recordValue(this.streamsOf(municipality), input, { actor, effectiveEdition });
    await this.waitForPosition(result.position);
    return result;
  }

  /**
   * Links `municipality`'s indicator renamed away from (`input.from`, as it names it) to the one it
   * continues as (`input.to`): one event, made by a person, never by an import.
   */
  async linkIndicator(municipality: string, input: LinkIndicatorInput, actor: string): Promise<LinkIndicatorResult> {
    const result = await linkIndicator(this.streamsOf(municipality), input, { actor });
    await this.waitForPosition(result.position);
    return result;
  }

  /**
   * Walks the hash chain in a worker thread: what was appended since the head verified last, or with
   * `full` the whole log; either way the kept head must still match the log. One walk at a time.
   */
  verify(options: { full?: boolean } = {}): Promise<LedgerVerdict> {
    return this.verifier.verify(options.full === true);
  }

  /** Applies what the log holds past the read model's checkpoint (written by another process, say). */
  async catchUp(): Promise<number> {
    try {
      return await this.projections.catchUp(this.store);
    } finally {
      this.readModel.position.changed();
    }
  }

  async rebuild(): Promise<number> {
    try {
      return await this.projections.rebuild(this.store);
    } finally {
      this.readModel.position.changed();
    }
  }

  async close(): Promise<void> {
    await this.verifier.close();
    await this.feed?.close();
    this.readModel.close();
    await this.store.close();
  }
}
