import {
  AppendConsistencyViolationError,
  NO_STREAM,
  STREAM_STATE,
  WrongExpectedVersionError,
  type AppendRecordInput,
  type AppendStreamState,
  type ConsistencyCheck,
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
import { claimData, ledgerEventData, markerData, readClaim, readLedgerEvent, readMarker } from './ledger-records';
import type { LedgerStreams } from './ledger-streams';
import type { KurrentGateway } from './kurrentdb-gateway';
import { planAppend, type LedgerHead } from './plan-append';
import { lastRecord, readInBatches, recordAt } from './stream-reads';

const PARALLEL_READS = 32;
const GRPC_UNIMPLEMENTED = 12;

interface LedgerState {
  head: LedgerHead;
  /** KurrentDB revision of the head's marker in the sequence stream; null before the first append. */
  markerRevision: bigint | null;
  revisions: Map<string, number>;
}

/** A stream whose state differed from what a consistency check expected. */
interface Conflict {
  streamName: string;
  actual: number;
}

function revisionNumber(state: CurrentStreamState): number {
  // Deleted (-5) and tombstoned (-6) streams have no events to append after, like a missing one.
  return state === NO_STREAM || state < 0n ? -1 : Number(state);
}

function conflictsOf(error: unknown): Conflict[] | null {
  if (error instanceof AppendConsistencyViolationError) {
    return error.violations.map((v) => ({ streamName: v.streamName, actual: revisionNumber(v.actualState) }));
  }
  if (error instanceof WrongExpectedVersionError) {
    return [{ streamName: error.streamName, actual: revisionNumber(error.actualState) }];
  }
  return null;
}

function expectedState(revision: number | bigint | null): AppendStreamState {
  return revision === null || revision === -1 ? NO_STREAM : BigInt(revision);
}

/**
 * Appends to a ledger kept in KurrentDB, with the same guarantees the SQL adapters give.
 *
 * Every append is one appendRecords call (atomic across streams, and it keeps the request's order in
 * $all) that writes, per event, the event itself, a marker in the sequence stream and a claim on its
 * id, under consistency checks that the sequence stream, every touched stream and every claimed id
 * are exactly as read. So positions, revisions and hashes computed from what was read are what gets
 * logged, or nothing is, and the caller learns which of three things went wrong: a stale expected
 * revision, ids that are already logged (a retry, or a reuse), or only a concurrent append elsewhere
 * in the ledger, which is retried from a fresh read.
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
    const run = this.queue.then(() => this.appendUntilUncontended(appends));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendUntilUncontended(appends: StreamAppend[]): Promise<AppendResult> {
    const deadline = Date.now() + this.contentionTimeoutMs;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(appends);
      if (outcome !== 'contended') return outcome;
      if (Date.now() > deadline) {
        throw new Error(`append gave up after ${attempt} attempts: other writers kept moving the ledger ${this.streams.namespace}`);
      }
      const backoffMs = Math.min(2 ** attempt, 200) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
    }
  }

  private async attempt(appends: StreamAppend[]): Promise<AppendResult | 'contended'> {
    const ids = appends.flatMap((a) => a.events.map((e) => e.id));
    const state = await this.readState(appends);
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
      await this.gateway.appendRecords(this.recordsFor(planned), this.checksFor(appends, planned, state));
      return { events: planned, lastPosition: state.head.position + planned.length, alreadyAppended: false };
    } catch (error) {
      const conflicts = conflictsOf(error);
      if (!conflicts) throw this.explained(error);
      return this.resolveConflicts(conflicts, appends, ids);
    }
  }

  private async resolveConflicts(conflicts: Conflict[], appends: StreamAppend[], ids: string[]): Promise<AppendResult | 'contended'> {
    const claimed = new Set(ids.map((id) => this.streams.claimStream(id)));
    if (conflicts.some((c) => claimed.has(c.streamName))) {
      // Null: the claims were there a moment ago but are not now, which cannot happen; read again.
      return (await this.findRetried(ids)) ?? 'contended';
    }
    for (const conflict of conflicts) {
      const streamId = this.streams.streamIdOf(conflict.streamName);
      const expected = appends.find((a) => a.streamId === streamId)?.expectedRevision;
      if (streamId !== null && expected !== undefined) checkExpectedRevision(streamId, expected, conflict.actual);
    }
    // Only the sequence stream, or a stream appended to with an expectation that still holds, moved.
    return 'contended';
  }

  private async readState(appends: StreamAppend[]): Promise<LedgerState> {
    const streamIds = [...new Set(appends.map((a) => a.streamId))];
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

  /** Marker first: its $all position then precedes its event, which is what readAll(after) relies on. */
  private recordsFor(planned: RecordedEvent[]): AppendRecordInput[] {
    return planned.flatMap((event) => [
      { streamName: this.streams.sequenceStream, record: markerData(event) },
      { streamName: this.streams.claimStream(event.id), record: claimData(event) },
      { streamName: this.streams.eventStream(event.streamId), record: ledgerEventData(event) },
    ]);
  }

  private checksFor(appends: StreamAppend[], planned: RecordedEvent[], state: LedgerState): ConsistencyCheck[] {
    const check = (streamName: string, expected: AppendStreamState): ConsistencyCheck => ({
      type: STREAM_STATE,
      streamName,
      expectedState: expected,
    });
    const streamIds = [...new Set(appends.map((a) => a.streamId))];
    return [
      check(this.streams.sequenceStream, expectedState(state.markerRevision)),
      // The exact revision read, even for expectedRevision 'any': revisions and hashes were computed from it.
      ...streamIds.map((id) => check(this.streams.eventStream(id), expectedState(state.revisions.get(id) ?? null))),
      ...planned.map((e) => check(this.streams.claimStream(e.id), NO_STREAM)),
    ];
  }

  private explained(error: unknown): unknown {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === GRPC_UNIMPLEMENTED) {
      return new Error('this KurrentDB server does not offer appendRecords; the ledger adapter needs KurrentDB 26.0 or later', {
        cause: error,
      });
    }
    return error;
  }
}
