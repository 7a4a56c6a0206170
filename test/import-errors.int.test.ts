// A report that cannot be read fails with file:line, what was expected and what was found, and writes
// nothing: the SQLite files are byte-for-byte what they were. Dry runs report and write nothing too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { runImport } from '../src/cli/commands/import';
import { ReportParseError } from '../src/importer/report-errors';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { editionText } from './support/editions';
import { sampleText } from './support/sample';
import { storeBytes } from './support/store-bytes';

const SAMPLE = sampleText();

function editLine(text: string, number: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const line = lines[number - 1];
  if (line === undefined) throw new Error(`no line ${number}`);
  const edited = edit(line);
  if (edited === line) throw new Error(`line ${number} unchanged`);
  lines[number - 1] = edited;
  return lines.join('\n');
}

let dir: string;
let path: string;
let ledger: Ledger;

async function failure(promise: Promise<unknown>): Promise<ReportParseError> {
  const caught: unknown = await promise.then(
    () => new Error('the import succeeded'),
    (error: unknown) => error,
  );
  if (!(caught instanceof ReportParseError)) throw caught;
  return caught;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-import-errors-'));
  path = join(dir, 'ledger.db');
  ledger = await Ledger.embedded(new SqliteEventStore({ path }));
  await ledger.importReport(SAMPLE, { municipality: '062073', actor: 'test:importer', file: 'r3.txt' });
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a report that cannot be read', () => {
  const R4 = editionText(2022);
  it.each<[string, () => string | { text: string; file: string }[], string, number, RegExp, string]>([
    ['a word in a value cell', () => editLine(R4, 44, (l) => l.replace('17 団体', 'たくさん')), 'r4.txt', 44, /a number or a dash in NPO法人数/, 'たくさん'],
    ['a header year that does not parse', () => editLine(R4, 42, (l) => l.replace('令和4年度目標', 'R4年度目標')), 'r4.txt', 42, /column heading/, 'R4年度目標'],
    ['a negative cost (△), which the ledger refuses', () => editLine(R4, 70, (l) => l.replace('12,030', '△12,030')), 'r4.txt', 70, /value the ledger accepts \(value cannot be negative/, '△12,030'],
    ['a project sheet of another edition', () => editLine(R4, 54, (l) => l.replace('令和4年度', '令和5年度')), 'r4.txt', 54, /edition 令和4年度 \(2022\)/, '令和5年度 実施計画兼予算要求書（検証）'],
    ['a missing section', () => editLine(R4, 63, () => ''), 'r4.txt', 67, /目的/, expect.any(String) as unknown as string],
    ['garbage before the first sheet', () => `x\u0000y\n${R4}`, 'r4.txt', 1, /所属/, 'x\u0000y'],
    [
      'a broken second file of a split report',
      () => {
        const lines = R4.split('\n');
        const cut = lines.findIndex((line, i) => line === '所属' && lines[i + 2] === '庶務課');
        return [
          { text: lines.slice(0, cut).join('\n'), file: 'part-1.txt' },
          { text: editLine(lines.slice(cut).join('\n'), 5, () => '振興計画?'), file: 'part-2.txt' },
        ];
      },
      'part-2.txt',
      10,
      /振興計画/,
      '施策',
    ],
    [
      'files of two editions in one import',
      () => [
        { text: R4, file: 'r4.txt' },
        { text: editionText(2023), file: 'r5.txt' },
      ],
      'r5.txt',
      3,
      /the edition of r4.txt, 令和4年度 \(2022\): the documents of one import are one report/,
      '令和5年度 (2023)',
    ],
  ])('%s: fails at file:line and writes nothing', async (_name, input, file, line, expected, found) => {
    const before = await storeBytes(ledger, path);
    const made = input();
    const error = await failure(ledger.importReport(made, { municipality: '062073', actor: 'test:importer', file: 'r4.txt' }));
    expect(error).toMatchObject({ name: 'ReportParseError', file, line, found });
    expect(error.expected).toMatch(expected);
    expect(error.message.startsWith(`${file}:${line}: expected `)).toBe(true);
    expect(await storeBytes(ledger, path)).toEqual(before);
  });

  it('a Shift_JIS file fails at the line of its first byte that is not UTF-8, and writes nothing', async () => {
    const file = join(dir, 'sjis.txt');
    // Two good lines, then 所属 in Shift_JIS.
    writeFileSync(file, Buffer.concat([Buffer.from('\n\n', 'utf8'), Buffer.from([0x8f, 0x8a, 0x91, 0xae, 0x0a])]));
    const before = await storeBytes(ledger, path);
    const error = await failure(runImport(ledger, [file], { dryRun: false }, { log: () => {}, warn: () => {} }));
    expect(error).toMatchObject({ file, line: 3, expected: 'UTF-8 text' });
    expect(error.found).toMatch(/^bytes that are not UTF-8 \(Shift_JIS\?\): 8f 8a 91 ae/);
    expect(await storeBytes(ledger, path)).toEqual(before);
  });
});

