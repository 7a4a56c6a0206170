// The statements round trip as an operator runs it, through the built CLI: `export --statements` of a
// ledger holding two editions, `import` of that file into an empty store, and the analysts' `export` of
// both stores the same. And a statements file naming a municipality code with a wrong check digit is
// refused with exit code 1 and the file:line: message, no stack trace, and nothing written.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editionText } from './support/editions';
import { runCli, type CliResult } from './support/cli-process';
import { SAMPLE_PATH } from './support/sample';

let dir: string;

/** Runs the CLI against the SQLite store `store` (a file in the test's directory). */
function cli(store: string, ...args: string[]): Promise<CliResult> {
  return runCli({ ...process.env, PLAN_LEDGER_STORE: `sqlite:${join(dir, store)}`, PLAN_LEDGER_ACTOR: 'operator' }, ...args);
}

async function ok(store: string, ...args: string[]): Promise<string> {
  const result = await cli(store, ...args);
  if (result.code !== 0) throw new Error(`plan-ledger ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** The store's files (database, write-ahead log) as length and SHA-256: equal answers, nothing written. */
function storeBytes(store: string): string[] {
  const path = join(dir, store);
  return [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => {
    const bytes = readFileSync(file);
    return `${file.slice(dir.length)} ${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
  });
}

/** A CSV's header and its rows in order: line order is the one thing left to the exporter. */
function csvLines(path: string): { header: string; rows: string[] } {
  const [header = '', ...rows] = readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((line) => line !== '');
  return { header, rows: rows.sort() };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-statements-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan-ledger export --statements, then import into an empty store', () => {
  const statements = () => join(dir, 'statements.csv');

  it('answers the analysts’ export as the ledger it came from', async () => {
    const r4 = join(dir, 'kaminoyama-r4.txt');
    writeFileSync(r4, editionText(2022));
    await ok('source.db', 'import', '--municipality', '062073', SAMPLE_PATH);
    await ok('source.db', 'import', '--municipality', '062073', r4);
    await ok('source.db', 'export', '--statements', '-o', statements());

    const imported = await ok('copy.db', 'import', statements());
    expect(imported).toMatch(/\[上山市 062073\]: 令和3年度 \(2021\): appended \d+ events/);
    expect(imported).toMatch(/\[上山市 062073\]: 令和4年度 \(2022\): appended \d+ events/);

    await ok('source.db', 'export', '-o', join(dir, 'source.csv'));
    await ok('copy.db', 'export', '-o', join(dir, 'copy.csv'));
    const source = csvLines(join(dir, 'source.csv'));
    // Both editions' values are there: the comparison is of a ledger, not of two empty files.
    expect(source.rows.length).toBeGreaterThan(100);
    expect(source.rows.some((row) => row.includes('2022'))).toBe(true);
    expect(csvLines(join(dir, 'copy.csv'))).toEqual(source);
  }, 120_000);

  it('refuses a statements file naming a municipality code with a wrong check digit: exit 1, file:line:, no stack, nothing written', async () => {
    const lines = readFileSync(statements(), 'utf8').split('\r\n');
    const [, first = ''] = lines;
    expect(first.startsWith('062073,')).toBe(true);
    // 06207's check digit is 3: 062074 is the code of no municipality.
    lines[1] = first.replace(/^062073,/, '062074,');
    const wrong = join(dir, 'wrong-check-digit.csv');
    writeFileSync(wrong, lines.join('\r\n'));

    const before = storeBytes('copy.db');
    const result = await cli('copy.db', 'import', wrong);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${wrong.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: municipality: expected .*found "062074"`));
    expect(result.stderr).toContain('check digit');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toMatch(/appended/);
    expect(storeBytes('copy.db')).toEqual(before);
  }, 60_000);
});
