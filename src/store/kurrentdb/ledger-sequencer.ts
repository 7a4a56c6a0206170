import type { RecordedEvent } from '../event-store';

/** The ledger in KurrentDB does not hold what its positions promise: an event is missing or misplaced. */
export class LedgerIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerIntegrityError';
  }
}

const MAX_PENDING = 10_000;

/**
 * Turns records as $all hands them over into the ledger's dense order: drops positions already
 * delivered (a resumed read starts a little early, by design) and holds back any that arrive ahead
 * of a missing one. Appends are written in request order, so holding back should never happen; if it
 * does, the bound turns a lost event into an error instead of a silent gap.
 */
export class LedgerSequencer {
  private readonly pending = new Map<number, RecordedEvent>();
  private next: number;

  constructor(after: number) {
    this.next = after + 1;
  }

  /** Position of the last event released. */
  get delivered(): number {
    return this.next - 1;
  }

  /** Accepts one event and returns those now ready, in position order. */
  accept(event: RecordedEvent): RecordedEvent[] {
    if (event.position < this.next) return [];
    this.pending.set(event.position, event);
    if (this.pending.size > MAX_PENDING) {
      throw new LedgerIntegrityError(`position ${this.next} is missing from $all while ${this.pending.size} later events arrived`);
    }
    const ready: RecordedEvent[] = [];
    for (let found = this.pending.get(this.next); found; found = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      ready.push(found);
      this.next += 1;
    }
    return ready;
  }

  /** For a read that has reached the end of $all: anything still held back means a gap. */
  assertComplete(): void {
    if (this.pending.size > 0) {
      const first = Math.min(...this.pending.keys());
      throw new LedgerIntegrityError(`position ${this.next} is missing from $all, yet position ${first} is there`);
    }
  }
}
