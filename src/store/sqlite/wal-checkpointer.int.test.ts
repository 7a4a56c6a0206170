import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer';
import { fromRoot } from '../../config/paths';

const event = (id: string) => ({
  id,
  type: 'T',
  version: 1,
  data: { payload: 'x'.repeat(2000) },
  metadata: { actor: 'a', reason: null, edition: null, source: null, correlationId: 'c', causationId: null },
});

/** Frames in the WAL not yet copied into the database file, as a second connection sees them. */
function uncheckpointedFrames(path: string): number {
  const db = new Database(path);
  try {
    // NOOP reports the counts without copying anything itself.
    const [row] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
    return row ? row.log - row.checkpointed : Number.NaN;
  } finally {
    db.close();
  }
}

describe('background WAL checkpoints of the embedded store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-wal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed frames into the database file without the appending connection checkpointing', async () => {
    const path = join(dir, 'ledger.db');
    const store = new SqliteEventStore({ path });
    try {
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
      for (let i = 0; i < 300; i++) await store.append([{ streamId: `s-${i % 7}`, expectedRevision: 'any', events: [event(`e${i}`)] }]);
      // 300 events of 2 KB are far below the backstop: only the worker can have checkpointed them.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && uncheckpointedFrames(path) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncheckpointedFrames(path)).toBe(0);
      const copy = new Database(path, { readonly: true });
      expect(copy.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(300);
      copy.close();
    } finally {
      await store.close();
    }
  });

  /** A WAL file only a WalCheckpointer checkpoints (SQLite's own automatic checkpoints are off). */
  const walOnlyFile = (name: string) => {
    const path = join(dir, name);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (body TEXT)');
    return { path, db, insert: db.prepare('INSERT INTO t (body) VALUES (?)') };
  };

  it('starts the WAL over under a steady stream of commits instead of letting it grow', async () => {
    const { path, db, insert } = walOnlyFile('steady.db');
    const checkpointer = new WalCheckpointer(path, { pollMs: 5, restartFrames: 50 });
    try {
      // Never a pause between commits long enough for the worker's PASSIVE checkpoint alone to catch up.
      const commits = 4_000;
      for (let i = 1; i <= commits; i++) {
        db.transaction(() => insert.run('x'.repeat(3000))).immediate();
        checkpointer.afterCommit(db);
        if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      // They write some 12,000 frames (about 50 MB): a WAL never started over holds them all.
      expect(statSync(`${path}-wal`).size).toBeLessThan(25 * 2 ** 20);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('never fails the commit before it: a checkpoint after a commit that fails is only reported', async () => {
    const { path, db, insert } = walOnlyFile('failing.db');
    const errors: string[] = [];
    const checkpointer = new WalCheckpointer(path, { pollMs: 5, restartFrames: 20, onError: (message) => errors.push(message) });
    const failing = {
      pragma: () => {
        throw new Error('disk I/O error');
      },
    } as unknown as Database.Database;
    try {
      for (let i = 0; i < 30; i++) db.transaction(() => insert.run('x'.repeat(3000))).immediate();
      // Until the worker has checkpointed the 20 frames and asked the writer to finish the restart.
      const deadline = Date.now() + 5000;
      while (errors.length === 0 && Date.now() < deadline) {
        expect(() => checkpointer.afterCommit(failing)).not.toThrow();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(errors).toEqual(['disk I/O error']);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('does not keep a process alive that left its store open and has nothing else to do', async () => {
    // The compiled store (jest's global setup builds dist/), in a process of its own.
    const store = fromRoot('dist', 'src', 'store', 'sqlite', 'sqlite-event-store.js');
    const code = `const { SqliteEventStore } = require(${JSON.stringify(store)}); new SqliteEventStore({ path: ${JSON.stringify(join(dir, 'open.db'))} });`;
    const exit = await new Promise<{ code: number | null; timedOut: boolean }>((resolve) => {
      const child = execFile(process.execPath, ['-e', code], { timeout: 10_000 }, (error) =>
        resolve({ code: child.exitCode, timedOut: error !== null && 'killed' in error && error.killed === true }),
      );
    });
    expect(exit).toEqual({ code: 0, timedOut: false });
  });

  it('is off for an in-memory store, which keeps SQLite’s own checkpoints', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).not.toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    await store.close();
  });
});
