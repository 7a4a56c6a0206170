import type { Subscription } from './event-store';

/**
 * The subscriptions a store has handed out and not yet seen closed, so that closing the store ends them
 * first: one left running would poll a closed database or pool, and keep the process alive.
 */
export class OpenSubscriptions {
  private readonly open = new Set<Subscription>();
  private closed = false;

  /** Throws once the store is closed: a subscription opened then would never be ended. */
  assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }

  /** The subscription to hand out: closing it stops tracking it. */
  track(inner: Subscription): Subscription {
    const subscription: Subscription = {
      close: async () => {
        this.open.delete(subscription);
        await inner.close();
      },
    };
    this.open.add(subscription);
    return subscription;
  }

  /** Ends every open subscription; an error one of them ended with is not the closing store's to throw. */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.open].map((s) => s.close()));
  }
}
