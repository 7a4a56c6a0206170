// Subscription.ledgerEvents is fed from one store subscription per server, fanned out in memory: a
// hundred open browser tabs cost one reader of the log, not a hundred.
import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import { GraphQLError } from 'graphql';
import type { EventStore, RecordedEvent, Subscription } from '../store/event-store';
import { auditRow } from '../../projections/queries/audit-queries';
import { toAuditEvent } from './audit-events';
import type { AuditEvent } from './types/ledger-types';

/**
 * Events one subscriber may fall behind by. Past it the subscriber is cut off with an error rather
 * than holding an ever-growing queue in the server's memory; it can resume from Query.auditTrail.
 */
export const MAX_SUBSCRIBER_BACKLOG = 10_000;

type Listener = (event: AuditEvent) => void;

/** What the feed needs of the log: where it ends, and the events appended after a position. */
export type FollowedLog = Pick<EventStore, 'headPosition' | 'subscribe'>;

export interface FeedOptions {
  /** The municipality an event belongs to (Ledger.municipalityOf): subscribers see only those their token may read. */
  municipalityOf: (event: RecordedEvent) => string;
  onEvent?: (event: RecordedEvent) => void;
  onError?: (error: unknown, event: RecordedEvent) => void;
  /**
   * Resolves once the read model has applied the event at `position`. A client that refetches when an
   * event arrives must see it: with a server store the read model follows the log on its own
   * subscription and may not have applied the event yet.
   */
  readModelAt?: (position: number) => Promise<void>;
  maxBacklog?: number;
}

export class LedgerEventFeed {
  private readonly listeners = new Set<Listener>();
  private subscription: Subscription | null = null;

  private constructor(
    private readonly log: FollowedLog,
    private readonly maxBacklog: number,
    private readonly municipalityOf: (event: RecordedEvent) => string,
  ) {}

  /**
   * Follows the log from its current head. `onEvent` sees every event appended from then on (for
   * metrics); `onError` hears of an event that could not be delivered, which must not stop the feed.
   */
  static async start(log: FollowedLog, options: FeedOptions): Promise<LedgerEventFeed> {
    const feed = new LedgerEventFeed(log, options.maxBacklog ?? MAX_SUBSCRIBER_BACKLOG, options.municipalityOf);
    feed.subscription = log.subscribe(await log.headPosition(), async (event) => {
      try {
        options.onEvent?.(event);
        // A read model that cannot catch up is reported, but its events are still delivered.
        await options.readModelAt?.(event.position).catch((error: unknown) => options.onError?.(error, event));
        feed.publish(event);
      } catch (error) {
        options.onError?.(error, event);
      }
    });
    return feed;
  }

  private publish(event: RecordedEvent): void {
    if (this.listeners.size === 0) return;
    const audited = toAuditEvent(auditRow(event, this.municipalityOf(event)));
    for (const listener of this.listeners) listener(audited);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /**
   * Every event appended after this call of the municipalities the subscriber may read, optionally
   * only from streams whose id starts with `streamPrefix`. The store subscription may still be
   * delivering older events when a client subscribes, so "after this call" is pinned to the log's
   * head position now.
   */
  async events(streamPrefix: string | null, municipalities: readonly string[] | '*' = '*'): Promise<AsyncIterable<AuditEvent>> {
    const head = await this.log.headPosition();
    const buffer = new FixedBuffer(this.maxBacklog);
    return new Repeater<AuditEvent>(async (push, stop) => {
      const listener: Listener = (event) => {
        if (Number(event.position) <= head) return;
        if (streamPrefix && !event.streamId.startsWith(streamPrefix)) return;
        if (municipalities !== '*' && !municipalities.includes(event.municipalityCode)) return;
        if (buffer.full) stop(tooSlow(event.position, this.maxBacklog));
        else void push(event);
      };
      this.listeners.add(listener);
      await stop;
      this.listeners.delete(listener);
    }, buffer);
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }
}

function tooSlow(position: string, maxBacklog: number): GraphQLError {
  return new GraphQLError(
    `this subscription fell more than ${maxBacklog} events behind and was ended at position ${position}; read Query.auditTrail after the cursor of the last event received, then subscribe again`,
    { extensions: { code: 'SUBSCRIBER_TOO_SLOW', position } },
  );
}
