import { KurrentDBClient, START, type AllStreamResolvedEvent, type ReadPosition } from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
  Subscription,
} from '../event-store';
import { OpenSubscriptions } from '../open-subscriptions';
import { LedgerAppender } from './kurrentdb-append';
import type { KurrentGateway } from './kurrentdb-gateway';
import { followLedger } from './kurrentdb-subscription';
import { readLedgerEvent, readMarker } from './ledger-records';
import { LedgerSequencer } from './ledger-sequencer';
import { LedgerStreams } from './ledger-streams';
import { allRecords, lastRecord, recordAt } from './stream-reads';

export const DEFAULT_KURRENTDB_NAMESPACE = 'planledger';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://…` (or the deprecated `esdb://…`); ignored when `gateway` is given. */
  connectionString?: string;
  /** A client (or a stand-in) to use instead of connecting; the store disposes it on close. */
  gateway?: KurrentGateway;
  /** Each namespace holds one independent ledger; see LedgerStreams for the stream names. */
  namespace?: string;
  clock?: () => Date;
}

/**
 * The ledger in KurrentDB (25.1 or later, for multiStreamAppend). KurrentDB keeps the events, their
 * streams and $all; the ledger's dense 1-based positions and its hash chain are kept by the adapter
 * on top, as described in LedgerStreams and LedgerAppender.
 */
export class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb';
  readonly streams: LedgerStreams;
  private readonly gateway: KurrentGateway;
  private readonly appender: LedgerAppender;
  private readonly subscriptions = new OpenSubscriptions();
  private closed = false;

  constructor(options: KurrentDbEventStoreOptions) {
    this.streams = new LedgerStreams(options.namespace ?? DEFAULT_KURRENTDB_NAMESPACE);
    if (options.gateway) {
      this.gateway = options.gateway;
    } else if (options.connectionString) {
      this.gateway = KurrentDBClient.connectionString(options.connectionString);
    } else {
      throw new Error('KurrentDbEventStore needs a connectionString or a gateway');
    }
    this.appender = new LedgerAppender(this.gateway, this.streams, options.clock ?? (() => new Date()));
  }

  append(appends: StreamAppend[]): Promise<AppendResult> {
    return this.appender.append(appends);
  }

  appendVerbatim(events: readonly RecordedEvent[]): Promise<void> {
    return this.appender.appendVerbatim(events);
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const records = await allRecords(this.gateway, this.streams.eventStream(streamId));
    return records.map((record) => readLedgerEvent(record, streamId));
  }

  async streamRevision(streamId: string): Promise<number> {
    const last = await lastRecord(this.gateway, this.streams.eventStream(streamId));
    return last ? Number(last.revision) : -1;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const after = options.after ?? 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const sequencer = new LedgerSequencer(after);
    let yielded = 0;
    const records = this.gateway.readAll({ fromPosition: await this.startAfter(after), filter: this.streams.eventFilter() });
    for await (const resolved of records) {
      const event = this.decode(resolved);
      if (!event) continue;
      for (const ready of sequencer.accept(event)) {
        yield ready;
        yielded += 1;
        if (yielded >= limit) return;
      }
    }
    sequencer.assertComplete();
  }

  async headPosition(): Promise<number> {
    const marker = await lastRecord(this.gateway, this.streams.sequenceStream);
    return marker ? readMarker(marker).position : 0;
  }

  subscribe(after: number, handler: EventHandler): Subscription {
    if (this.closed) throw new Error('the event store is closed');
    const inner = followLedger(
      {
        startAfter: (position) => this.startAfter(position),
        open: (from) => this.gateway.subscribeToAll({ fromPosition: from, filter: this.streams.eventFilter() }),
        decode: (resolved) => this.decode(resolved),
      },
      after,
      handler,
    );
    return this.subscriptions.track(inner);
  }

  /** Closes this store's subscriptions, then the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.gateway.dispose();
  }

  /**
   * Where in $all to start for the events after ledger position `after`: at the last marker of the
   * append before the one that holds `after + 1` (or `after`, when nothing follows it yet). Appends
   * commit in ledger order, so that append lies wholly before every event after `after`, whatever the
   * order of records inside each append; the events at or before `after` a read then meets are dropped
   * by the sequencer. Costs up to three single-record reads, once per read or (re)subscription.
   */
  private async startAfter(after: number): Promise<ReadPosition> {
    if (after <= 0) return START;
    const sequence = this.streams.sequenceStream;
    // Marker revision = position - 1.
    const marker =
      (await recordAt(this.gateway, sequence, after)) ??
      (await recordAt(this.gateway, sequence, after - 1)) ??
      (await lastRecord(this.gateway, sequence));
    if (!marker) return START;
    const { firstPosition } = readMarker(marker);
    if (firstPosition <= 1) return START;
    const endOfPreviousAppend = await recordAt(this.gateway, sequence, firstPosition - 2);
    return endOfPreviousAppend?.position ?? START;
  }

  private decode(resolved: AllStreamResolvedEvent): RecordedEvent | null {
    const record = resolved.event;
    if (!record) return null;
    const streamId = this.streams.streamIdOf(record.streamId);
    return streamId === null ? null : readLedgerEvent(record, streamId);
  }
}
