import type { EventHandler, ReadAllOptions, RecordedEvent, Subscription } from './event-store';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Bumped on every append this process makes. */
  appendCount(): number;
  /** Resolves once `appendCount()` differs from `seen`, or after `timeoutMs` (for appends by other processes). */
  waitForAppend(seen: number, timeoutMs: number): Promise<void>;
}

const BATCH = 1000;
const IDLE_POLL_MS = 1000;

/**
 * Reads from a position in batches and then follows the log, so a subscriber sees every event once,
 * in order, whatever it was doing when the event was appended.
 */
export function catchUpSubscription(source: CatchUpSource, after: number, handler: EventHandler): Subscription {
  let closed = false;
  let wakeOnClose: () => void = () => undefined;
  const closing = new Promise<void>((resolve) => {
    wakeOnClose = resolve;
  });
  let position = after;
  const done = (async () => {
    while (!closed) {
      const seen = source.appendCount();
      let delivered = 0;
      for await (const event of source.readAll({ after: position, limit: BATCH })) {
        if (closed) return;
        await handler(event);
        position = event.position;
        delivered += 1;
      }
      if (delivered < BATCH && !closed) await Promise.race([source.waitForAppend(seen, IDLE_POLL_MS), closing]);
    }
  })();
  return {
    async close() {
      closed = true;
      wakeOnClose();
      await done;
    },
  };
}

/** Counts appends and wakes waiters; a waiter that saw an older count returns at once, so no wake-up is lost. */
export class AppendSignal {
  private waiters: Array<() => void> = [];
  private count = 0;

  get appendCount(): number {
    return this.count;
  }

  notify(): void {
    this.count += 1;
    const woken = this.waiters;
    this.waiters = [];
    for (const wake of woken) wake();
  }

  wait(seen: number, timeoutMs: number): Promise<void> {
    if (seen !== this.count) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
  }
}
