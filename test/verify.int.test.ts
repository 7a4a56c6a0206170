import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
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
    await ledger.importReport(sampleText(), { actor: 'importer' });
    await ledger.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verdict() {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
    try {
      return await ledger.verify();
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
});
