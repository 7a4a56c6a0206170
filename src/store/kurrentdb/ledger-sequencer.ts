import type { RecordedEvent } from '../event-store';

/** The ledger in KurrentDB does not hold what its positions promise: an event is missing or misplaced. */
export class LedgerIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerIntegrityError';
  }
}

// Larger than any append is expected to be: within one append, events may arrive in any order.
const MAX_PENDING = 100_000;

/**
 * Turns records as $all hands them over into the ledger's dense order. Appends commit in ledger order,
 * but the records of one append need not sit in $all in position order (a multi-stream append is
 * written stream by stream), and a read that resumes starts at the beginning of an append, so it meets
 * positions already delivered. The sequencer drops those and holds back events that arrive ahead of
 * one still missing; past the bound, a missing event becomes an error instead of a silent gap.
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
