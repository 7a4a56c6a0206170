// A report is parsed once per import: not again when a lost race makes the import decide again, and not
// again for the dry run and the import of each edition when the CLI imports several.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { runImport } from '../src/cli/commands/import';
import { parseReport } from '../src/importer/parse-report';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { editionText } from './support/editions';
import { sampleText } from './support/sample';

jest.mock('../src/importer/parse-report', () => {
  const actual: typeof import('../src/importer/parse-report') = jest.requireActual('../src/importer/parse-report');
  return { ...actual, parseReport: jest.fn(actual.parseReport) };
});
const parses = jest.mocked(parseReport);

const NPO = '5-1-1/NPO法人数';
const quiet = { log: () => {}, warn: () => {} };

describe('a report is parsed once per import', () => {
  let dir: string;
  let ledger: Ledger;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-parse-once-'));
    store = new SqliteEventStore({ path: join(dir, 'ledger.db') });
    ledger = await Ledger.embedded(store);
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'test:importer' });
    parses.mockClear();
  });
  afterEach(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('once per document, across a retry after another writer got in first', async () => {
    const r4 = editionText(2022).split('\n');
    const cut = r4.findIndex((line, i) => line === '所属' && r4[i + 2] === '庶務課');
    const documents = [
      { text: r4.slice(0, cut).join('\n'), file: 'r4-a.txt' },
      { text: r4.slice(cut).join('\n'), file: 'r4-b.txt' },
    ];
    const append = store.append.bind(store);
    const appends = jest.spyOn(store, 'append');
    // The import's first append loses a race: an edit of a stream it decided on commits just before it.
    appends.mockImplementationOnce(async (batch) => {
      await ledger.recordValue('062073', { indicatorId: NPO, fiscalYear: 2021, kind: 'ACTUAL', value: 99, text: null, reason: 'a race' }, 'editor');
      return append(batch);
    });

    const summary = await ledger.importReport(documents, { municipality: '062073', actor: 'test:importer' });

    expect(appends).toHaveBeenCalledTimes(3); // the refused import, the edit, the import decided again
    expect(summary.eventsAppended).toBeGreaterThan(0);
    expect(parses.mock.calls.map(([, options]) => options?.file)).toEqual(['r4-a.txt', 'r4-b.txt']);
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('once per file when the CLI imports several editions (a dry run of each, then each import)', async () => {
    const files = [join(dir, 'r4.txt'), join(dir, 'r5.txt')];
    writeFileSync(files[0] ?? '', editionText(2022));
    writeFileSync(files[1] ?? '', editionText(2023));

    const summaries = await runImport(ledger, files, { dryRun: false }, quiet);

    expect(summaries.map((s) => [s.edition, s.dryRun])).toEqual([
      [2022, false],
      [2023, false],
    ]);
    expect(parses.mock.calls.map(([, options]) => options?.file)).toEqual(files);
  });
});
