import { Pool } from 'pg';
import { AppendSignal, catchUpSubscription } from '../catch-up';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
  Subscription,
} from '../event-store';
import { OpenSubscriptions } from '../open-subscriptions';
import { AppendListener } from './append-listener';
import { EVENT_COLUMNS, toRecorded, type EventRow } from './event-rows';
import { appendInTransaction, appendVerbatimInTransaction } from './postgres-append';
import { appendChannel, assertSchemaName, ensureLogSchema } from './postgres-schema';
import { inTransaction } from './transaction';
import { isTransientPostgresError } from './transient-errors';

const READ_PAGE = 1000;
const READ_RETRY_MS = 500;

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Each schema holds one independent ledger. */
  schema?: string;
  /** Connections in the pool; appends are serialised anyway, so a few are plenty. */
  poolSize?: number;
  clock?: () => Date;
}

export const DEFAULT_POSTGRES_SCHEMA = 'plan_ledger';

/**
 * The server-backed store: one `events` table per schema. Appends take a ledger-wide advisory lock
 * (see postgres-append.ts for why), subscribers follow the log with LISTEN/NOTIFY plus polling.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  readonly schema: string;
  /** Where the store connects: the chain-walk worker reads the log on a connection of its own. */
  readonly connectionString: string;
  private readonly pool: Pool;
  private readonly clock: () => Date;
  private readonly signal = new AppendSignal();
  private readonly listener: AppendListener;
  private readonly subscriptions = new OpenSubscriptions();
  private migrated: Promise<void> | null = null;
  private closed = false;

  constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? DEFAULT_POSTGRES_SCHEMA;
    assertSchemaName(this.schema);
    this.connectionString = options.connectionString;
    this.clock = options.clock ?? (() => new Date());
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 5 });
    // An idle pooled connection that dies (server restart, network) is reported here; the pool has
    // already discarded it, and the next query opens a fresh one. Unhandled, it would crash the process.
    this.pool.on('error', () => undefined);
    this.listener = new AppendListener({
      connectionString: options.connectionString,
      channel: appendChannel(this.schema),
      applicationName: `plan-ledger listen ${this.schema}`,
      onAppend: () => this.signal.notify(),
    });
  }

  /** Creates the schema if needed. Called lazily by every operation; call it up front to fail fast. */
  migrate(): Promise<void> {
    if (!this.migrated) {
      this.migrated = ensureLogSchema(this.pool, this.schema).catch((error: unknown) => {
        this.migrated = null;
        throw error;
      });
    }
    return this.migrated;
  }

  async append(appends: StreamAppend[]): Promise<AppendResult> {
    await this.migrate();
    const result = await inTransaction(this.pool, (client) => appendInTransaction(client, this.schema, appends, this.clock));
    if (!result.alreadyAppended && result.events.length > 0) this.signal.notify();
    return result;
  }

  async appendVerbatim(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.migrate();
    await inTransaction(this.pool, (client) => appendVerbatimInTransaction(client, this.schema, events));
    this.signal.notify();
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    await this.migrate();
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM "${this.schema}".events WHERE stream_id = $1 ORDER BY stream_revision`,
      [streamId],
    );
    return rows.map(toRecorded);
  }

  async streamRevision(streamId: string): Promise<number> {
    await this.migrate();
    const { rows } = await this.pool.query<{ revision: number | null }>(
      `SELECT MAX(stream_revision) AS revision FROM "${this.schema}".events WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0]?.revision ?? -1;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    await this.migrate();
    let after = options.after ?? 0;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM "${this.schema}".events WHERE position > $1 ORDER BY position LIMIT $2`,
        [after, Math.min(remaining, READ_PAGE)],
      );
      for (const row of rows) yield toRecorded(row);
      const last = rows[rows.length - 1];
      if (!last) return;
      after = Number(last.position);
      remaining -= rows.length;
    }
  }

  async headPosition(): Promise<number> {
    await this.migrate();
    const { rows } = await this.pool.query<{ position: string | null }>(`SELECT MAX(position) AS position FROM "${this.schema}".events`);
    return Number(rows[0]?.position ?? 0);
  }

  subscribe(after: number, handler: EventHandler): Subscription {
    if (this.closed) throw new Error('the event store is closed');
    this.listener.start();
    const inner = catchUpSubscription(
      {
        readAll: (options) => this.readAllRetrying(options),
        appendCount: () => this.signal.appendCount,
        waitForAppend: (seen, ms) => this.signal.wait(seen, ms),
      },
      after,
      handler,
    );
    return this.subscriptions.track(inner);
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.listener.listening;
  }

  /** Closes this store's subscriptions, its LISTEN connection and its pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signal.notify();
    await this.subscriptions.closeAll();
    await this.listener.stop();
    await this.pool.end();
  }

  /**
   * readAll for subscribers: a query that failed because the connection or server went away is retried
   * from the last event it yielded instead of ending the subscription. Other errors end it, as they would
   * for any adapter.
   */
  private async *readAllRetrying(options: ReadAllOptions): AsyncIterable<RecordedEvent> {
    let after = options.after ?? 0;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    for (;;) {
      try {
        for await (const event of this.readAll({ after, limit: remaining })) {
          yield event;
          after = event.position;
          remaining -= 1;
        }
        return;
      } catch (error) {
        if (this.closed) return;
        if (!isTransientPostgresError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, READ_RETRY_MS));
        if (this.closed) return;
      }
    }
  }
}
