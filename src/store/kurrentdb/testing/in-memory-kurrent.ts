// A stand-in for a KurrentDB server, for tests on a machine that cannot run one. It models what the
// adapter relies on, as the client's types and documentation describe it: streams with revisions,
// $all in commit order with positions, prefix filters, multiStreamAppend as one atomic write that
// checks every request's expected state and reports a conflict as WrongExpectedVersionError,
// StreamNotFoundError for missing streams, the `$schema.*` keys the server adds to metadata, and
// catch-up subscriptions that can be dropped. On request it scrambles the order of streams inside each
// transaction, since the adapter must not depend on it. It proves the adapter's
// logic, not the server's behaviour: that needs the integration test against a real server.
import {
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendStreamRequest,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type Filter,
  type JSONType,
  type MultiAppendResult,
  type Position,
  type ReadAllOptions,
  type ReadPosition,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { AllSubscription, KurrentGateway } from '../kurrentdb-gateway';

interface StoredRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: JSONType;
  metadata: Record<string, string>;
  created: Date;
  position: Position;
  /** Index in $all. */
  index: number;
}

function toResolved(record: StoredRecord): AllStreamResolvedEvent & ResolvedEvent {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      isJson: true,
      revision: record.revision,
      type: record.type,
      created: record.created,
      // Copies, as a network round trip would make them.
      data: JSON.parse(JSON.stringify(record.data)),
      metadata: { ...record.metadata },
      position: record.position,
    },
    commitPosition: record.position.commit,
  };
}

function matches(filter: Filter | undefined, record: StoredRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('prefixes' in filter) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return new RegExp(filter.regex).test(subject);
}

function stateMatches(expected: AppendStreamState, actual: CurrentStreamState): boolean {
  if (expected === 'any') return true;
  if (expected === NO_STREAM) return actual === NO_STREAM;
  if (expected === STREAM_EXISTS) return actual !== NO_STREAM;
  return actual === expected;
}

class InMemorySubscription implements AllSubscription {
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly server: InMemoryKurrent,
    private cursor: number,
    private readonly filter: Filter | undefined,
  ) {}

  poke(): void {
    this.wake?.();
  }

  fail(error: Error): void {
    this.failure = error;
    this.poke();
  }

  async unsubscribe(): Promise<void> {
    this.destroy();
  }

  destroy(): void {
    this.ended = true;
    this.server.forget(this);
    this.poke();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.ended) return;
      const next = this.server.recordAtIndex(this.cursor);
      if (next) {
        this.cursor += 1;
        if (matches(this.filter, next)) yield toResolved(next);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }
}

export interface InMemoryKurrentOptions {
  /**
   * Writes each transaction's streams in reverse order (each stream's own events stay in order): the
   * adapter must not rely on the order of records inside an append.
   */
  scrambleTransactions?: boolean;
}

export class InMemoryKurrent implements KurrentGateway {
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly log: StoredRecord[] = [];
  private readonly subscriptions = new Set<InMemorySubscription>();
  /** Streams whose expected state did not hold, one per refused write: lets tests see which path the adapter took. */
  readonly refusals: string[] = [];

  constructor(private readonly options: InMemoryKurrentOptions = {}) {}

  recordAtIndex(index: number): StoredRecord | undefined {
    return this.log[index];
  }

  /** Simulates a lost connection: every live subscription fails with UnavailableError. */
  dropSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.fail(new UnavailableError(undefined, 'connection lost'));
    this.subscriptions.clear();
  }

  forget(subscription: InMemorySubscription): void {
    this.subscriptions.delete(subscription);
  }

  get liveSubscriptions(): number {
    return this.subscriptions.size;
  }

  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    // Yield first, so concurrent callers interleave as they would over the network; the check and the
    // write below then happen without a break, as one server-side transaction.
    await new Promise((resolve) => setImmediate(resolve));
    for (const { streamName, expectedState } of requests) {
      const current = this.currentState(streamName);
      if (!stateMatches(expectedState, current)) {
        this.refusals.push(streamName);
        throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedState, current });
      }
    }
    const ordered = this.options.scrambleTransactions ? [...requests].reverse() : requests;
    const records = ordered.flatMap(({ streamName, events }) => events.map((event) => ({ streamName, event })));
    const created = new Date();
    for (const { streamName, event } of records) this.store(streamName, event, created);
    for (const subscription of this.subscriptions) subscription.poke();
    return {
      position: this.log[this.log.length - 1]?.position.commit ?? 0n,
      responses: requests.map(({ streamName }) => ({ streamName, revision: BigInt((this.streams.get(streamName)?.length ?? 0) - 1) })),
    };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncGenerator<ResolvedEvent> {
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    const backwards = options.direction === BACKWARDS;
    const from = options.fromRevision ?? (backwards ? END : START);
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const ordered = backwards ? [...stream].reverse() : stream;
    const selected = ordered.filter((r) => {
      if (from === START || from === END) return true;
      return backwards ? r.revision <= from : r.revision >= from;
    });
    for (const record of selected.slice(0, maxCount)) yield toResolved(record);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<AllStreamResolvedEvent> {
    const start = this.indexOf(options.fromPosition ?? START, 'inclusive');
    for (const record of this.log.slice(start)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (matches(options.filter, record)) yield toResolved(record);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new InMemorySubscription(this, this.indexOf(options.fromPosition ?? START, 'exclusive'), options.filter);
    this.subscriptions.add(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    for (const subscription of [...this.subscriptions]) subscription.destroy();
  }

  private store(streamName: string, event: EventData, created: Date): void {
    if (event.contentType !== 'application/json') throw new Error('the stand-in stores JSON records only');
    const stream = this.streams.get(streamName) ?? [];
    const index = this.log.length;
    const position = BigInt((index + 1) * 64);
    const stored: StoredRecord = {
      streamId: streamName,
      id: event.id,
      revision: BigInt(stream.length),
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: { '$schema.format': 'Json', '$schema.name': event.type, ...this.stringMetadata(event.metadata) },
      created,
      position: { commit: position, prepare: position },
      index,
    };
    stream.push(stored);
    this.streams.set(streamName, stream);
    this.log.push(stored);
  }

  private currentState(streamName: string): CurrentStreamState {
    const length = this.streams.get(streamName)?.length ?? 0;
    return length === 0 ? NO_STREAM : BigInt(length - 1);
  }

  private indexOf(from: ReadPosition, bound: 'inclusive' | 'exclusive'): number {
    if (from === START) return 0;
    if (from === END) return this.log.length;
    const index = this.log.findIndex((r) => (bound === 'inclusive' ? r.position.commit >= from.commit : r.position.commit > from.commit));
    return index === -1 ? this.log.length : index;
  }

  private stringMetadata(metadata: unknown): Record<string, string> {
    if (metadata === undefined) return {};
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || metadata instanceof Uint8Array) {
      throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
    }
    const entries = Object.entries(metadata);
    if (entries.some(([, value]) => typeof value !== 'string')) {
      throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
  }
}
