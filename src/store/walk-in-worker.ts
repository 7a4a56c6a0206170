// Starts a chain walk in a worker thread (chain-walk-worker.ts) and hands back its verdict, so the
// event loop stays free for other requests while the log is hashed.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from './event-store';
import type { RangeVerdict, VerifiedHead } from './verify-range';
import type { PostgresLog, WalkJob, WalkMessage, WalkReply } from './walk-protocol';

/** Where the worker gets the events: a log it reads itself (SQLite file, PostgreSQL), or pages the main thread reads from the store. */
export type WalkSource = { sqlitePath: string } | { postgres: PostgresLog } | { readAll: (after: number) => AsyncIterable<RecordedEvent> };

const PAGE = 1_000;

// Running from TypeScript sources (the unit tests), the worker compiles its modules with swc, as jest
// does for the test itself; the built package runs the compiled worker directly.
const TS_BOOTSTRAP = `
const { transformSync } = require(require('node:worker_threads').workerData.swc);
const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  module._compile(code, filename);
};
require(require('node:worker_threads').workerData.entry);
`;

function startWorker(job: WalkJob): Worker {
  const entry = join(__dirname, `chain-walk-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  if (!__filename.endsWith('.ts')) return new Worker(entry, { workerData: job });
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...job, entry, swc: require.resolve('@swc/core') } });
}

/**
 * Walks the log up to `to` off the main thread, from the kept head or (`full`) from the start; `signal`
 * ends the worker (a closing ledger).
 */
export function walkInWorker(source: WalkSource, kept: VerifiedHead | null, full: boolean, to: number, signal?: AbortSignal): Promise<RangeVerdict> {
  const worker = startWorker({ kept, full, to, sqlitePath: 'sqlitePath' in source ? source.sqlitePath : null, postgres: 'postgres' in source ? source.postgres : null });
  return new Promise<RangeVerdict>((resolve, reject) => {
    let acked: (() => void) | null = null;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      acked?.();
      outcome();
      void worker.terminate();
    };
    const abort = () => settle(() => reject(new Error('the verification was cancelled: the ledger is closing')));
    signal?.addEventListener('abort', abort);
    worker.on('message', (reply: WalkReply) => {
      if ('ack' in reply) acked?.();
      else if ('verdict' in reply) settle(() => resolve(reply.verdict));
      else settle(() => reject(new Error(`the chain walk failed: ${reply.error}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the chain-walk worker exited (code ${code}) without a verdict`))));
    if (signal?.aborted) abort();
    if ('readAll' in source && !settled) {
      const ack = () => new Promise<void>((done) => (acked = done));
      sendPages(source.readAll(kept && !full ? kept.position - 1 : 0), to, worker, ack, () => settled).catch((error: unknown) => settle(() => reject(error)));
    }
  });
}

/** Reads the next page while the worker hashes the one before; at most one page waits in the worker. */
async function sendPages(events: AsyncIterable<RecordedEvent>, to: number, worker: Worker, ack: () => Promise<void>, done: () => boolean): Promise<void> {
  let page: RecordedEvent[] = [];
  let walked: Promise<void> = Promise.resolve();
  const send = async (message: WalkMessage) => {
    await walked;
    if (done()) return;
    walked = ack();
    worker.postMessage(message);
  };
  for await (const event of events) {
    if (done() || event.position > to) break;
    page.push(event);
    if (page.length === PAGE) {
      await send({ events: page });
      page = [];
    }
  }
  if (page.length > 0) await send({ events: page });
  await send({ end: true });
}
