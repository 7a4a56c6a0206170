// The importer fuzz (src/importer/importer-fuzz.unit.test.ts) at the level of a store: a thousand and
// more seeded corruptions of statements CSV files (UTF-8, Shift_JIS, and encodings they are not),
// statements workbooks (built with exceljs) and sheets read through the shipped layouts, each written to
// a file and imported through the CLI's own path (runImport) into an SQLite store holding the sample.
// Each must either fail with a typed error whose message starts with the file and the place in it, the
// store's files then byte for byte what they were, or import rows that hold (finite values, supported
// fiscal years). Successful imports change the store, so later cases meet a ledger that grows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { InconsistentImportError } from '../src/cli/commands/import/consistency-gate';
import { runImport } from '../src/cli/commands/import';
import { SILENT_PROGRESS } from '../src/cli/progress';
import { isSupportedFiscalYear } from '../src/domain/fiscal-year';
import { shippedLayout } from '../src/importer/layouts/shipped-layouts';
import { ReportParseError } from '../src/importer/report-errors';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { csvCase, layoutCase, workbookCase, type ImportCase } from './support/corrupt-import-cases';
import { seededRandom } from './support/reliability';
import { sampleText } from './support/sample';
import { storeBytes } from './support/store-bytes';

const SEED = Number(process.env['CORRUPTION_SEED'] ?? 20_261_215);
const CASES = { csv: 450, workbook: 300, layout: 300 };
const WRONG_CHECK_DIGIT = 'a municipality code with a wrong check digit';
const SILENT = { log: () => {}, warn: () => {}, progress: SILENT_PROGRESS };

let dir: string;
let path: string;
let ledger: Ledger;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-corrupt-imports-'));
  path = join(dir, 'ledger.db');
  ledger = await Ledger.embedded(new SqliteEventStore({ path }));
  await ledger.importReport(sampleText(), { municipality: '062073', actor: 'test:importer', file: 'r3.txt' });
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `file:12: `, `file.xlsx:Sheet1!C7: `, `file.xlsx:Sheet1: ` or `file.xlsx: ` (the file as a whole: a
 * workbook cut short has no cell to name) at the start of a message, for one of `files`.
 */
const placed = (message: string, files: readonly string[]): boolean =>
  new RegExp(`^(?:${files.map(escaped).join('|')})(?::(?:\\d+|[^\\s!:]+(?:![A-Z]+\\d+)?))?: `).test(message);

/** What is wrong with a refusal, or null: a typed error at a place of one of the files. */
function refusalProblem(error: unknown, files: readonly string[]): string | null {
  if (error instanceof ReportParseError) {
    if (error.file === undefined || !files.includes(error.file)) return `names ${String(error.file)}, not one of ${files.join(', ')}`;
    return placed(error.message, files) ? null : `a message without its file and place: ${error.message.slice(0, 300)}`;
  }
  if (error instanceof InconsistentImportError) {
    const unplaced = error.failures.find((failure) => !placed(failure.message, files));
    return unplaced ? `an inconsistency without its place: ${unplaced.message}` : null;
  }
  return `threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`;
}

interface StatedValue {
  value: number | null;
  fiscalYear: number;
  edition: number | null;
}

/** What is wrong with the values an import appended after `position`, or null when they hold. */
function appendedProblem(position: number): string | null {
  const stated = ledger.readModel
    .databaseForTests()
    .prepare<[number], StatedValue>('SELECT value, fiscal_year AS fiscalYear, edition FROM rm_value_statements WHERE position > ?')
    .all(position);
  const bad = stated.find((s) => (s.value !== null && !Number.isFinite(s.value)) || !isSupportedFiscalYear(s.fiscalYear) || (s.edition !== null && !isSupportedFiscalYear(s.edition)));
  return bad ? `stored a value that does not hold: ${JSON.stringify(bad)}` : null;
}

const headPosition = (): number =>
  ledger.readModel.databaseForTests().prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() ?? 0;

interface Tally {
  imported: number;
  refused: number;
  /** Refusals that name the file as a whole, with no line or cell (a workbook cut short, say). */
  wholeFile: number;
  problems: string[];
}

async function importEach(count: number, seed: number, makeCase: (random: () => number, n: number) => ImportCase | Promise<ImportCase>): Promise<Tally> {
  const random = seededRandom(seed);
  const tally: Tally = { imported: 0, refused: 0, wholeFile: 0, problems: [] };
  let before = await storeBytes(ledger, path);
  for (let n = 0; n < count; n++) {
    const testCase = await makeCase(random, n);
    const file = join(dir, testCase.name);
    writeFileSync(file, testCase.bytes);
    const files = [file];
    let layout = testCase.options.layout;
    if (testCase.layout) {
      layout = join(dir, testCase.layout.name);
      writeFileSync(layout, testCase.layout.text);
      files.push(layout);
    } else if (layout !== undefined) {
      files.push(shippedLayout(layout)?.file ?? layout);
    }
    const where = `case ${n} (${testCase.damage})`;
    const position = headPosition();
    try {
      const summaries = await runImport(ledger, [file], { ...testCase.options, layout, dryRun: false }, SILENT);
      tally.imported += 1;
      // Unless bytes were damaged too (a cut may drop the row that named it).
      if (testCase.damage.includes(WRONG_CHECK_DIGIT) && !testCase.damage.includes(' + ')) tally.problems.push(`${where}: imported a file naming no municipality`);
      const problem = appendedProblem(position);
      if (problem) tally.problems.push(`${where}: ${problem}`);
      const after = await storeBytes(ledger, path);
      // The comparison must see a write, or "unchanged" after a refusal proves nothing.
      const appended = summaries.reduce((n, s) => n + s.eventsAppended, 0);
      if (appended > 0 && after.join() === before.join()) tally.problems.push(`${where}: appended ${appended} events, yet the store's files read the same`);
      before = after;
    } catch (error) {
      tally.refused += 1;
      if (error instanceof ReportParseError && error.line === 0 && error.sheet === undefined) tally.wholeFile += 1;
      const problem = refusalProblem(error, files);
      if (problem) tally.problems.push(`${where}: ${problem}`);
      const after = await storeBytes(ledger, path);
      if (after.join() !== before.join()) tally.problems.push(`${where}: refused, but the store's files changed`);
    }
  }
  return tally;
}

describe(`corrupt statements files and sheets imported into a store holding the sample (seed ${SEED})`, () => {
  it(`${CASES.csv} statements CSV files: each imports rows that hold, or is refused at a place and writes nothing`, async () => {
    const tally = await importEach(CASES.csv, SEED, csvCase);
    expect(tally.problems).toEqual([]);
    // Both outcomes well represented, or the corruptions test nothing.
    expect(tally.imported).toBeGreaterThan(CASES.csv / 20);
    expect(tally.refused).toBeGreaterThan(CASES.csv / 2);
  }, 60_000);

  it(`${CASES.workbook} statements workbooks: the same`, async () => {
    const tally = await importEach(CASES.workbook, SEED + 1, workbookCase);
    expect(tally.problems).toEqual([]);
    expect(tally.imported).toBeGreaterThan(CASES.workbook / 20);
    expect(tally.refused).toBeGreaterThan(CASES.workbook / 2);
  }, 60_000);

  it(`${CASES.layout} sheets read through the shipped layouts (now and then a damaged copy of one): the same`, async () => {
    const tally = await importEach(CASES.layout, SEED + 2, layoutCase);
    expect(tally.problems).toEqual([]);
    expect(tally.imported).toBeGreaterThan(CASES.layout / 20);
    expect(tally.refused).toBeGreaterThan(CASES.layout / 4);
  }, 60_000);
});
