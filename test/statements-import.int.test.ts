// plan-ledger import FILE.csv: a statements file, recognised by its header, imported through the same path
// as a text report: one append per municipality and edition, all planned before any is written, and
// nothing written when any row or any group is refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Ledger } from '../src/application/ledger';
import { runImport, type ImportCommandOptions } from '../src/cli/commands/import';
import { SILENT_PROGRESS } from '../src/cli/progress';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';

const HEADER = 'municipality,edition,owner_type,owner,owner_title,department,measures,budget_account,indicator,kind,unit,fiscal_year,target,actual,reason';
const ROWS = [
  '062073,R3,measure,5-1-1,多様な担い手が参画するまちづくりの推進,市政戦略課,,,NPO法人数,OUTCOME,団体,2021,17 団体,17 団体,',
  '062073,R3,project,地域おこし協力隊推進事業費,,市政戦略課,5-1-1,01一般会計・02総務費・01総務管理費・06企画費,事業費,COST,千円,2021,"6,160",280,',
  '062073,R4,measure,5-1-1,多様な担い手が参画するまちづくりの推進,市政戦略課,,,NPO法人数,OUTCOME,団体,2022,17 団体,18 団体,',
  '072036,R3,measure,3-1-1,安心な暮らし,総務課,,,防災訓練参加者数,OUTCOME,人,2021,100,90,',
];

let dir: string;
let ledger: Ledger;
let n = 0;
const logged: string[] = [];
const output = { log: (line: string) => logged.push(line), warn: (line: string) => logged.push(line), progress: SILENT_PROGRESS };

function file(rows: readonly string[], encode: (text: string) => Buffer = (text) => Buffer.from(text, 'utf8')): string {
  const path = join(dir, `statements-${n++}.csv`);
  writeFileSync(path, encode([HEADER, ...rows].join('\r\n')));
  return path;
}

const importing = (path: string, options: Partial<ImportCommandOptions> = {}) => runImport(ledger, [path], { dryRun: false, ...options }, output);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-statements-import-'));
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  logged.length = 0;
});
afterEach(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import of a statements file', () => {
  it('imports each municipality and edition of the file as its own append, in the order the file names them', async () => {
    const summaries = await importing(file(ROWS));
    expect(summaries.map((s) => [s.municipality, s.edition, s.eventsAppended > 0])).toEqual([
      ['062073', 2021, true],
      ['062073', 2022, true],
      ['072036', 2021, true],
    ]);
    expect(ledger.readModel.editions().map((e) => `${e.municipality} ${e.fiscalYear}`)).toEqual(['062073 2021', '062073 2022', '072036 2021']);
    expect(logged[0]).toMatch(/statements-\d+\.csv \[上山市 062073\]: 令和3年度 \(2021\): appended \d+ events; 1 measures, 1 projects, 2 indicators/);
    // Imported again, the file changes nothing.
    expect((await importing(file(ROWS))).map((s) => s.eventsAppended)).toEqual([0, 0, 0]);
  });

  it('reads Shift_JIS as Excel in Japan saves it', async () => {
    const [summary] = await importing(file([ROWS[0]!], (text) => iconv.encode(text, 'cp932')));
    expect(summary).toMatchObject({ municipality: '062073', edition: 2021, measures: 1 });
  });

  it('refuses a row of another municipality than --municipality, naming its line, and writes nothing', async () => {
    await expect(importing(file(ROWS), { municipality: '上山市' })).rejects.toThrow(/statements-\d+\.csv:5: municipality: expected the municipality given with the import, 上山市 \(062073\)/);
    expect(await ledger.log.headPosition()).toBe(0);
  });

  it('plans every group before writing any: a group the domain refuses writes nothing at all', async () => {
    // A staffing figure the domain refuses (negative) in the last group, the first two being fine.
    const bad = '072036,R3,project,防災事業,,総務課,,,従事人工,STAFFING,人工,2021,-1,0.5,';
    await expect(importing(file([...ROWS, bad]))).rejects.toThrow(/statements-\d+\.csv:6/);
    expect(await ledger.log.headPosition()).toBe(0);
  });

  it('refuses a bad cell as file:line: column: expected …, found …', async () => {
    await expect(importing(file([ROWS[0]!.replace(',2021,17 団体', ',来年,17 団体')]))).rejects.toThrow(
      /statements-\d+\.csv:2: fiscal_year: expected a fiscal year .*, found "来年"$/,
    );
    expect(await ledger.log.headPosition()).toBe(0);
  });

  it('dry-runs: says what would change and writes nothing', async () => {
    const summaries = await importing(file(ROWS), { dryRun: true });
    expect(summaries.every((s) => s.dryRun && s.eventsPlanned > 0)).toBe(true);
    expect(await ledger.log.headPosition()).toBe(0);
  });
});
