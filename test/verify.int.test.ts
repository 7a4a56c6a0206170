import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { toRecorded, type EventRow } from '../src/store/sqlite/event-row';
import type { RecordedEvent } from '../src/store/event-store';
import { chainHash } from '../src/store/hash-chain';
import { dropSchema, freshSchemaName } from '../src/store/postgres/testing/test-database';
import { PostgresEventStore } from '../src/store/postgres/postgres-event-store';
import { describeWithPostgres } from './support/postgres';
import { sampleText } from './support/sample';

// Tampering happens the way an attacker with file access would do it: straight in the database file,
// after removing the append-only triggers.
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;');
  db.exec(sql);
  db.close();
}

describe('verify', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-verify-'));
    path = join(dir, 'ledger.db');
    const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await ledger.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verdict(options: { full?: boolean } = {}) {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
    try {
      return await ledger.verify(options);
    } finally {
      await ledger.close();
    }
  }

  async function recordOne(): Promise<void> {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
    try {
      await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 19, text: null, reason: 'recount' }, 'editor');
    } finally {
      await ledger.close();
    }
  }

  it('passes on a clean log and reports its head', async () => {
    const result = await verdict();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.headPosition).toBe(295);
      expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  function positionOf(like: string): number {
    const db = new Database(path, { readonly: true });
    const position = db.prepare('SELECT position FROM events WHERE data LIKE ? ORDER BY position LIMIT 1').pluck().get(like) as number | undefined;
    db.close();
    if (position === undefined) throw new Error(`no event matches ${like}`);
    return position;
  }

  it.each([
    ['an edited value', () => positionOf('%"value":6160,%'), (p: number) => `UPDATE events SET data = replace(data, '6160', '6100') WHERE position = ${p}`, 0],
    ['an edited actor', () => 7, (p: number) => `UPDATE events SET metadata = replace(metadata, '"importer"', '"someone"') WHERE position = ${p}`, 0],
    ['a deleted event', () => 50, (p: number) => `DELETE FROM events WHERE position = ${p}`, 1],
    [
      'swapped events',
      () => 30,
      (p: number) => `UPDATE events SET position = -1 WHERE position = ${p}; UPDATE events SET position = ${p} WHERE position = ${p + 1}; UPDATE events SET position = ${p + 1} WHERE position = -1`,
      0,
    ],
  ])('fails on %s and names the first bad position', async (_what, target, sql, offset) => {
    const position = target();
    tamper(path, sql(position));
    const result = await verdict();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.position).toBe(position + offset);
  });

  describe('incremental, from the head verified last', () => {
    it('walks only what was appended since, and says so', async () => {
      expect(await verdict()).toMatchObject({ ok: true, full: true, events: 295, fromPosition: 0, toPosition: 295 });
      expect(await verdict()).toMatchObject({ ok: true, full: false, events: 0, fromPosition: 295, toPosition: 295, headPosition: 295 });
      await recordOne();
      expect(await verdict()).toMatchObject({ ok: true, full: false, events: 1, fromPosition: 295, toPosition: 296 });
      expect(await verdict({ full: true })).toMatchObject({ ok: true, full: true, events: 296, fromPosition: 0, toPosition: 296 });
    });

    it('fails when the kept head does not match the log: another hash there, or a shorter log', async () => {
      await verdict();
      tamper(path, `UPDATE verified_head SET hash = '${'a'.repeat(64)}'`);
      expect(await verdict()).toMatchObject({ ok: false, position: 295, problem: expect.stringMatching(/verified head kept for position 295 \(a{64}\) does not match the log/) });
      tamper(path, `UPDATE verified_head SET position = 400`);
      expect(await verdict()).toMatchObject({ ok: false, position: 400, problem: expect.stringMatching(/verified head kept for position 400 is not in the log: the log is shorter/) });
      expect(await verdict({ full: true })).toMatchObject({ ok: false, position: 400 });
    });

    it('fails when the log was cut back below the kept head, though what is left is a sound chain', async () => {
      await verdict();
      tamper(path, 'DELETE FROM events WHERE position > 290');
      expect(await verdict()).toMatchObject({ ok: false, position: 295, problem: expect.stringMatching(/not in the log: the log is shorter \(truncated\)/) });
      expect(await verdict({ full: true })).toMatchObject({ ok: false, position: 295 });
    });

    it('leaves an edit before the kept head to --full, which catches it', async () => {
      await verdict();
      const position = positionOf('%"value":6160,%');
      tamper(path, `UPDATE events SET data = replace(data, '6160', '6100') WHERE position = ${position}`);
      expect(await verdict()).toMatchObject({ ok: true, events: 0 });
      expect(await verdict({ full: true })).toMatchObject({ ok: false, full: true, position });
    });

    it('catches a log rewritten with a consistent chain, and does not take its head as the verified one', async () => {
      await verdict();
      // The last event's content edited and its hash recomputed: the chain holds, but not at the kept head.
      const last = lastEvent(path);
      const metadata = { ...last.metadata, reason: 'rewritten' };
      const hash = chainHash(last.previousHash, { ...last, metadata });
      tamper(path, `UPDATE events SET metadata = '${JSON.stringify(metadata)}', hash = '${hash}' WHERE position = 295`);
      expect(await verdict({ full: true })).toMatchObject({ ok: false, position: 295, problem: expect.stringMatching(/does not match the log/) });
      expect(await verdict()).toMatchObject({ ok: false, position: 295 });
    });

    it('shares the walk in progress between concurrent callers', async () => {
      const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
      try {
        const [a, b, c] = await Promise.all([ledger.verify({ full: true }), ledger.verify(), ledger.verify({ full: true })]);
        expect(a).toBe(b);
        expect(a).toBe(c);
        // A full caller does not take an incremental walk's answer.
        const [routine, full] = await Promise.all([ledger.verify(), ledger.verify({ full: true })]);
        expect(routine).toMatchObject({ full: false, events: 0 });
        expect(full).toMatchObject({ full: true, events: 295 });
      } finally {
        await ledger.close();
      }
    });
  });

  it('walks a log it cannot open in the worker (in memory) from pages the main thread reads', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    const ledger = await Ledger.embedded(store);
    try {
      await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
      expect(await ledger.verify()).toMatchObject({ ok: true, full: true, events: 295, toPosition: 295 });
      store.db.exec("DROP TRIGGER IF EXISTS events_no_update; UPDATE events SET data = replace(data, '6160', '6100')");
      expect(await ledger.verify({ full: true })).toMatchObject({ ok: false, problem: expect.stringMatching(/altered/) });
    } finally {
      await ledger.close();
    }
  });
});

function lastEvent(path: string): RecordedEvent {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY position DESC LIMIT 1').get();
    if (!row) throw new Error('empty log');
    return toRecorded(row);
  } finally {
    db.close();
  }
}

describeWithPostgres('verify on a PostgreSQL store (read and hashed in the worker, on a connection of its own)', (url) => {
  it('walks the whole log, then only what is new', async () => {
    const schema = freshSchemaName();
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-verify-pg-'));
    const ledger = await Ledger.withReadModel(new PostgresEventStore({ connectionString: url, schema }), join(dir, 'read-model.db'));
    try {
      await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
      expect(await ledger.verify()).toMatchObject({ ok: true, full: true, events: 295, fromPosition: 0, toPosition: 295 });
      await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 19, text: null, reason: 'recount' }, 'editor');
      expect(await ledger.verify()).toMatchObject({ ok: true, full: false, events: 1, fromPosition: 295, toPosition: 296 });
      expect(await ledger.verify({ full: true })).toMatchObject({ ok: true, events: 296, toPosition: 296 });
    } finally {
      await ledger.close();
      await dropSchema(url, schema);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
