// Small workbooks in the shapes the shipped layouts read, built with exceljs for each test run: the
// figures are made up, the shapes are those municipalities publish.
import type { CellValue } from 'exceljs';
import { buildWorkbook, type SheetSpec } from '../../testing/build-workbook';

const _ = undefined;

/** (a) 計画値/実績値/達成率 per year, year headings merged over their three columns, money in 円. */
export const planActualSheet = (overrides: Readonly<Record<string, CellValue>> = {}): SheetSpec => ({
  name: '施策評価',
  rows: [
    ['令和4年度 施策評価シート'],
    ['団体名', '上山市'],
    [],
    ['施策コード', '施策名', '担当課', '指標区分', '指標名', '単位', '方向', '令和2年度', _, _, '令和3年度', _, _, '令和4年度', _, _],
    [_, _, _, _, _, _, _, '計画値', '実績値', '達成率', '計画値', '実績値', '達成率', '計画値', '実績値', '達成率'],
    ['5-1-1', '多様な担い手が参画するまちづくりの推進', '市政戦略課', '成果指標', 'NPO法人数', '団体', '上昇', 16, 16, 1, 17, 17, 1, 18, 19, 19 / 18],
    [_, _, _, '活動指標', 'まちづくり講座の開催回数', '回', '上昇', 6, 5, '83.3%', 6, 6, '100.0%', 6, '―', '―'],
    [_, _, _, '事業費', '事業費', '円', '―', 5923000, 4100000, _, 6160000, '6,000,000', _, 6500000, _, _],
    ['5-1-2', '地域コミュニティの活性化', '市民生活課', '成果指標', '自治会加入率', '％', '上昇', '80.0%', '78.5%', '98.1%', '80.0%', '77.9%', '97.4%', '81.0%', '７６．２％', '94.1%'],
    ['備考: 達成率は実績値÷計画値'],
  ],
  merges: ['H4:J4', 'K4:M4', 'N4:P4'],
  numFmts: { J6: '0.0%', M6: '0.0%', P6: '0.0%', H8: '#,##0', I8: '#,##0', K8: '#,##0', N8: '#,##0' },
  cells: overrides,
});

/** (b) 上段目標/下段実績 in one cell, years as 平成30年度 (2018年度). */
export const stackedSheet = (overrides: Readonly<Record<string, CellValue>> = {}): SheetSpec => ({
  name: 'Sheet1',
  rows: [
    ['令和2年度 事務事業評価表'],
    ['上段：目標　下段：実績'],
    ['事業名', '担当課', '施策', '指標名', '区分', '単位', '平成30年度 (2018年度)', '令和元年度 (2019年度)', '令和2年度 (2020年度)'],
    ['地域づくり支援事業', '企画課', '5-2-1 地域自治活動の育成', '講座参加者数', '活動指標', '人', '100\n95', '110\n120', '120\n'],
    [_, _, _, '団体設立数', '成果指標', '団体', '2\n2', '3\n1', '3\n―'],
    ['国際交流推進事業', '市政戦略課', '5-1-1 多様な担い手が参画するまちづくりの推進; 6-2-1 効率的な行政運営の推進', '事業費', '事業費', '千円', '5,000\n4,800', '5,000\n4,750', '5,200'],
  ],
  cells: overrides,
});

/** (c) 予算/決算 per year in 万円, △ and ―, 8-digit 施策コード, 財源内訳 lines and a 合計 row. */
export const budgetSheet = (overrides: Readonly<Record<string, CellValue>> = {}): SheetSpec => ({
  name: '予算決算',
  rows: [
    ['主要事業 予算・決算一覧 (単位：万円)'],
    ['施策コード', '事業名', '所管課', '区分', '令和2年度予算', '令和2年度決算', '令和3年度予算', '令和3年度決算'],
    ['05030301', '道路維持補修事業', '建設課', '事業費', '1,250', '1,180', '1,300', '―'],
    [_, _, _, '国庫支出金', 500, 450, 520, '―'],
    [_, _, _, '一般財源', 750, 730, 780, '―'],
    ['05030302', '除雪対策事業', '建設課', '事業費', 800, 950, 850, '―'],
    [_, _, _, 'その他', '△20', '▲10', 0, '―'],
    [_, _, _, '一般財源', 820, 960, 850, '―'],
    [_, '合計', _, _, 2050, 2130, 2150, '―'],
  ],
  cells: overrides,
});

export const workbookOf = (sheet: SheetSpec): Promise<Uint8Array> => buildWorkbook([sheet]);
