// Appends: single-statement commands through the domain (Ledger.recordValue: read the stream, decide,
// append, project, commit) against the ceiling, raw better-sqlite3 inserts of rows of the same size with
// the same durability (WAL, synchronous=FULL, one transaction each). Rounds alternate between them, so a
// change in the machine's speed hits all alike; each ratio is the median of the rounds' ratios.
//
// A third kind of round appends the same kind of edit to the log alone, through a second store on the
// same file with no read model: the log's own commit (deciding on the folded stream, the idempotency
// probe, the hash chain, the row and the log's two unique indexes, the fsync). No read model, however it
// is built, can bring the ledger above that floor.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Ledger } from '../src/application/ledger';
import { recordValue, type RecordValueInput } from '../src/application/record-value';
import { StreamStateCache } from '../src/application/stream-state-cache';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { splitQualifiedId, streamPrefixOf } from '../src/domain/ids';
import { median, msSince } from './stats';

export interface AppendFigures {
  ledgerPerSec: number;
  rawPerSec: number;
  ratio: number;
  /** Bytes of one direct edit's event row, the size the raw rows are given. */
  rowBytes: number;
  /** The same commands appended to the log alone (no read model), against the same raw inserts. */
  logOnly: { perSec: number; ratio: number };
}

const ACTOR = 'bench:editor';

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

/** The i-th edit of a round: a new actual for one of the indicators, in turn. */
/** The i-th edit, on one of `indicators` (qualified ids): its municipality and the input as it names it. */
function edit(indicators: readonly string[], i: number): { municipality: string; input: RecordValueInput } {
  const { municipality, localId } = splitQualifiedId(indicators[i % indicators.length] as string);
  if (municipality === null) throw new Error('the read model keeps qualified ids');
  return { municipality, input: { indicatorId: localId, fiscalYear: 2022, kind: 'ACTUAL', value: 1 + (i % 97), text: null, reason: 'benchmark correction' } };
}

async function timedRound(ops: number, offset: number, append: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) await append(offset + i);
  return ops / (msSince(started) / 1000);
}

/**
 * A second store on the ledger's file, without its read model: what it appends, the ledger's read model
 * catches up on between rounds. Like the ledger's store it keeps its folded streams and has a checkpoint
 * worker of its own; it edits other indicators, so neither side's folded streams go stale.
 */
function logAlone(ledger: Ledger, path: string) {
  const store = new SqliteEventStore({ path });
  const states = new StreamStateCache();
  store.onCommitted((events) => states.observe(events));
  return {
    append: ({ municipality, input }: { municipality: string; input: RecordValueInput }) => {
      const effectiveEdition = ledger.readModel.newestEdition(municipality) ?? 0;
      return recordValue({ store, states, municipality, prefix: streamPrefixOf(municipality, null) }, input, { actor: ACTOR, effectiveEdition });
    },
    close: () => store.close(),
  };
}

export async function appendBench(ledger: Ledger, storePath: string, dir: string, rounds: number, opsPerRound: number): Promise<AppendFigures> {
  // The embedded store's file: the log and the read model in one.
  const file = ledger.readModel.databaseForTests();
  const outcomes = file
    .prepare<[], string>(`SELECT entity_id FROM rm_field_current WHERE entity_type = 'indicator' AND field = 'kind' AND value_json = '"OUTCOME"' LIMIT 1000`)
    .pluck()
    .all();
  if (outcomes.length < 2) throw new Error('fewer than two outcome indicators to record values on');
  const half = Math.floor(outcomes.length / 2);
  const ledgerIndicators = outcomes.slice(0, half);
  const logIndicators = outcomes.slice(half);
  const rowBytes = directEditRowBytes(file);
  const raw = new Database(join(dir, 'raw-append.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE IF NOT EXISTS rows (position INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO rows (body) VALUES (?)');
  const body = 'x'.repeat(rowBytes);
  const log = logAlone(ledger, storePath);
  const ledgerEdit = (i: number) => {
    const { municipality, input } = edit(ledgerIndicators, i);
    return ledger.recordValue(municipality, input, ACTOR);
  };
  const logEdit = (i: number) => log.append(edit(logIndicators, i));
  const catchUp = () => ledger.catchUp();
  try {
    // The generator's last imports leave a large WAL that the checkpoint worker copies in the background,
    // and its fsyncs slowed the raw rounds more than the ledger's (the quick run's ratio read 0.56 where
    // the same rounds on a quiet ledger read 0.33): all start from a checkpointed file instead.
    file.pragma('wal_checkpoint(TRUNCATE)');
    // Warm-up: statement caches, JIT, the file's first pages.
    rawRound(raw, insert, body, 20);
    await timedRound(20, 0, ledgerEdit);
    await timedRound(20, 0, logEdit);
    await catchUp();
    const ledgerRates: number[] = [];
    const logRates: number[] = [];
    const rawRates: number[] = [];
    const ratios: number[] = [];
    const logRatios: number[] = [];
    // Each round starts with both WALs copied back and started over: otherwise the background checkpoint of
    // what one round wrote runs into the next round's fsyncs, and the order of the rounds moved the ratios.
    const settle = () => {
      file.pragma('wal_checkpoint(RESTART)');
      raw.pragma('wal_checkpoint(RESTART)');
    };
    for (let round = 0; round < rounds; round++) {
      settle();
      const ledgerRate = await timedRound(opsPerRound, round * opsPerRound, ledgerEdit);
      settle();
      const logRate = await timedRound(opsPerRound, round * opsPerRound, logEdit);
      await catchUp();
      settle();
      const rawRate = rawRound(raw, insert, body, opsPerRound);
      ledgerRates.push(ledgerRate);
      logRates.push(logRate);
      rawRates.push(rawRate);
      ratios.push(ledgerRate / rawRate);
      logRatios.push(logRate / rawRate);
    }
    return {
      ledgerPerSec: median(ledgerRates),
      rawPerSec: median(rawRates),
      ratio: median(ratios),
      rowBytes,
      logOnly: { perSec: median(logRates), ratio: median(logRatios) },
    };
  } finally {
    raw.close();
    await log.close();
  }
}
