import type { CellValue } from 'exceljs';
import { buildWorkbook } from '../testing/build-workbook';
import { readStatements } from './read-statements';
import { readStatementsWorkbook } from './read-statements-workbook';
import { readStatementsFile } from './read-statements-file';

const HEADER = ['municipality', 'edition', 'owner_type', 'owner', 'owner_title', 'indicator', 'kind', 'unit', 'fiscal_year', 'target', 'actual', 'source'];
const ROWS = [
  ['062073', '令和3年度', 'measure', '5-1-1', '多様な担い手が参画するまちづくりの推進', 'NPO法人数', '成果指標', '団体', 'R3', 17, 17, 'p.12'],
  ['上山市', 2021, '事業', '国際交流推進費', undefined, '事業費', 'COST', '円', 2022, 5923000, '―', undefined],
  ['062073', 'R3', 'measure', '5-1-1', undefined, '市民浸透度', 'OUTCOME', '%', 2021, 0.16, '18.4%(見込)', undefined],
];
const csvLine = (cells: readonly unknown[]) => cells.map((c) => (c === undefined ? '' : String(c))).join(',');

describe('readStatementsWorkbook', () => {
  it('reads the statements columns on the first sheet as the CSV reader does, each row with its sheet and cell', async () => {
    const bytes = await buildWorkbook([{ name: 'Sheet1', rows: [HEADER, ...ROWS], numFmts: { J4: '0.0%' } }, { name: 'memo', rows: [['ignored']] }]);
    const file = await readStatementsWorkbook(bytes, 'plan.xlsx');
    expect(file.rows.map((r) => r.source)).toEqual([2, 3, 4].map((row) => ({ file: 'plan.xlsx', sheet: 'Sheet1', line: null, cell: `A${row}` })));
    const [npo, yen, percent] = file.rows;
    expect(npo).toMatchObject({ municipality: { code: '062073' }, edition: 2021, owner: '5-1-1', fiscalYear: 2021, publishedAt: 'p.12' });
    // A target and an actual each carry their own cell.
    expect(npo?.target).toEqual({ value: 17, text: '17', estimate: false, cell: 'J2' });
    expect(npo?.actual).toEqual({ value: 17, text: '17', estimate: false, cell: 'K2' });
    expect(yen).toMatchObject({ target: { value: 5923, text: '5923000' }, actual: { value: null, text: '―' } });
    // 0.16 formatted 0.0% is the 16.0% the sheet shows.
    expect(percent).toMatchObject({ target: { value: 16, text: '16.0%' }, actual: { value: 18.4, estimate: true } });
  });

  it('states the same rows as the CSV of the same table, apart from where they were read', async () => {
    const csv = readStatements(Buffer.from([HEADER, ...ROWS.slice(0, 2)].map(csvLine).join('\n')), 'plan.csv');
    const xlsx = await readStatementsWorkbook(await buildWorkbook([{ name: 'S', rows: [HEADER, ...ROWS.slice(0, 2)] }]), 'plan.xlsx');
    const withoutPlaces = (rows: typeof csv.rows) => rows.map(({ source: _source, target, actual, ...rest }) => ({ ...rest, target: target && { ...target, cell: null }, actual: actual && { ...actual, cell: null } }));
    expect(withoutPlaces(xlsx.rows)).toEqual(withoutPlaces(csv.rows));
  });

  it('finds a table that starts lower and to the right, and warns of unknown columns by cell', async () => {
    const bytes = await buildWorkbook([{ name: 'S', rows: [[], [undefined, ...HEADER, 'memo'], [undefined, ...ROWS[0]!, 'x']] }]);
    const file = await readStatementsWorkbook(bytes, 'p.xlsx');
    expect(file.rows[0]?.source.cell).toBe('B3');
    expect(file.warnings).toEqual(["p.xlsx:S!N2: the column memo is not one of the statements file's: ignored"]);
  });

  it.each<[string, Record<string, CellValue>, RegExp]>([
    ['a bad cell', { K2: '1,2,3' }, /^p\.xlsx:Sheet1!K2: actual: expected a number as printed/],
    ['a bad fiscal year', { I2: 'R0' }, /^p\.xlsx:Sheet1!I2: fiscal_year: expected a fiscal year/],
    ['a formula saved without its result', { J2: { formula: 'K2*2' } }, /^p\.xlsx:Sheet1!J2: target: expected a value saved with the workbook, not a formula alone, found "=K2\*2"/],
    ['an error value', { K2: { error: '#DIV/0!' } }, /^p\.xlsx:Sheet1!K2: actual: expected a value, not the error #DIV\/0!/],
  ])('refuses %s, naming the sheet and the cell', async (_case, cells, message) => {
    const bytes = await buildWorkbook([{ name: 'Sheet1', rows: [HEADER, ROWS[0]!], cells }]);
    await expect(readStatementsWorkbook(bytes, 'p.xlsx')).rejects.toThrow(message);
  });

  it('tells a workbook from a CSV file by its bytes, whatever its name', async () => {
    const bytes = await buildWorkbook([{ name: 'S', rows: [HEADER, ROWS[0]!] }]);
    expect((await readStatementsFile(bytes, 'renamed.csv')).rows[0]?.source.sheet).toBe('S');
    expect((await readStatementsFile(Buffer.from([HEADER, ROWS[0]!].map(csvLine).join('\n')), 'p.csv')).rows[0]?.source.line).toBe(2);
  });

  it('reads a formula by its saved result', async () => {
    const bytes = await buildWorkbook([{ name: 'S', rows: [HEADER, ROWS[0]!], cells: { K2: { formula: 'J2+1', result: 18 } } }]);
    expect((await readStatementsWorkbook(bytes, 'p.xlsx')).rows[0]?.actual).toMatchObject({ value: 18, cell: 'K2' });
  });

  it.each([
    ['a CSV file', Buffer.from('municipality,edition\n'), /^p\.xlsx: expected an \.xlsx workbook \(a zip file/],
    ['a truncated workbook', 'truncate', /^p\.xlsx: expected an \.xlsx workbook exceljs can read/],
    ['a sheet without a required column', 'no-kind', /^p\.xlsx:Sheet1!A1: expected the columns kind, found/],
    ['an empty sheet', 'empty', /^p\.xlsx:Sheet1: expected a header row/],
  ])('refuses %s, naming the file', async (_case, input, message) => {
    const whole = await buildWorkbook([{ name: 'Sheet1', rows: input === 'empty' ? [] : [HEADER.map((h) => (input === 'no-kind' && h === 'kind' ? 'sort' : h)), ROWS[0]!] }]);
    const bytes = typeof input === 'string' ? (input === 'truncate' ? whole.subarray(0, 900) : whole) : input;
    await expect(readStatementsWorkbook(bytes, 'p.xlsx')).rejects.toThrow(message);
  });
});