describe('dry runs', () => {
  it('importReport(dryRun) reports the changes and appends nothing', async () => {
    const before = await storeBytes(ledger, path);
    const summary = await ledger.importReport(editionText(2022), { municipality: '062073', actor: 'test:importer', dryRun: true });
    expect(summary).toMatchObject({ edition: 2022, dryRun: true, eventsAppended: 0 });
    expect(summary.eventsPlanned).toBeGreaterThan(100);
    expect(summary.changes).toContainEqual(
      expect.objectContaining({ indicatorId: '5-1-1/NPO法人数', fiscalYear: 2023, kind: 'TARGET', from: 18, to: 19, delta: 1 }),
    );
    expect(summary.absences).toEqual([{ type: 'project', id: 'まちづくり推進事業費', edition: 2022 }]);
    expect(await storeBytes(ledger, path)).toEqual(before);
  });

  it('plan-ledger import --dry-run prints every change and writes nothing', async () => {
    const file = join(dir, 'r4.txt');
    writeFileSync(file, editionText(2022));
    const before = await storeBytes(ledger, path);
    const lines: string[] = [];
    const [summary] = await runImport(ledger, [file], { dryRun: true }, { log: (l) => lines.push(l), warn: (l) => lines.push(l) });
    expect(summary).toMatchObject({ dryRun: true, eventsAppended: 0 });
    expect(lines[0]).toMatch(new RegExp(`^${file}: 令和4年度 \\(2022\\): would append \\d+ events; 6 measures, 8 projects`));
    expect(lines).toContain('  5-1-1/NPO法人数 2023 TARGET: 18 団体 → 19 団体');
    expect(lines).toContain('  project まちづくり推進事業費: not in the 2022 report');
    expect(await storeBytes(ledger, path)).toEqual(before);
  });
});

describe('plan-ledger import of several files', () => {
  it('imports the files of one edition as one append, edition after edition; an unreadable file writes nothing at all', async () => {
    const r4 = editionText(2022).split('\n');
    const files = {
      r4a: join(dir, 'r4-a.txt'),
      r5: join(dir, 'r5.txt'),
      r4b: join(dir, 'r4-b.txt'),
      broken: join(dir, 'broken.txt'),
    };
    const cut = r4.findIndex((line, i) => line === '所属' && r4[i + 2] === '庶務課');
    writeFileSync(files.r4a, r4.slice(0, cut).join('\n'));
    writeFileSync(files.r4b, r4.slice(cut).join('\n'));
    writeFileSync(files.r5, editionText(2023));
    const r5 = editionText(2023).split('\n');
    const row = r5.findIndex((line) => line.includes('地域間交流地区数')) + 1;
    writeFileSync(files.broken, editLine(editionText(2023), row, (l) => l.replace('28 地区', 'たくさん')));
    const quiet = { log: () => {}, warn: () => {} };

    const before = await storeBytes(ledger, path);
    const error = await failure(runImport(ledger, [files.r4a, files.r5, files.r4b, files.broken], { dryRun: false }, quiet));
    expect(error).toMatchObject({ file: files.broken, line: row });
    expect(await storeBytes(ledger, path)).toEqual(before);

    const lines: string[] = [];
    const summaries = await runImport(ledger, [files.r4a, files.r5, files.r4b], { dryRun: false }, { log: (l) => lines.push(l), warn: () => {} });
    expect(summaries.map((s) => [s.edition, s.measures, s.projects])).toEqual([
      [2022, 6, 8],
      [2023, 6, 8],
    ]);
    expect(lines[0]).toMatch(new RegExp(`^${files.r4a}, ${files.r4b}: 令和4年度 \\(2022\\): appended \\d+ events`));
    const imports = ledger.readModel.databaseForTests()
      .prepare("SELECT json_extract(data, '$.fiscalYear') AS edition, COUNT(DISTINCT json_extract(metadata, '$.correlationId')) AS appends FROM events WHERE type = 'EditionImported' GROUP BY 1 ORDER BY 1")
      .all();
    expect(imports).toEqual([
      { edition: 2021, appends: 1 },
      { edition: 2022, appends: 1 },
      { edition: 2023, appends: 1 },
    ]);
    // The 2022 append carries the events of both of its files.
    const documents = ledger.readModel.databaseForTests()
      .prepare(
        `SELECT COUNT(DISTINCT json_extract(metadata, '$.source.sha256')) FROM events
         WHERE type <> 'EditionImported' AND json_extract(metadata, '$.correlationId') =
           (SELECT json_extract(metadata, '$.correlationId') FROM events WHERE type = 'EditionImported' AND json_extract(data, '$.fiscalYear') = 2022)`,
      )
      .pluck()
      .get();
    expect(documents).toBe(2);
  });
});
