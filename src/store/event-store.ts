// The port every event store adapter implements. The log is append-only and hash-chained over its
// global order; adapters assign position, recordedAt and the chain hashes at append time.

import type { JsonObject } from '../shared/json';

// A type, not an interface, so it is JSON to the compiler (canonicalJson takes it as it is).
export type EventSource = {
  /** SHA-256 of the document the event came from (a statements file's or a sheet's bytes). */
  sha256: string;
  /** 1-based line of the statement in that document; null in a workbook. */
  line: number | null;
  // Written since statements files and layouts (#16); events before have none of these.
  /** The file name as given to the import. */
  file?: string;
  /** For a workbook: the sheet, and the first cell (A1) of the row that stated it. */
  sheet?: string;
  cell?: string;
  /** The layout the sheet was read through: name@version. */
  layout?: string;
};

export interface EventMetadata {
  actor: string;
  reason: string | null;
  /** The report edition (fiscal year) that stated it; null for direct edits. */
  edition: number | null;
  source: EventSource | null;
  correlationId: string;
  causationId: string | null;
  /**
   * The municipality's 6-digit code (its tenant): every event written since the ledger held many
   * municipalities carries it. Events written before have none; they are read as the ledger's
   * PLAN_LEDGER_MUNICIPALITY (events/municipality-of.ts).
   */
  municipality?: string;
}

export interface NewEvent {
  id: string;
  type: string;
  version: number;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  /** 0-based revision within its stream. */
  streamRevision: number;
  /** 1-based global position in the log. */
  position: number;
  /** System time, set by the store; never decreases along the log. */
  recordedAt: string;
  hash: string;
  previousHash: string | null;
}

/** A stream's last revision, or `no_stream` for a stream that must not exist yet, or `any`. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface StreamAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: NewEvent[];
}

export interface AppendResult {
  events: RecordedEvent[];
  /** Position of the last event of this append (or of the original append on an idempotent retry). */
  lastPosition: number;
  /** True when every event id was already in the log: nothing was written. */
  alreadyAppended: boolean;
}

/** An event as a fold reads it back: the payload as stored (not upcast). */
export type StoredPayload = Pick<RecordedEvent, 'type' | 'version' | 'data' | 'streamRevision' | 'position'>;

export interface ReadAllOptions {
  /** Exclusive: read events after this position. */
  after?: number;
  limit?: number;
}

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface Subscription {
  close(): Promise<void>;
}

export interface EventStore {
  readonly kind: string;
  /**
   * Appends to one or more streams as one atomic unit: all of it or none of it. Idempotent by event
   * id: an append whose events are all in the log already returns them and writes nothing.
   */
  append(appends: StreamAppend[]): Promise<AppendResult>;
  /** The stream's events in revision order; empty for a stream that does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /**
   * What folding the stream needs of its events (no metadata, ids or hashes), in revision order. A store
   * that can read less than readStream does offers it: deciding a command on a stream not folded yet
   * reads its whole history.
   */
  readStreamPayloads?(streamId: string): Promise<StoredPayload[]>;
  /** The stream's last revision, or -1 when it does not exist. */
  streamRevision(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Position of the last event in the log; 0 for an empty log. */
  headPosition(): Promise<number>;
  /** Delivers every event after `after`, in order, then every new one as it is appended. */
  subscribe(after: number, handler: EventHandler): Subscription;
  /**
   * Writes events exactly as another log recorded them (positions, recordedAt, hashes), for moving a
   * ledger between stores; refuses a batch that does not continue this log's chain, and writes none of it.
   */
  appendVerbatim(events: readonly RecordedEvent[]): Promise<void>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, but it is at ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class DuplicateEventError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} is already in the log as part of a different append`);
    this.name = 'DuplicateEventError';
  }
}

export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === -1 : expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}
