import { buildWorkbook } from '../testing/build-workbook';
import { readWithLayout } from './read-with-layout';

const _ = undefined;
const TWO_ROWS = `
name: two rows per indicator
version: 1
sheet: 評価
header_rows: { from: 1, to: 1 }
last_row: 6
fields:
  municipality: { fixed: '062073' }
  edition: { fixed: 令和3年度 }
  owner_type: { fixed: measure }
  owner: { column: A, fill_down: true }
  indicator: { column: B, fill_down: true }
  kind: { fixed: ACTIVITY }
values: { orientation: wide, columns: D:E, stacked: rows }
skip: { rows: [4, 5] }
`;

const sheet = (rows: unknown[][]) => buildWorkbook([{ name: 'メモ', rows: [['not this one']] }, { name: '評価', rows: rows.map((row) => row.map((cell) => (cell === undefined ? undefined : String(cell)))) }]);

describe('layout records', () => {
  it('reads two rows per indicator (target above actual), each figure at its own cell, within the declared rows', async () => {
    const bytes = await sheet([
      ['施策', '指標', '区分', 'R2', 'R3'],
      ['5-1-1', '講座開催回数', '目標', 6, 6],
      [_, _, '実績', 5, 7],
      ['skipped', 'row', _, 1, 1],
      ['skipped', 'row', _, 1, 1],
      ['5-1-2', '相談件数', '目標', 10, '―'],
      ['notes', 'after', 'last_row', 1, 1],
    ]);
    await expect(readWithLayout(bytes, 'e.xlsx', TWO_ROWS, 't.yaml')).rejects.toThrow(/^e\.xlsx:評価!A6: values\.stacked: expected an actual row below each target row/);
    const read = await readWithLayout(bytes, 'e.xlsx', TWO_ROWS.replace('last_row: 6', 'last_row: 3'), 't.yaml');
    expect(read.rows.map((row) => [row.indicator, row.fiscalYear, row.target?.cell, row.actual?.cell, row.target?.value, row.actual?.value])).toEqual([
      ['講座開催回数', 2020, 'D2', 'D3', 6, 5],
      ['講座開催回数', 2021, 'E2', 'E3', 6, 7],
    ]);
  });

  it('names the sheets there are when the one the layout names is missing', async () => {
    const bytes = await sheet([['施策']]);
    await expect(readWithLayout(bytes, 'e.xlsx', TWO_ROWS.replace('sheet: 評価', 'sheet: 3'), 't.yaml')).rejects.toThrow(/^e\.xlsx: expected the sheet number 3 the layout names, found "メモ, 評価"/);
  });

  it('refuses a heading that names no year in the declared columns', async () => {
    const bytes = await sheet([['施策', '指標', '区分', 'R2', '備考'], ['5-1-1', '講座開催回数', '目標', 6, 'x'], [_, _, '実績', 5, _]]);
    await expect(readWithLayout(bytes, 'e.xlsx', TWO_ROWS.replace('last_row: 6', 'last_row: 3'), 't.yaml')).rejects.toThrow(/^e\.xlsx:評価!E1: values\.columns: expected a fiscal year/);
  });
});
