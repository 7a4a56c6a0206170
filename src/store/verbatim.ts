import type { RecordedEvent } from './event-store';
import { chainHash } from './hash-chain';

export class ChainContinuityError extends Error {
  constructor(
    readonly position: number,
    problem: string,
  ) {
    super(`position ${position}: ${problem}`);
    this.name = 'ChainContinuityError';
  }
}

/**
 * A batch copied from another log must continue this one exactly: the next position, linked to this
 * log's head hash, each event's hash matching its content. Otherwise the copy would not verify.
 */
export function checkContinuesChain(head: { position: number; hash: string | null }, events: readonly RecordedEvent[]): void {
  let position = head.position;
  let previousHash = head.hash;
  for (const event of events) {
    if (event.position !== position + 1) throw new ChainContinuityError(event.position, `expected position ${position + 1}`);
    if (event.previousHash !== previousHash) throw new ChainContinuityError(event.position, 'previousHash does not link to the head of this log');
    if (chainHash(previousHash, event) !== event.hash) throw new ChainContinuityError(event.position, 'hash does not match the event content');
    position = event.position;
    previousHash = event.hash;
  }
}
