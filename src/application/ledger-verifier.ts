// Verifying the ledger's hash chain: in a worker thread, one walk at a time, and incremental. A routine
// verification walks only what was appended since the head verified last (kept in the read model's
// database); a full one walks the whole log. Either checks the kept head still matches the log.
import type { EventStore } from '../store/event-store';
import { PostgresEventStore } from '../store/postgres/postgres-event-store';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import type { RangeVerdict } from '../store/verify-range';
import { walkInWorker, type WalkSource } from '../store/walk-in-worker';
import type { VerifiedHeadTable } from './verified-head-table';

/** A verdict and what was walked: positions after `fromPosition` (0: from the start) up to `toPosition`. */
export type LedgerVerdict =
  | { ok: true; full: boolean; events: number; fromPosition: number; toPosition: number; headPosition: number; headHash: string | null }
  | { ok: false; full: boolean; events: number; fromPosition: number; position: number; problem: string };

export class LedgerVerifier {
  /** The walk in progress: callers arriving meanwhile share it (a full one serves incremental callers too). */
  private running: { full: boolean; verdict: Promise<LedgerVerdict> } | null = null;
  private readonly closing = new AbortController();

  constructor(
    private readonly store: EventStore,
    private readonly kept: VerifiedHeadTable,
  ) {}

  async verify(full: boolean): Promise<LedgerVerdict> {
    // A full caller does not take an incremental walk's answer: it waits for it to end, then walks (or
    // shares the full walk another such caller started meanwhile).
    while (this.running) {
      const running = this.running;
      if (running.full || !full) return running.verdict;
      await running.verdict.catch(() => undefined);
    }
    const verdict = this.walk(full).finally(() => {
      this.running = null;
    });
    this.running = { full, verdict };
    return verdict;
  }

  /** Ends a walk in progress (its callers get a rejection) and waits for its worker to stop. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.running?.verdict.catch(() => undefined);
  }

  private async walk(full: boolean): Promise<LedgerVerdict> {
    const kept = this.kept.get();
    // The walk stops at the head as it is now: appends made meanwhile are for the next one.
    const to = await this.store.headPosition();
    const verdict = await walkInWorker(this.source(), kept, full || kept === null, to, this.closing.signal);
    if (verdict.ok && verdict.headHash !== null) this.kept.set({ position: verdict.toPosition, hash: verdict.headHash });
    return withMode(verdict, full || kept === null);
  }

  private source(): WalkSource {
    const store = this.store;
    // The worker reads the embedded log's file, or PostgreSQL, itself; KurrentDB is read here, page by page.
    if (store instanceof SqliteEventStore && store.path !== ':memory:') return { sqlitePath: store.path };
    if (store instanceof PostgresEventStore) return { postgres: { connectionString: store.connectionString, schema: store.schema } };
    return { readAll: (after) => store.readAll({ after }) };
  }
}

function withMode(verdict: RangeVerdict, full: boolean): LedgerVerdict {
  return verdict.ok ? { ...verdict, full, headPosition: verdict.toPosition } : { ...verdict, full };
}
