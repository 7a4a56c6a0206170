// Rebuild: the whole read model replayed from the log (Ledger.rebuild), against the ceiling of reading
// the same rows and JSON-parsing their payloads. The raw scan runs before and after the rebuild and the
// faster of the two counts, so the rebuild is not flattered by a slow moment of the machine.
import type { Database } from 'better-sqlite3';
import type { Ledger } from '../src/application/ledger';
import { msSince } from './stats';

export interface RebuildFigures {
  events: number;
  rebuildMs: number;
  eventsPerSec: number;
  rawScanPerSec: number;
  ratio: number;
}

function rawScan(db: Database): number {
  const started = process.hrtime.bigint();
  let rows = 0;
  let bytes = 0;
  for (const row of db.prepare<[], { data: string; metadata: string }>('SELECT * FROM events ORDER BY position').iterate()) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as object;
    if (data && metadata) bytes += 1;
    rows += 1;
  }
  if (bytes !== rows) throw new Error('unparsed rows');
  return rows / (msSince(started) / 1000);
}

export async function rebuildBench(ledger: Ledger): Promise<RebuildFigures> {
  const before = rawScan(ledger.readModel.databaseForTests());
  const started = process.hrtime.bigint();
  const events = await ledger.rebuild();
  const rebuildMs = msSince(started);
  const after = rawScan(ledger.readModel.databaseForTests());
  const rawScanPerSec = Math.max(before, after);
  const eventsPerSec = events / (rebuildMs / 1000);
  return { events, rebuildMs, eventsPerSec, rawScanPerSec, ratio: eventsPerSec / rawScanPerSec };
}
