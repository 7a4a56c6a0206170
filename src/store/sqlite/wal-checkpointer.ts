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
//
// SQLite starts the WAL over from its beginning only when a write begins with every frame already
// checkpointed. Under a steady stream of appends a PASSIVE checkpoint never gets there (appends go on
// while it copies), so the WAL file grew with every commit, and an fsync that extends a file costs far
// more than one that overwrites blocks already allocated: measured on ext4, the commit of a direct edit
// took 750-830 µs with the WAL growing and 370-440 µs over an allocated one. So once the WAL holds
// RESTART_FRAMES frames, the worker's PASSIVE checkpoint copies them and raises a flag in shared
// memory; the writing connection, after its next commit, checkpoints the few frames appended meanwhile
// itself (one small copy and fsync of the database file), and its next write starts the WAL over. The
// file stays at about that size and is overwritten. A RESTART checkpoint in the worker did the same but
// held the writer back, and a writer waiting on SQLite's busy handler sleeps whole milliseconds.
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** Pages the WAL may reach before the writing connection checkpoints inline after all. */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 20_000;
/** About 4 MB of 4 KB pages, SQLite's own automatic checkpoint size: some 70 direct edits. */
const RESTART_FRAMES = 1_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const restartDue = new Int32Array(workerData.restartDue);
let lastCheckpoint = 0;
const checkpoint = () => {
  try {
    // NOOP copies nothing: it reads the WAL's counts.
    const [wal] = db.pragma('wal_checkpoint(NOOP)');
    if (!wal || wal.log <= wal.checkpointed) return;
    const now = Date.now();
    if (wal.log < workerData.restartFrames && now - lastCheckpoint < workerData.intervalMs) return;
    lastCheckpoint = now;
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    if (passive && passive.busy === 0 && passive.log >= workerData.restartFrames) Atomics.store(restartDue, 0, 1);
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.pollMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointerOptions {
  /** How long frames may wait to be checkpointed while the WAL is below restartFrames (ms). */
  intervalMs?: number;
  /** How often the worker looks at the WAL (ms). */
  pollMs?: number;
  /** WAL frames (pages) at which the worker checkpoints and starts the WAL over without waiting for the interval. */
  restartFrames?: number;
  /** Told of a checkpoint that failed (the backstop keeps the WAL bounded meanwhile). */
  onError?: (message: string) => void;
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  /** Set by the worker when it has checkpointed a WAL of RESTART_FRAMES; cleared by the writer. */
  private readonly restartDue = new Int32Array(new SharedArrayBuffer(4));

  private readonly onError: ((message: string) => void) | undefined;

  constructor(path: string, options: WalCheckpointerOptions = {}) {
    this.onError = options.onError;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        path,
        driver: require.resolve('better-sqlite3'),
        intervalMs: options.intervalMs ?? 200,
        pollMs: options.pollMs ?? 20,
        restartFrames: options.restartFrames ?? RESTART_FRAMES,
        restartDue: this.restartDue.buffer,
      },
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

  /**
   * For the writing connection, after a commit and outside any transaction: when the worker has
   * checkpointed a large WAL, copies what was appended since, so the next write starts the WAL over.
   * PASSIVE never waits: a reader of older frames (or the worker at work) only puts the restart off.
   */
  afterCommit(db: Database.Database): void {
    if (Atomics.load(this.restartDue, 0) === 0) return;
    Atomics.store(this.restartDue, 0, 0);
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // The commit before it stands: a checkpoint that failed only leaves the WAL to grow until the next.
      this.onError?.(error instanceof Error ? error.message : String(error));
    }
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
