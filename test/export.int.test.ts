// plan-ledger export on three editions: CSV that Excel opens right (BOM, CRLF), read back with a real
// CSV parser, with targets, actuals, achievement rates and revision flags, as of now or of an edition,
// and the two-year comparison.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse';
import { Ledger } from '../src/application/ledger';
import { runExport, type ExportOptions } from '../src/cli/commands/export';
import { SILENT_PROGRESS } from '../src/cli/progress';
import { writeCsv } from '../src/export/csv';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { importInOrder } from './support/editions';

type Record = { [column: string]: string };

function parseCsv(text: string): Promise<Record[]> {
  return new Promise((resolve, reject) =>
    parse(text, { bom: true, columns: true }, (error, records: Record[]) => (error ? reject(error) : resolve(records))),
  );
}

let dir: string;
let ledger: Ledger;
let n = 0;

async function exported(options: Omit<ExportOptions, 'out'> = {}) {
  const out = join(dir, `export-${n++}.csv`);
  const rows = await runExport(ledger, { ...options, out }, SILENT_PROGRESS);
  const bytes = readFileSync(out);
  const records = await parseCsv(bytes.toString('utf8'));
  expect(records).toHaveLength(rows);
  return { bytes, records };
}

const find = (records: Record[], id: string, year?: number): Record => {
  const found = records.find((r) => r['indicator_id'] === id && (year === undefined || r['fiscal_year'] === String(year)));
  if (!found) throw new Error(`no row for ${id} ${year ?? ''}`);
  return found;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-export-'));
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  await importInOrder(ledger, [2022, 2021, 2023]);
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('plan-ledger export', () => {
  it('writes UTF-8 with a BOM and CRLF, one row per indicator and fiscal year', async () => {
    const { bytes, records } = await exported();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffmunicipality,indicator_id,indicator,kind,unit,direction,owner_type,owner_id,owner,department,measures,fiscal_year,fiscal_year_label,' +
        'target,target_text,actual,actual_text,achievement_rate,target_revised,actual_revised,target_edition,actual_edition,reported_editions',
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const pairs = ledger.readModel.databaseForTests().prepare('SELECT COUNT(*) FROM (SELECT DISTINCT indicator_id, fiscal_year FROM rm_value_statements)').pluck().get();
    expect(records).toHaveLength(pairs as number);
  });

  it('states targets, actuals, achievement rates and revision flags as the newest edition has them', async () => {
    const { records } = await exported();
    expect(find(records, '062073:5-1-1/NPO法人数', 2023)).toMatchObject({
      indicator: 'NPO法人数',
      kind: 'OUTCOME',
      unit: '団体',
      owner_type: 'measure',
      owner: '多様な担い手が参画するまちづくりの推進',
      department: '市政戦略課',
      fiscal_year_label: '令和5年度',
      target: '18',
      target_text: '18 団体',
      actual: '18',
      achievement_rate: '1',
      target_revised: 'TRUE',
      actual_revised: 'FALSE',
      target_edition: '2023',
      actual_edition: '2023',
      reported_editions: '2021 2022 2023',
    });
    expect(find(records, '062073:5-1-1/第7次上山市振興計画の市民浸透度', 2021)).toMatchObject({
      target: '16',
      actual: '18.6',
      achievement_rate: '1.1625',
      actual_revised: 'TRUE',
      actual_edition: '2022',
    });
    expect(find(records, '062073:5-4-1/学生訪問団派遣人数', 2022)).toMatchObject({ target: '', target_text: '—', reported_editions: '2021 2022' });
    expect(find(records, '062073:まちづくり推進事業費/事業費', 2021)).toMatchObject({
      owner_type: 'project',
      owner: 'まちづくり推進事業費',
      measures: '5-1-1',
      target: '8300',
      actual: '7450',
      achievement_rate: '0.89759',
      reported_editions: '2021',
    });
    expect(find(records, '062073:上山型温泉クアオルト事業費/事業費', 2023)).toMatchObject({ department: '市政戦略課', measures: '3-5-2 5-4-1' });
  });

  it('--at-edition answers as published then', async () => {
    const { records } = await exported({ atEdition: 2021 });
    expect(find(records, '062073:5-1-1/NPO法人数', 2023)).toMatchObject({ target: '18', target_revised: 'FALSE', target_edition: '2021' });
    expect(records.some((r) => r['owner_id'] === '062073:関係人口創出事業費')).toBe(false);
    expect(find(records, '062073:国際交流推進費/事業費', 2021)).toMatchObject({ department: '庶務課' });
    const in2022 = (await exported({ atEdition: 2022 })).records;
    expect(find(in2022, '062073:5-1-1/NPO法人数', 2023)).toMatchObject({ target: '19', target_revised: 'TRUE', target_edition: '2022' });
  });

  it('--department keeps one 課', async () => {
    const { records } = await exported({ department: '福祉課' });
    expect([...new Set(records.map((r) => r['owner_id']))]).toEqual(['062073:5-3-1', '062073:5-3-2', '062073:人権啓発活動事業費']);
  });

  it('--compare BASE,COMPARE puts two fiscal years side by side', async () => {
    const { records } = await exported({ compare: [2022, 2023] });
    expect(records.every((r) => r['kind'] !== 'GOAL_STATE')).toBe(true);
    expect(find(records, '062073:国際交流推進費/事業費')).toMatchObject({
      base_year: '2022',
      compare_year: '2023',
      base_target: '1850',
      base_actual: '1604',
      compare_target: '1300',
      compare_actual: '1180',
      target_delta: '-550',
      actual_delta: '-424',
      compare_target_revised: 'TRUE',
    });
    expect(find(records, '062073:5-1-1/第7次上山市振興計画の市民浸透度')).toMatchObject({ base_target: '17.5', compare_target: '18.5', target_delta: '1' });
    const budget = (year: 'base' | 'compare') =>
      records.filter((r) => r['kind'] === 'COST').reduce((sum, r) => sum + (r[`${year}_target`] === '' ? 0 : Number(r[`${year}_target`])), 0);
    // The same totals as compareFiscalYears(base: 2022, compare: 2023).
    expect([budget('base'), budget('compare')]).toEqual([71055, 70249]);
  });

  it('quotes what needs quoting (csv-stringify), so any text reads back as written', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const tricky = 'a, "quoted"\r\nline、改行';
    await writeCsv(sink, ['text', 'flag', 'none'], [{ text: tricky, flag: true, none: null }]);
    expect(await parseCsv(Buffer.concat(chunks).toString('utf8'))).toEqual([{ text: tricky, flag: 'TRUE', none: '' }]);
  });
});
