import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { RecordedEvent } from './event-store';

type Unhashed = Omit<RecordedEvent, 'hash' | 'previousHash'>;

/** hash = SHA-256(previousHash ‖ canonical JSON (RFC 8785) of everything else the event holds). */
export function chainHash(previousHash: string | null, event: Unhashed): string {
  const body = canonicalJson({
    id: event.id,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    position: event.position,
    type: event.type,
    version: event.version,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  });
  if (body === undefined) throw new Error(`event ${event.id} cannot be serialised canonically`);
  return createHash('sha256')
    .update(previousHash ?? '')
    .update(body)
    .digest('hex');
}

export type ChainVerdict =
  | { ok: true; events: number; headPosition: number; headHash: string | null }
  | { ok: false; events: number; position: number; problem: string };

/** Walks the log in order and names the first position where the chain does not hold. */
export async function verifyChain(events: AsyncIterable<RecordedEvent>): Promise<ChainVerdict> {
  let previousHash: string | null = null;
  let expectedPosition = 1;
  let count = 0;
  for await (const event of events) {
    count += 1;
    const fail = (problem: string): ChainVerdict => ({ ok: false, events: count, position: event.position, problem });
    if (event.position !== expectedPosition) {
      return fail(`position ${event.position} follows ${expectedPosition - 1}: events are missing or reordered`);
    }
    if (event.previousHash !== previousHash) {
      return fail(`previousHash does not match the hash of position ${event.position - 1}`);
    }
    if (chainHash(previousHash, event) !== event.hash) {
      return fail('hash does not match the event content: the event was altered');
    }
    previousHash = event.hash;
    expectedPosition += 1;
  }
  return { ok: true, events: count, headPosition: expectedPosition - 1, headHash: previousHash };
}
