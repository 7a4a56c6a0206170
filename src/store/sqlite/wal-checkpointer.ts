// Checkpoints the embedded store's WAL from a worker thread, so appends do not pay for it.
//
// By default SQLite checkpoints inside the commit that takes the WAL past 1,000 pages: that commit
// copies every page changed since the last checkpoint into the database file and fsyncs it. A ledger
// commit changes about 16 pages spread over the log's and the read model's indexes, so every 60th
// append or so paid for about a thousand page copies; measured, that was a third of the append
// throughput. A PASSIVE checkpoint on a second connection does the same copying without blocking
// readers or writers, on the other core (SQLite's documentation suggests exactly this). The store's own
// connection keeps an automatic checkpoint at a much larger size as a backstop, should this worker fall
// behind or die. Durability is unchanged: a commit is durable once its WAL frames are synced.
import { Worker } from 'node:worker_threads';

/** Pages the WAL may reach before the writing connection checkpoints inline after all. */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 20_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointerOptions {
  /** How often the worker checkpoints (ms). */
  intervalMs?: number;
  /** Told of a checkpoint that failed (the backstop keeps the WAL bounded meanwhile). */
  onError?: (message: string) => void;
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(path: string, options: WalCheckpointerOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 200 },
    });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) options.onError?.(message.error);
    });
    // A worker that could not start (or died) leaves checkpoints to the backstop; it must not take the process down.
    this.worker.on('error', (error) => options.onError?.(error.message));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // The store's close() stops it; until then it must not keep a finished process alive. After the
    // listeners: attaching a 'message' listener references the worker's port again.
    this.worker.unref();
  }

  /** Stops checkpointing and closes the worker's connection. */
  async stop(): Promise<void> {
    // Referenced again, or a process with nothing else to do would end before the worker does (and with
    // this promise still pending, skip whatever was to follow it).
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
