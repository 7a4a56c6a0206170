// Helpers for the PostgreSQL integration tests: where the server is, whether it answers, and a fresh
// schema per test. Not a test file itself, so the adapter's test and others can share it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testPostgresUrl(): string {
  return process.env['PLAN_LEDGER_TEST_POSTGRES_URL'] ?? DEFAULT_TEST_POSTGRES_URL;
}

/** CI sets this so that a missing server fails the run instead of skipping the suite. */
export function postgresRequired(): boolean {
  return process.env['PLAN_LEDGER_REQUIRE_POSTGRES'] === '1';
}

/** The URL with any password masked, for test titles and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

// Runs in a child process because jest collects tests synchronously: a describe callback cannot await
// a connection attempt, so the answer has to exist before the test file registers its suites.
const PROBE_SCRIPT = `
const { Client } = require(process.env.PROBE_PG_MODULE);
const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 3000 });
const describe = (e) => [e.code, e.message, ...(e.errors || []).map((x) => x.message)].filter(Boolean).join(': ');
client.connect().then(() => client.query('SELECT 1')).then(
  () => client.end().then(() => process.exit(0)),
  (e) => { process.stderr.write(describe(e) || String(e)); process.exit(1); },
);
`;

export type Reachability = { reachable: true } | { reachable: false; reason: string };

/** Blocks for at most a few seconds to find out whether the server accepts connections. */
export function probePostgresSync(url: string): Reachability {
  try {
    execFileSync(process.execPath, ['-e', PROBE_SCRIPT], {
      env: { ...process.env, PROBE_URL: url, PROBE_PG_MODULE: require.resolve('pg') },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10_000,
    });
    return { reachable: true };
  } catch (error) {
    // Duck-typed, not instanceof: jest runs tests in a separate realm whose Error is not Node's.
    const failure = typeof error === 'object' && error !== null ? error : {};
    const stderr = 'stderr' in failure ? String(failure.stderr).trim() : '';
    const timedOut = 'signal' in failure && failure.signal === 'SIGTERM' ? 'no answer within 10 s' : '';
    return { reachable: false, reason: stderr || timedOut || String(error) };
  }
}

export function freshSchemaName(): string {
  return `plan_ledger_test_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs one statement on a connection of its own, outside any store, as another program would. */
export async function rawQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
