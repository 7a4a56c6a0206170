import type { AllStreamResolvedEvent, ReadPosition } from '@kurrent/kurrentdb-client';
import type { EventHandler, RecordedEvent, Subscription } from '../event-store';
import type { AllSubscription } from './kurrentdb-gateway';
import { LedgerIntegrityError, LedgerSequencer } from './ledger-sequencer';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

/** What a ledger subscription needs from the store. */
export interface LedgerFeed {
  /** A $all position before every event after ledger position `after`. */
  startAfter(after: number): Promise<ReadPosition>;
  /** A filtered catch-up subscription to $all, exclusive of `from`. */
  open(from: ReadPosition): AllSubscription;
  /** The ledger event a $all record holds, or null for anything else. */
  decode(resolved: AllStreamResolvedEvent): RecordedEvent | null;
}

/** Marks an error the handler threw, which ends the subscription instead of reconnecting it. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Follows the ledger through a KurrentDB catch-up subscription to $all. When the subscription drops
 * (server restart, network, leader change) it reconnects with backoff from the start of the append
 * that holds the next undelivered position (LedgerFeed.startAfter); the sequencer drops what was
 * already delivered, so the handler sees every position once and in order across reconnects.
 * Errors from the handler, or a ledger that does not add up, end the subscription: close() rethrows them.
 */
export function followLedger(feed: LedgerFeed, after: number, handler: EventHandler): Subscription {
  let closed = false;
  // A holder rather than a plain variable: the loop, followOnce and close() all swap it.
  const live: { subscription: AllSubscription | null } = { subscription: null };
  let wakeFromBackoff: () => void = () => undefined;
  let delivered = after;

  const backoff = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const followOnce = async () => {
    const from = await feed.startAfter(delivered);
    if (closed) return;
    const sequencer = new LedgerSequencer(delivered);
    const subscription = feed.open(from);
    live.subscription = subscription;
    for await (const resolved of subscription) {
      const event = feed.decode(resolved);
      if (!event) continue;
      for (const ready of sequencer.accept(event)) {
        if (closed) return;
        try {
          await handler(ready);
        } catch (error) {
          throw new HandlerFailure(error);
        }
        delivered = ready.position;
      }
    }
  };

  const done = (async () => {
    let retryMs = FIRST_RETRY_MS;
    while (!closed) {
      const deliveredBefore = delivered;
      try {
        await followOnce();
      } catch (error) {
        if (error instanceof HandlerFailure) throw error.error;
        if (error instanceof LedgerIntegrityError) throw error;
        // Anything else is the connection or the server: reconnect below.
      } finally {
        const dropped = live.subscription;
        live.subscription = null;
        await dropped?.unsubscribe().catch(() => undefined);
      }
      if (closed) return;
      retryMs = delivered > deliveredBefore ? FIRST_RETRY_MS : Math.min(retryMs * 2, MAX_RETRY_MS);
      await backoff(retryMs);
    }
  })();

  return {
    async close() {
      closed = true;
      wakeFromBackoff();
      const subscription = live.subscription;
      if (subscription) {
        await subscription.unsubscribe().catch(() => undefined);
        // Ends the for-await even if the cancelled call never emits 'end'.
        subscription.destroy();
      }
      await done;
    },
  };
}
