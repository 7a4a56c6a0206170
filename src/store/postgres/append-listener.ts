import { Client } from 'pg';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

export interface AppendListenerOptions {
  connectionString: string;
  channel: string;
  /** Shown in pg_stat_activity, so an operator can tell the listening connection apart. */
  applicationName: string;
  /** Called for every NOTIFY on the channel, and after every (re)connect, since appends may have been missed meanwhile. */
  onAppend: () => void;
}

/**
 * Holds one dedicated connection in LISTEN on the append channel (a pooled connection cannot listen:
 * it would be handed to other work) and reconnects with backoff when it drops. Subscribers also poll,
 * so a lost connection delays delivery but never loses events.
 */
export class AppendListener {
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;
  private connecting: Promise<void> | null = null;

  constructor(private readonly options: AppendListenerOptions) {}

  start(): void {
    if (this.stopped || this.client || this.connecting || this.retryTimer) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
  }

  /** True while a LISTEN connection is up (for tests and health checks). */
  get listening(): boolean {
    return this.client !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.connecting;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { connectionString, channel, applicationName, onAppend } = this.options;
    const client = new Client({ connectionString, application_name: applicationName });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (message) => {
      if (message.channel === channel) onAppend();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
    } catch {
      drop();
      return;
    }
    if (this.stopped) {
      dropped = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    onAppend();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
