import { checkExpectedRevision, type RecordedEvent, type StreamAppend } from './event-store';
import { chainHash } from './hash-chain';

export interface LedgerHead {
  position: number;
  hash: string | null;
  recordedAt: string | null;
}

/**
 * Checks expected revisions against what was read and assigns positions, revisions, recordedAt and
 * chain hashes: the events as they will be logged if nothing moves before the write. The write then
 * (an adapter's own transaction or lock, or KurrentDB's expected states) makes sure nothing moved.
 */
export function planAppend(
  appends: StreamAppend[],
  head: LedgerHead,
  revisions: ReadonlyMap<string, number>,
  now: Date,
): RecordedEvent[] {
  const nowIso = now.toISOString();
  // recordedAt never goes backwards along the log, so "as of an instant" is a position cut.
  const recordedAt = head.recordedAt !== null && head.recordedAt > nowIso ? head.recordedAt : nowIso;
  const current = new Map(revisions);
  let position = head.position;
  let previousHash = head.hash;
  const planned: RecordedEvent[] = [];
  for (const { streamId, expectedRevision, events } of appends) {
    let revision = current.get(streamId) ?? -1;
    checkExpectedRevision(streamId, expectedRevision, revision);
    for (const event of events) {
      revision += 1;
      position += 1;
      const unhashed = { ...event, streamId, streamRevision: revision, position, recordedAt };
      const hash = chainHash(previousHash, unhashed);
      planned.push({ ...unhashed, hash, previousHash });
      previousHash = hash;
    }
    current.set(streamId, revision);
  }
  return planned;
}
