// The worker thread that walks the hash chain (walk-in-worker.ts starts it): hashing every event is
// seconds of CPU per hundred thousand events, and on the main thread it held every other request back.
// A SQLite log is read here on a read-only connection of its own, a PostgreSQL log on a connection of
// its own (measured on 30k events: with its pages read and cloned on the main thread, the event loop
// was held 23 ms at p99); events of other stores (KurrentDB) arrive in pages from the main thread.
import Database from 'better-sqlite3';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordedEvent } from './event-store';
import { toRecorded, type EventRow } from './sqlite/event-row';
import { RangeWalk, type RangeVerdict } from './verify-range';
import { parseWalkJob, type PostgresLog, type WalkMessage, type WalkReply } from './walk-protocol';

const PAGE = 2_000;

function walkSqliteFile(path: string, walk: RangeWalk, to: number): RangeVerdict {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the walk sees one snapshot of the log, however long it takes.
    return db.transaction(() => {
      const page = db.prepare<[number, number, number], EventRow>('SELECT * FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?');
      let after = walk.readAfter;
      for (;;) {
        const rows = page.all(after, to, PAGE);
        for (const row of rows) if (!walk.step(toRecorded(row))) return walk.finish();
        const last = rows[rows.length - 1];
        if (!last || rows.length < PAGE) return walk.finish();
        after = last.position;
      }
    })();
  } finally {
    db.close();
  }
}

async function walkPostgres(log: PostgresLog, walk: RangeWalk, to: number): Promise<RangeVerdict> {
  // Loaded only here: a walk of a SQLite log does not pay for the PostgreSQL driver's start.
  const { PostgresEventStore } = await import('./postgres/postgres-event-store');
  const store = new PostgresEventStore({ connectionString: log.connectionString, schema: log.schema, poolSize: 1 });
  try {
    for await (const event of store.readAll({ after: walk.readAfter })) {
      if (event.position > to || !walk.step(event)) break;
    }
    return walk.finish();
  } finally {
    await store.close();
  }
}

function isRecordedEvent(value: unknown): value is RecordedEvent {
  if (typeof value !== 'object' || value === null) return false;
  return 'position' in value && typeof value.position === 'number' && 'hash' in value && typeof value.hash === 'string';
}

function reply(message: WalkReply): void {
  parentPort?.postMessage(message);
}

function failed(error: unknown): void {
  reply({ error: error instanceof Error ? error.message : String(error) });
}

function walkPages(walk: RangeWalk): void {
  parentPort?.on('message', (message: WalkMessage) => {
    if (message.end) return reply({ verdict: walk.finish() });
    for (const event of message.events) {
      if (!isRecordedEvent(event)) return reply({ error: 'the main thread sent something that is not an event' });
      if (!walk.step(event)) return reply({ verdict: walk.finish() });
    }
    reply({ ack: true });
  });
}

// The walk is background work: on Linux a thread's nice value is its own, so this lowers the walk alone
// and the event loop wins the CPU whenever both want it (elsewhere it is best effort).
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // Not permitted here: the walk runs at the server's priority, as before.
}

try {
  const job = parseWalkJob(workerData);
  const walk = new RangeWalk(job.kept, job.to, job.full);
  if (job.sqlitePath !== null) reply({ verdict: walkSqliteFile(job.sqlitePath, walk, job.to) });
  else if (job.postgres !== null) walkPostgres(job.postgres, walk, job.to).then((verdict) => reply({ verdict }), failed);
  else walkPages(walk);
} catch (error) {
  failed(error);
}
