// Appends: single-statement commands through the domain (Ledger.recordValue: read the stream, decide,
// append, project, commit) against the ceiling, raw better-sqlite3 inserts of rows of the same size with
// the same durability (WAL, synchronous=FULL, one transaction each). Rounds alternate between the two,
// so a change in the machine's speed hits both alike; the ratio is the median of the rounds' ratios.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Ledger } from '../src/application/ledger';
import { median, msSince } from './stats';

export interface AppendFigures {
  ledgerPerSec: number;
  rawPerSec: number;
  ratio: number;
  /** Bytes of one direct edit's event row, the size the raw rows are given. */
  rowBytes: number;
}

/** Average stored size of a direct-edit event: the payload a raw row is made to carry. */
function directEditRowBytes(db: Database.Database): number {
  const bytes = db
    .prepare<[], number>(
      `SELECT AVG(length(id) + length(stream_id) + length(type) + length(data) + length(metadata) + length(recorded_at) + length(hash) + length(IFNULL(previous_hash, '')) + 16)
       FROM (SELECT * FROM events WHERE json_extract(metadata, '$.edition') IS NULL ORDER BY position DESC LIMIT 200)`,
    )
    .pluck()
    .get();
  return Math.round(bytes ?? 700);
}

function rawRound(db: Database.Database, insert: Database.Statement, body: string, ops: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) db.transaction(() => insert.run(body)).immediate();
  return ops / (msSince(started) / 1000);
}

async function ledgerRound(ledger: Ledger, indicators: readonly string[], ops: number, offset: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) {
    const indicatorId = indicators[(offset + i) % indicators.length] as string;
    await ledger.recordValue({ indicatorId, fiscalYear: 2022, kind: 'ACTUAL', value: 1 + ((offset + i) % 97), text: null, reason: 'benchmark correction' }, 'bench:editor');
  }
  return ops / (msSince(started) / 1000);
}

export async function appendBench(ledger: Ledger, dir: string, rounds: number, opsPerRound: number): Promise<AppendFigures> {
  const indicators = ledger.db
    .prepare<[], string>(`SELECT entity_id FROM rm_field_current WHERE entity_type = 'indicator' AND field = 'kind' AND value_json = '"OUTCOME"' LIMIT 500`)
    .pluck()
    .all();
  if (indicators.length === 0) throw new Error('no outcome indicator to record values on');
  const rowBytes = directEditRowBytes(ledger.db);
  const raw = new Database(join(dir, 'raw-append.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE IF NOT EXISTS rows (position INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO rows (body) VALUES (?)');
  const body = 'x'.repeat(rowBytes);
  try {
    // The generator's last imports leave a large WAL that the checkpoint worker copies in the background,
    // and its fsyncs slowed the raw rounds more than the ledger's (the quick run's ratio read 0.56 where
    // the same rounds on a quiet ledger read 0.33): both start from a checkpointed file instead.
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    // Warm-up: statement caches, JIT, the file's first pages.
    rawRound(raw, insert, body, 20);
    await ledgerRound(ledger, indicators, 20, 0);
    const ledgerRates: number[] = [];
    const rawRates: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const ledgerRate = await ledgerRound(ledger, indicators, opsPerRound, round * opsPerRound);
      const rawRate = rawRound(raw, insert, body, opsPerRound);
      ledgerRates.push(ledgerRate);
      rawRates.push(rawRate);
      ratios.push(ledgerRate / rawRate);
    }
    return { ledgerPerSec: median(ledgerRates), rawPerSec: median(rawRates), ratio: median(ratios), rowBytes };
  } finally {
    raw.close();
  }
}
