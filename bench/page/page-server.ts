// A real `plan-ledger serve` for the page's benchmark and screenshots: a fresh SQLite ledger in a temp
// dir holding two municipalities, imported through the CLI as an operator would: 上山市 (062073), the
// bundled sample (令和3年度) and its 令和4年度 edition (test/fixtures/editions), and 郡山市 (072036), a
// stand-in given the sample's 令和3年度 text, so the municipality list and comparison have two rows.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/config/paths';

const BIN = fromRoot('bin', 'plan-ledger.js');
export const SAMPLE_EDITIONS = [fromRoot('samples', 'kaminoyama-r3-chapter5.txt'), fromRoot('test', 'fixtures', 'editions', 'kaminoyama-r4-chapter5.txt')];
/** The municipalities the ledger holds, and the reports imported for each. */
export const PAGE_MUNICIPALITIES: ReadonlyArray<{ code: string; reports: readonly string[] }> = [
  { code: '062073', reports: SAMPLE_EDITIONS },
  { code: '072036', reports: SAMPLE_EDITIONS.slice(0, 1) },
];

export interface PageServer {
  origin: string;
  /** A token minted with the server's key (`plan-ledger token`), acting for every municipality. */
  token(role: 'auditor' | 'admin', sub: string): string;
  stop(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-page-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PLAN_LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`,
    PLAN_LEDGER_JWT_SECRET: randomBytes(32).toString('hex'),
  };
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`plan-ledger ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return result.stdout.trim();
  };
  for (const { code, reports } of PAGE_MUNICIPALITIES) cli(['import', '--municipality', code, ...reports]);
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /serving GraphQL at (http:\/\/\S+?)["\s]/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(new URL(url).origin);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    token: (role, sub) => cli(['token', '--role', role, '--sub', sub, '--municipality', '*']).split('\n').pop() ?? '',
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
