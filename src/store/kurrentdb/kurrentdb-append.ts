import {
  NO_STREAM,
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type AppendStreamState,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import {
  DuplicateEventError,
  WrongExpectedRevisionError,
  checkExpectedRevision,
  type AppendResult,
  type RecordedEvent,
  type StreamAppend,
} from '../event-store';
import { ChainContinuityError, checkContinuesChain } from '../verbatim';
import { claimData, ledgerEventData, markerData, readClaim, readLedgerEvent, readMarker } from './ledger-records';
import type { LedgerStreams } from './ledger-streams';
import type { KurrentGateway } from './kurrentdb-gateway';
import { planAppend, type LedgerHead } from '../plan-append';
import { lastRecord, readInBatches, recordAt } from './stream-reads';

const PARALLEL_READS = 32;

interface LedgerState {
  head: LedgerHead;
  /** KurrentDB revision of the head's marker in the sequence stream; null before the first append. */
  markerRevision: bigint | null;
  revisions: Map<string, number>;
}

/** The stream whose state differed from the expected state its request gave. */
interface Conflict {
  streamName: string;
  actual: number;
}

function revisionNumber(state: CurrentStreamState): number {
  // Deleted (-5) and tombstoned (-6) streams have no events to append after, like a missing one.
  return state === NO_STREAM || state < 0n ? -1 : Number(state);
}

function conflictOf(error: unknown): Conflict | null {
  return error instanceof WrongExpectedVersionError
    ? { streamName: error.streamName, actual: revisionNumber(error.actualState) }
    : null;
}

/** Each copied event must take the next revision of its stream here, as it did in the log it came from. */
function checkContinuesStreams(revisions: ReadonlyMap<string, number>, events: readonly RecordedEvent[]): void {
  const current = new Map(revisions);
  for (const event of events) {
    const next = (current.get(event.streamId) ?? -1) + 1;
    if (event.streamRevision !== next) {
      throw new ChainContinuityError(event.position, `stream ${event.streamId} is at revision ${next - 1} here, not ${event.streamRevision - 1}`);
    }
    current.set(event.streamId, next);
  }
}

function expectedState(revision: number | bigint | null): AppendStreamState {
  return revision === null || revision === -1 ? NO_STREAM : BigInt(revision);
}

/**
 * Appends to a ledger kept in KurrentDB, with the same guarantees the SQL adapters give.
 *
 * Every append is one multiStreamAppend (KurrentDB 25.1+: all streams or none) that writes the events
 * to their streams, one marker per event to the sequence stream and one claim per event id, each
 * stream with the exact revision it was read at as its expected state. So the positions, revisions and
 * hashes computed from what was read are what gets logged, or nothing is, and the refusal names the
 * stream that moved: a stream the caller had an expectation about (stale expected revision), a claim
 * (the ids are logged already: a retry, or a reuse), or only the sequence stream, i.e. a concurrent
 * append elsewhere in the ledger, which is retried from a fresh read.
 *
 * A stream listed with no events is checked against what was read, but not by the server: a
 * multi-stream append can only assert the state of streams it writes to. KurrentDB 26.1's
 * appendRecords can (consistency checks on any stream) and would close that small window.
 */
export class LedgerAppender {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly gateway: KurrentGateway,
    private readonly streams: LedgerStreams,
    private readonly clock: () => Date,
    private readonly contentionTimeoutMs = 30_000,
  ) {}

  /**
   * Appends from this process queue behind each other: they would only make each other retry, since
   * every append moves the same sequence stream. Other processes still race, and lose a round trip.
   */
  append(appends: StreamAppend[]): Promise<AppendResult> {
    return this.queued(() => this.untilUncontended(() => this.attempt(appends)));
  }

  /** Writes events another log recorded, unchanged, if they continue this ledger's chain and streams. */
  appendVerbatim(events: readonly RecordedEvent[]): Promise<void> {
    return this.queued(() => this.untilUncontended(() => this.attemptVerbatim(events)));
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async untilUncontended<T>(attempt: () => Promise<T | 'contended'>): Promise<T> {
    const deadline = Date.now() + this.contentionTimeoutMs;
    for (let attempts = 1; ; attempts += 1) {
      const outcome = await attempt();
      if (outcome !== 'contended') return outcome;
      if (Date.now() > deadline) {
        throw new Error(`append gave up after ${attempts} attempts: other writers kept moving the ledger ${this.streams.namespace}`);
      }
      const backoffMs = Math.min(2 ** attempts, 200) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
    }
  }

  private async attemptVerbatim(events: readonly RecordedEvent[]): Promise<void | 'contended'> {
    if (events.length === 0) return undefined;
    const state = await this.readState(events.map((e) => e.streamId));
    checkContinuesChain(state.head, events);
    checkContinuesStreams(state.revisions, events);
    try {
      await this.gateway.multiStreamAppend(this.requestsFor(events, state));
      return undefined;
    } catch (error) {
      const conflict = conflictOf(error);
      if (!conflict) throw error;
      const reused = events.find((e) => this.streams.claimStream(e.id) === conflict.streamName);
      if (reused) throw new DuplicateEventError(reused.id);
      // The sequence stream or a stream of the batch moved: the next attempt reads again, and its
      // continuity checks refuse the batch unless the ledger still ends where the batch begins.
      return 'contended';
    }
  }

  private async attempt(appends: StreamAppend[]): Promise<AppendResult | 'contended'> {
    const ids = appends.flatMap((a) => a.events.map((e) => e.id));
    const state = await this.readState(appends.map((a) => a.streamId));
    let planned: RecordedEvent[];
    try {
      planned = planAppend(appends, state.head, state.revisions, this.clock());
    } catch (error) {
      // A retry of an append that went through finds its streams moved on: answer it as a retry.
      const retried = error instanceof WrongExpectedRevisionError ? await this.findRetried(ids) : null;
      if (retried) return retried;
      throw error;
    }
    if (planned.length === 0) return { events: [], lastPosition: state.head.position, alreadyAppended: false };

    try {
      await this.gateway.multiStreamAppend(this.requestsFor(planned, state));
      return { events: planned, lastPosition: state.head.position + planned.length, alreadyAppended: false };
    } catch (error) {
      const conflict = conflictOf(error);
      if (!conflict) throw error;
      return this.resolveConflict(conflict, appends, ids);
    }
  }

  private async resolveConflict(conflict: Conflict, appends: StreamAppend[], ids: string[]): Promise<AppendResult | 'contended'> {
    if (ids.some((id) => this.streams.claimStream(id) === conflict.streamName)) {
      // Null: the claim was there a moment ago but is not now, which cannot happen; read again.
      return (await this.findRetried(ids)) ?? 'contended';
    }
    const streamId = this.streams.streamIdOf(conflict.streamName);
    const expected = appends.find((a) => a.streamId === streamId)?.expectedRevision;
    if (streamId !== null && expected !== undefined) checkExpectedRevision(streamId, expected, conflict.actual);
    // Only the sequence stream moved, or a stream whose expected revision ('any', say) still holds.
    // The server names one conflict: should others remain, the next attempt's reads will show them.
    return 'contended';
  }

  private async readState(touched: string[]): Promise<LedgerState> {
    const streamIds = [...new Set(touched)];
    const [marker, lasts] = await Promise.all([
      lastRecord(this.gateway, this.streams.sequenceStream),
      readInBatches(streamIds, PARALLEL_READS, (id) => lastRecord(this.gateway, this.streams.eventStream(id))),
    ]);
    const revisions = new Map<string, number>();
    streamIds.forEach((id, i) => {
      const last = lasts[i];
      if (last) revisions.set(id, Number(last.revision));
    });
    if (!marker) return { head: { position: 0, hash: null, recordedAt: null }, markerRevision: null, revisions };
    const { position, hash, recordedAt } = readMarker(marker);
    return { head: { position, hash, recordedAt }, markerRevision: marker.revision, revisions };
  }

  /** All ids logged: the original events. None: null. Some: DuplicateEventError. */
  private async findRetried(ids: string[]): Promise<AppendResult | null> {
    const claimRecords = await readInBatches(ids, PARALLEL_READS, (id) => recordAt(this.gateway, this.streams.claimStream(id), 0));
    const present = claimRecords.filter((record) => record !== null);
    if (present.length === 0) return null;
    if (present.length !== ids.length) {
      throw new DuplicateEventError(ids.find((_, i) => claimRecords[i]) ?? 'unknown');
    }
    const events = await readInBatches(present, PARALLEL_READS, async (record) => {
      const claim = readClaim(record);
      const stored = await recordAt(this.gateway, this.streams.eventStream(claim.streamId), claim.streamRevision);
      if (!stored) throw new Error(`event at ${claim.streamId}@${claim.streamRevision} is claimed but missing`);
      return readLedgerEvent(stored, claim.streamId);
    });
    return { events, lastPosition: Math.max(...events.map((e) => e.position)), alreadyAppended: true };
  }

  /**
   * One request per stream, each stream once. The markers go first, but nothing relies on the order
   * within the transaction: readers put events in position order themselves (LedgerSequencer).
   */
  private requestsFor(planned: readonly RecordedEvent[], state: LedgerState): AppendStreamRequest[] {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of planned) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    const firstPosition = state.head.position + 1;
    return [
      {
        streamName: this.streams.sequenceStream,
        expectedState: expectedState(state.markerRevision),
        events: planned.map((event) => markerData(event, firstPosition)),
      },
      ...planned.map((event): AppendStreamRequest => ({
        streamName: this.streams.claimStream(event.id),
        expectedState: NO_STREAM,
        events: [claimData(event)],
      })),
      // The exact revision read, even for expectedRevision 'any': revisions and hashes were computed from it.
      ...[...byStream].map(([streamId, events]): AppendStreamRequest => ({
        streamName: this.streams.eventStream(streamId),
        expectedState: expectedState(state.revisions.get(streamId) ?? null),
        events: events.map(ledgerEventData),
      })),
    ];
  }
}
