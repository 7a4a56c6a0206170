// What the main thread and the chain-walk worker tell each other.
import type { RangeVerdict, VerifiedHead } from './verify-range';

export interface WalkJob {
  /** The head verified before, or null. */
  kept: VerifiedHead | null;
  /** Walk from the start (checking the kept head on the way) instead of from the kept head. */
  full: boolean;
  /** The last position to walk: the head when the walk began. */
  to: number;
  /** A SQLite log the worker reads itself. */
  sqlitePath: string | null;
  /** A PostgreSQL log the worker reads itself, on a connection of its own. */
  postgres: PostgresLog | null;
  // Neither: the main thread sends the events in pages.
}

export interface PostgresLog {
  connectionString: string;
  schema: string;
}

/** Main thread → worker: a page of events (anything but events is refused), or the end of the log. */
export type WalkMessage = { end: true } | { end?: false; events: readonly unknown[] };

/** Worker → main thread: a page was walked, or the verdict (early on a break), or why it could not walk. */
export type WalkReply = { ack: true } | { verdict: RangeVerdict } | { error: string };

function isPostgresLog(value: unknown): value is PostgresLog {
  return typeof value === 'object' && value !== null && 'connectionString' in value && typeof value.connectionString === 'string' && 'schema' in value && typeof value.schema === 'string';
}

function isHead(value: unknown): value is VerifiedHead {
  return typeof value === 'object' && value !== null && 'position' in value && typeof value.position === 'number' && 'hash' in value && typeof value.hash === 'string';
}

/** The job from `workerData`, checked: the worker is started only by walk-in-worker.ts, but data crossing a thread is untyped. */
export function parseWalkJob(data: unknown): WalkJob {
  if (typeof data !== 'object' || data === null || !('kept' in data) || !('full' in data) || !('to' in data) || !('sqlitePath' in data) || !('postgres' in data)) {
    throw new Error('chain-walk worker started without a job');
  }
  const { kept, full, to, sqlitePath, postgres } = data;
  const badSource = (sqlitePath !== null && typeof sqlitePath !== 'string') || (postgres !== null && !isPostgresLog(postgres));
  if ((kept !== null && !isHead(kept)) || typeof full !== 'boolean' || typeof to !== 'number' || badSource) {
    throw new Error('chain-walk worker started with a malformed job');
  }
  return { kept, full, to, sqlitePath, postgres };
}
