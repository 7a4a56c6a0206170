// Helpers for the reliability tests (test/reliability): a seeded PRNG, a keep-alive HTTP client that
// sends any bytes with any headers, and checks of a SQLite ledger file left behind by a killed server.
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import Database from 'better-sqlite3';
import { Ledger } from '../../src/application/ledger';
import type { ChainVerdict } from '../../src/store/hash-chain';
import { SqliteEventStore } from '../../src/store/sqlite/sqlite-event-store';
import { dumpTables } from './read-model-dump';

/** The generator's seeded PRNG (mulberry32), so a failing run can be repeated exactly. */
export { seeded as seededRandom } from '../../src/cli/commands/generate/random';

export const pickFrom = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pickFrom: no items');
  return item;
};

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** Path and query string, e.g. /graphql?query=... */
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/**
 * A keep-alive HTTP client for one server, sending exactly the bytes and headers it is given (fetch
 * would fix up content types, encodings and lengths).
 */
export class RawClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(
    url: string,
    options: { maxSockets?: number } = {},
  ) {
    const parsed = new URL(url);
    this.host = parsed.hostname;
    this.port = Number(parsed.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 8 });
  }

  send(req: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
      const headers: Record<string, string | number> = { ...(req.headers ?? {}) };
      const framed = Object.keys(headers).some((h) => ['content-length', 'transfer-encoding'].includes(h.toLowerCase()));
      if (body !== undefined && !framed) headers['content-length'] = body.length;
      const outgoing = request(
        { host: this.host, port: this.port, method: req.method ?? 'POST', path: req.path ?? '/graphql', headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      if (body !== undefined) outgoing.write(body);
      outgoing.end();
    });
  }

  /** POSTs a GraphQL operation as JSON. */
  async gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<RawResponse & { json: GqlBody }> {
    const response = await this.send({
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    return { ...response, json: JSON.parse(response.body) as GqlBody };
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface GqlError {
  message: string;
  path?: unknown[];
  locations?: unknown[];
  extensions?: Record<string, unknown>;
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: GqlError[];
}

/** Runs `worker` over `items` with at most `concurrency` at once. */
export async function inPool<T>(items: readonly T[], concurrency: number, worker: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      await worker(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}

export interface StoreHead {
  position: number;
  hash: string | null;
  events: number;
}

/** The head of a SQLite ledger file, read directly (the server may still be running: WAL allows it). */
export function storeHead(path: string): StoreHead {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const head = db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get();
    const events = db.prepare<[], number>('SELECT COUNT(*) FROM events').pluck().get() ?? 0;
    return { position: head?.position ?? 0, hash: head?.hash ?? null, events };
  } finally {
    db.close();
  }
}

export interface LedgerFileCheck {
  head: number;
  /** The read model's checkpoint as the dead server left it. */
  checkpoint: number;
  /** Every rm_* table, as left, equals the same table after `ledger.rebuild()`. */
  readModelEqualsRebuild: boolean;
  /** The first table that differs, if any. */
  differingTable: string | null;
  chain: ChainVerdict;
  rebuildMs: number;
}

/**
 * Checks a SQLite ledger file after the server that wrote it has died: the read model exactly as left
 * (read before anything could catch it up) against a full rebuild, and the hash chain.
 */
export async function checkLedgerFile(path: string): Promise<LedgerFileCheck> {
  const raw = new Database(path, { fileMustExist: true });
  let before: Record<string, unknown[]>;
  let checkpoint: number;
  let head: number;
  try {
    const tables = raw.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name`).pluck().all();
    before = dumpTables(raw, tables);
    checkpoint = raw.prepare<[], number>(`SELECT COALESCE(MAX(position), 0) FROM rm_checkpoint`).pluck().get() ?? 0;
    head = raw.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() ?? 0;
  } finally {
    raw.close();
  }
  const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
  try {
    const started = Date.now();
    await ledger.rebuild();
    const rebuildMs = Date.now() - started;
    const after = dumpTables(ledger.readModel.databaseForTests(), Object.keys(before));
    const differingTable = Object.keys(before).find((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table])) ?? null;
    return { head, checkpoint, readModelEqualsRebuild: differingTable === null, differingTable, chain: await ledger.verify(), rebuildMs };
  } finally {
    await ledger.close();
  }
}

/** Polls `probe` until `accept` holds. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in time: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
