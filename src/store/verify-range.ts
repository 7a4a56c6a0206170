// One verification of a stretch of the log: from a head verified before (or from the start) up to a
// position fixed when the walk began. The walk itself runs in a worker (chain-walk-worker.ts); this is
// the logic, fed one event at a time, so both the worker and the tests drive the same code.
import type { RecordedEvent } from './event-store';
import { chainHash, ChainWalk, describeBreak } from './hash-chain';

/** A head verified before: the chain is taken as sound up to it, and must still end there. */
export interface VerifiedHead {
  position: number;
  hash: string;
}

export type RangeVerdict =
  | { ok: true; events: number; fromPosition: number; toPosition: number; headHash: string | null }
  | { ok: false; events: number; fromPosition: number; position: number; problem: string };

/**
 * Walks the log up to `to`: from the kept head (incremental), or from the start (`full`). The kept head
 * is checked either way: the log must still hold its hash at its position, or the kept head, and with it
 * everything verified before, no longer describes this log. A full walk checks it as it passes (so a
 * log rewritten with a consistent chain is not silently accepted as the new verified head); an
 * incremental one starts on the kept head's own event, checking its hash and content.
 */
export class RangeWalk {
  private readonly walk: ChainWalk;
  private readonly from: VerifiedHead | null;
  private events = 0;
  private anchored: boolean;
  private failure: RangeVerdict | null = null;

  constructor(
    private readonly kept: VerifiedHead | null,
    private readonly to: number,
    full: boolean,
  ) {
    this.from = full ? null : kept;
    this.walk = this.from ? new ChainWalk(this.from.position, this.from.hash) : new ChainWalk();
    this.anchored = this.from === null;
  }

  /** Where the walk starts reading: the kept head's own event, or the first. */
  get readAfter(): number {
    return this.from ? this.from.position - 1 : 0;
  }

  /** False once the walk has failed (the caller stops reading). */
  step(event: RecordedEvent): boolean {
    if (this.failure) return false;
    if (!this.anchored) return this.anchor(event);
    this.events += 1;
    const broken = this.walk.step(event);
    if (broken) this.failure = this.fail(event.position, describeBreak(broken, this.walk, event));
    else if (this.kept && event.position === this.kept.position && event.hash !== this.kept.hash) this.failure = this.fail(event.position, this.otherHead(event));
    return this.failure === null;
  }

  /** The verdict once every event up to `to` has been stepped (or the log ended before it). */
  finish(): RangeVerdict {
    if (this.failure) return this.failure;
    if (!this.anchored || (this.kept && this.walk.position < this.kept.position)) return this.fail(this.kept?.position ?? 0, this.missingHead());
    if (this.walk.position < this.to) {
      return this.fail(this.walk.position + 1, `the log ended at position ${this.walk.position} while the walk was to reach ${this.to}`);
    }
    return { ok: true, events: this.events, fromPosition: this.from?.position ?? 0, toPosition: this.walk.position, headHash: this.walk.hash };
  }

  private anchor(event: RecordedEvent): boolean {
    const kept = this.kept;
    if (!kept) return true;
    if (event.position !== kept.position) this.failure = this.fail(kept.position, this.missingHead());
    else if (event.hash !== kept.hash) this.failure = this.fail(kept.position, this.otherHead(event));
    else if (chainHash(event.previousHash, event) !== event.hash) {
      this.failure = this.fail(kept.position, `the verified head at position ${kept.position} does not match its content: the event was altered`);
    }
    this.anchored = true;
    return this.failure === null;
  }

  private otherHead(event: RecordedEvent): string {
    return `the verified head kept for position ${event.position} (${this.kept?.hash ?? ''}) does not match the log, which holds ${event.hash} there: the log was altered or replaced`;
  }

  private missingHead(): string {
    return `the verified head kept for position ${this.kept?.position ?? 0} is not in the log: the log is shorter (truncated) or its events were moved`;
  }

  private fail(position: number, problem: string): RangeVerdict {
    return { ok: false, events: this.events, fromPosition: this.from?.position ?? 0, position, problem };
  }
}
