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

/** How an event fails to continue a chain: out of place, not linked to the head, or altered. */
export type ChainBreak = 'position' | 'link' | 'content';

/**
 * Follows the chain event by event from a head (position 0 and no hash for an empty log): the one walk
 * behind verifying a log and checking that a copied batch continues one.
 */
export class ChainWalk {
  constructor(
    private headPosition = 0,
    private headHash: string | null = null,
  ) {}

  get position(): number {
    return this.headPosition;
  }

  get hash(): string | null {
    return this.headHash;
  }

  /** What breaks the chain at `event`, or null when the event continues it and becomes the head. */
  step(event: RecordedEvent): ChainBreak | null {
    if (event.position !== this.headPosition + 1) return 'position';
    if (event.previousHash !== this.headHash) return 'link';
    if (chainHash(this.headHash, event) !== event.hash) return 'content';
    this.headPosition = event.position;
    this.headHash = event.hash;
    return null;
  }
}

export type ChainVerdict =
  | { ok: true; events: number; headPosition: number; headHash: string | null }
  | { ok: false; events: number; position: number; problem: string };

/** Walks the log in order and names the first position where the chain does not hold. */
export async function verifyChain(events: AsyncIterable<RecordedEvent>): Promise<ChainVerdict> {
  const walk = new ChainWalk();
  let count = 0;
  for await (const event of events) {
    count += 1;
    const broken = walk.step(event);
    if (broken) return { ok: false, events: count, position: event.position, problem: describeBreak(broken, walk, event) };
  }
  return { ok: true, events: count, headPosition: walk.position, headHash: walk.hash };
}

export function describeBreak(broken: ChainBreak, walk: ChainWalk, event: RecordedEvent): string {
  switch (broken) {
    case 'position':
      return `position ${event.position} follows ${walk.position}: events are missing or reordered`;
    case 'link':
      return `previousHash does not match the hash of position ${event.position - 1}`;
    case 'content':
      return 'hash does not match the event content: the event was altered';
  }
}
