// The plan-ledger command as an operator runs it: a real process, a real store file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { runCli } from './support/cli-process';
import { SAMPLE_PATH } from './support/sample';

describe('plan-ledger CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(env, ...args);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-cli-'));
    env = { ...process.env, PLAN_LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`, PLAN_LEDGER_ACTOR: 'operator' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports, re-imports as a no-op, verifies, and detects a truncated log with --expect-head', async () => {
    const first = await cli('import', '--municipality', '062073', SAMPLE_PATH);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/令和3年度 \(2021\): appended 295 events; 6 measures, 8 projects/);
    expect((await cli('import', '--municipality', '062073', SAMPLE_PATH)).stdout).toMatch(/appended 0 events/);

    const verified = await cli('verify');
    expect(verified.code).toBe(0);
    const head = /head ([0-9a-f]{64})/.exec(verified.stdout)?.[1];
    expect(head).toBeDefined();
    expect(verified.stdout).toMatch(/OK: 295 events walked, the whole log/);
    expect(verified.stdout).toMatch(/walked positions 1-295/);
    const routine = await cli('verify', '--expect-head', head!);
    expect(routine.code).toBe(0);
    expect(routine.stdout).toMatch(/OK: 0 events walked, since the head verified last \(position 295\)/);
    expect((await cli('verify', '--full')).stdout).toMatch(/OK: 295 events walked, the whole log/);

    const db = new Database(join(dir, 'ledger.db'));
    db.exec('DROP TRIGGER events_no_delete; DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)');
    db.close();
    // The shortened log is still a valid chain, but the ledger kept the head it verified: it is gone.
    const cut = await cli('verify');
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/BROKEN at position 295: the verified head kept for position 295 is not in the log/);
    // Without a kept head (a new read model), only the head written down elsewhere tells it was truncated.
    const kept = new Database(join(dir, 'ledger.db'));
    kept.exec('DELETE FROM verified_head');
    kept.close();
    expect((await cli('verify')).code).toBe(0);
    const truncated = await cli('verify', '--expect-head', head!);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/ends at position 294 .* not the expected head/);
    // Ten processes, each starting Node: seconds apiece on a busy machine.
  }, 90_000);

  it('refuses a broken report with file:line and writes nothing', async () => {
    const broken = join(dir, 'broken.txt');
    const lines = readFileSync(SAMPLE_PATH, 'utf8').split('\n');
    lines[43] = lines[43]!.replace('17 団体', 'abc');
    writeFileSync(broken, lines.join('\n'));
    const result = await cli('import', '--municipality', '062073', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${broken}:44: expected`);
    expect(result.stderr).toContain('"abc"');
    const verified = await cli('verify');
    expect(verified.stdout).toMatch(/OK: 0 events/);
  });

  it('reports a dry run without writing', async () => {
    const dry = await cli('import', '--municipality', '062073', '--dry-run', SAMPLE_PATH);
    expect(dry.stdout).toMatch(/would append 295 events/);
    expect((await cli('verify')).stdout).toMatch(/OK: 0 events/);
  });

  it('rebuilds the read model', async () => {
    await cli('import', '--municipality', '062073', SAMPLE_PATH);
    const rebuilt = await cli('rebuild');
    expect(rebuilt.stdout).toMatch(/rebuilt the read model from 295 events/);
  });
  it('refuses an import naming a code with a wrong check digit, naming the right one, and writes nothing', async () => {
    const refused = await cli('import', '--municipality', '062074', SAMPLE_PATH);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/062074 is not a municipality code: the check digit of 06207 is 3/);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(await cli('verify')).toMatchObject({ code: 0, stdout: expect.stringMatching(/0 events/) });
  });

  it('asks for the municipality of a first import, and assumes the only one after it', async () => {
    const unnamed = await cli('import', SAMPLE_PATH);
    expect(unnamed.code).toBe(1);
    expect(unnamed.stderr).toMatch(/the ledger holds no municipality yet: name the municipality/);
    expect((await cli('import', '--municipality', '上山市', SAMPLE_PATH)).code).toBe(0);
    expect((await cli('import', SAMPLE_PATH)).stdout).toMatch(/appended 0 events/);
  });

  it('will not open a ledger written before municipalities until PLAN_LEDGER_MUNICIPALITY names its own, and says so without a stack trace', async () => {
    writeFileSync(join(dir, 'ledger.db'), gunzipSync(readFileSync(join(__dirname, 'fixtures', 'ledger-before-municipalities.db.gz'))));
    const refused = await cli('verify');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/set PLAN_LEDGER_MUNICIPALITY to the code or name of the municipality they belong to/);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    env['PLAN_LEDGER_MUNICIPALITY'] = '062073';
    expect(await cli('verify', '--full')).toMatchObject({ code: 0, stdout: expect.stringMatching(/04cfbf80b4b6c2b7e5dffd70423aadfa0c014eb69b9ce589cf208f118fc0d149/) });
  });
});
