// plan-ledger link as an operator runs it, after a dry run of the renaming edition suggested the link.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from './support/cli-process';
import { SAMPLE_PATH } from './support/sample';
import { renamed2022Text, RENAMED } from './support/editions';

describe('plan-ledger link', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(env, ...args);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-link-'));
    env = { ...process.env, PLAN_LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`, PLAN_LEDGER_ACTOR: 'operator' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('suggests the link in a dry run, links on request with the actor and reason, and refuses a second link', async () => {
    const renamed = join(dir, 'r4.txt');
    writeFileSync(renamed, renamed2022Text());
    expect((await cli('import', '--municipality', '062073', SAMPLE_PATH)).code).toBe(0);

    const dryRun = await cli('import', '--municipality', '062073', '--dry-run', renamed);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain(`renamed? ${RENAMED.from} → ${RENAMED.to} (names 73% alike)`);
    expect(dryRun.stdout).toContain(`plan-ledger link '${RENAMED.from}' '${RENAMED.to}' --municipality 062073 --reason …`);
    // A suggestion only: nothing is linked, nothing written.
    expect((await cli('import', '--municipality', '062073', renamed)).code).toBe(0);

    const linked = await cli('link', RENAMED.from, RENAMED.to, '--municipality', '062073', '--reason', '令和4年度に名称変更');
    expect(linked.stderr).toBe('');
    expect(linked.code).toBe(0);
    expect(linked.stdout).toMatch(new RegExp(`062073: linked ${RENAMED.from} → ${RENAMED.to} \\(position \\d+\\)`));

    const again = await cli('link', RENAMED.from, '5-1-1/第7次上山市振興計画の市民浸透度', '--reason', 'again');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/error: 5-1-1\/NPO法人数 is linked to 5-1-1\/NPO法人の数 already/);
    const noReason = await cli('link', RENAMED.from, RENAMED.to);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/required option '--reason <text>'/);

    const db = new Database(join(dir, 'ledger.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT type, actor, reason FROM rm_audit_log WHERE type = 'IndicatorLinked'").all()).toEqual([
        { type: 'IndicatorLinked', actor: 'operator', reason: '令和4年度に名称変更' },
      ]);
      // The 2021 actual stated under the old name is the renamed indicator's.
      expect(db.prepare("SELECT COUNT(*) FROM rm_value_statements WHERE indicator_id = ? AND edition = 2021").pluck().get(`062073:${RENAMED.to}`)).toBeGreaterThan(0);
      expect(db.prepare('SELECT COUNT(*) FROM rm_value_statements WHERE indicator_id = ?').pluck().get(`062073:${RENAMED.from}`)).toBe(0);
    } finally {
      db.close();
    }
  });
});
