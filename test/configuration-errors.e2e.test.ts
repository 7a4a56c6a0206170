// A bad value in the environment stops `plan-ledger serve` before it takes traffic, with the message
// naming the variable and nothing else: no stack trace to dig it out of.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(__dirname, '..', 'bin', 'plan-ledger.js');

describe('plan-ledger serve with a bad environment', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ PLAN_LEDGER_MAX_DEPTH: 'deep' }, /^error: invalid limits configuration: PLAN_LEDGER_MAX_DEPTH="deep" must be a whole number\n$/],
    [{ PLAN_LEDGER_STORE: 'mysql://db' }, /^error: PLAN_LEDGER_STORE must be sqlite:PATH, postgres:\/\/\.\.\. or kurrentdb:\/\/\.\.\., got "mysql:\/\/db"\n$/],
    [{ PLAN_LEDGER_RATE_LIMIT_RPS: 'many' }, /^error: invalid client limits configuration: PLAN_LEDGER_RATE_LIMIT_RPS="many" must be a whole number\n$/],
    [{ PLAN_LEDGER_CORS_ORIGINS: 'example.jp' }, /^error: PLAN_LEDGER_CORS_ORIGINS must be \* or origins like/],
    [{ PLAN_LEDGER_JWT_SECRET: 'short' }, /^error: invalid authentication configuration: PLAN_LEDGER_JWT_SECRET: must be at least 32 bytes/],
    [{ PLAN_LEDGER_PRESENT_CACHE_MB: 'lots' }, /^error: PLAN_LEDGER_PRESENT_CACHE_MB must be a whole number of MiB/],
  ])('%j stops it with the message alone', async (bad, message) => {
    const env = { ...process.env, PLAN_LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`, ...bad };
    const failed = await run(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const stderr = (failed?.stderr ?? '').split('\n').filter((line) => !line.startsWith('{')).join('\n');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
