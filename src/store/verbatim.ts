import type { RecordedEvent } from './event-store';
import { ChainWalk, type ChainBreak } from './hash-chain';

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
  const walk = new ChainWalk(head.position, head.hash);
  for (const event of events) {
    const broken = walk.step(event);
    if (broken) throw new ChainContinuityError(event.position, describeBreak(broken, walk));
  }
}

function describeBreak(broken: ChainBreak, walk: ChainWalk): string {
  switch (broken) {
    case 'position':
      return `expected position ${walk.position + 1}`;
    case 'link':
      return 'previousHash does not link to the head of this log';
    case 'content':
      return 'hash does not match the event content';
  }
}
