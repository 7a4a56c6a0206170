// A stand-in for a KurrentDB server, for tests on a machine that cannot run one. It models what the
// adapter relies on, as the client's types and documentation describe it: streams with revisions,
// $all in commit order with positions, prefix filters, appendRecords as one atomic write in request
// order under consistency checks, StreamNotFoundError for missing streams, the `$schema.*` keys the
// server adds to metadata, and catch-up subscriptions that can be dropped. It proves the adapter's
// logic, not the server's behaviour: that needs the integration test against a real server.
import {
  AppendConsistencyViolationError,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  type AllStreamResolvedEvent,
  type AppendRecordInput,
  type AppendRecordsResult,
  type AppendStreamState,
  type ConsistencyCheck,
  type CurrentStreamState,
  type Filter,
  type JSONType,
  type Position,
  type ReadAllOptions,
  type ReadPosition,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { AllSubscription, KurrentGateway } from './kurrentdb-gateway';

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

function encodeState(state: AppendStreamState | CurrentStreamState): string {
  if (state === 'any') return '-2';
  if (state === NO_STREAM) return '-1';
  if (state === STREAM_EXISTS) return '-4';
  return state.toString(10);
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

export class InMemoryKurrent implements KurrentGateway {
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly log: StoredRecord[] = [];
  private readonly subscriptions = new Set<InMemorySubscription>();
  /** Writes the server refused, by kind: lets tests see which path the adapter took. */
  readonly refusals: string[] = [];

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

  async appendRecords(records: AppendRecordInput[], checks: ConsistencyCheck[] = []): Promise<AppendRecordsResult> {
    // Yield first, so concurrent callers interleave as they would over the network; the check and the
    // write below then happen without a break, as one server-side transaction.
    await new Promise((resolve) => setImmediate(resolve));
    const violationsList = checks.flatMap((check, checkIndex) => {
      const actual = this.currentState(check.streamName);
      return stateMatches(check.expectedState, actual)
        ? []
        : [{ checkIndex, streamState: { stream: check.streamName, expectedState: encodeState(check.expectedState), actualState: encodeState(actual) } }];
    });
    if (violationsList.length > 0) {
      this.refusals.push('consistency');
      // The client builds this error from a gRPC ServiceError, which a stand-in does not have; the
      // constructor only reads its message and code, and copes with undefined.
      throw new AppendConsistencyViolationError(undefined as never, { violationsList });
    }
    const created = new Date();
    for (const { streamName, record } of records) {
      if (record.contentType !== 'application/json') throw new Error('the stand-in stores JSON records only');
      const stream = this.streams.get(streamName) ?? [];
      const index = this.log.length;
      const position = BigInt((index + 1) * 64);
      const stored: StoredRecord = {
        streamId: streamName,
        id: record.id,
        revision: BigInt(stream.length),
        type: record.type,
        data: JSON.parse(JSON.stringify(record.data)),
        metadata: { '$schema.format': 'Json', '$schema.name': record.type, ...this.stringMetadata(record.metadata) },
        created,
        position: { commit: position, prepare: position },
        index,
      };
      stream.push(stored);
      this.streams.set(streamName, stream);
      this.log.push(stored);
    }
    for (const subscription of this.subscriptions) subscription.poke();
    const last = this.log[this.log.length - 1];
    const touched = [...new Set(records.map((r) => r.streamName))];
    return {
      position: last?.position.commit ?? 0n,
      responses: touched.map((streamName) => ({ streamName, revision: BigInt((this.streams.get(streamName)?.length ?? 0) - 1) })),
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
      throw new Error('appendRecords requires metadata to be a plain object with string keys and string values.');
    }
    const entries = Object.entries(metadata);
    if (entries.some(([, value]) => typeof value !== 'string')) {
      throw new Error('appendRecords requires metadata to be a plain object with string keys and string values.');
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
  }
}
