import type { StatementRow } from '../../statements/statement-row';
import { checkTotals } from './totals';

function row(indicator: string, target: number | null, actual: number | null, cell: string, fiscalYear = 2021): StatementRow {
  const stated = (value: number | null, at: string) => (value === null ? null : { value, text: String(value), estimate: false, cell: at });
  return {
    source: { file: 'k.xlsx', sheet: 'S', line: null, cell: `A${cell.slice(1)}` },
    municipality: { code: '062073', name: '上山市', prefecture: '山形県', kind: 'municipality' },
    edition: 2021, ownerType: 'project', owner: '除雪対策事業', ownerTitle: null, department: null, policyTitle: null, chapterTitle: null,
    measures: [], budgetAccount: null, indicator, kind: 'COST', unit: '千円', direction: null, fiscalYear,
    target: stated(target, cell), actual: stated(actual, `F${cell.slice(1)}`), reason: null, publishedAt: null,
  };
}

const RULE = [{ total: '事業費', parts: ['国庫支出金', '一般財源', 'その他'] }];

describe('checkTotals', () => {
  it('holds when the parts add up, allowing half a yen per figure for 円 stated in 千円', () => {
    expect(checkTotals([row('事業費', 5923.456, 100, 'E2'), row('国庫支出金', 3000.001, 40, 'E3'), row('一般財源', 2923.455, 60, 'E4')], RULE)).toEqual([]);
  });

  it('reports each role that does not add up, at the total’s own cell, and leaves other years and owners alone', () => {
    const failures = checkTotals([row('事業費', 800, 950, 'E2'), row('その他', -20, -10, 'E3'), row('一般財源', 820, 900, 'E4'), row('事業費', 1, null, 'E5', 2022)], RULE);
    expect(failures).toEqual([
      { check: 'total', place: { file: 'k.xlsx', sheet: 'S', line: null, cell: 'F2' }, message: 'k.xlsx:S!F2: 除雪対策事業 事業費 2021 actual is 950 (printed 950) but その他 + 一般財源 add up to 890' },
    ]);
  });

  it('checks nothing where the total or every part states no figure', () => {
    expect(checkTotals([row('事業費', null, null, 'E2'), row('一般財源', 1, 1, 'E3')], RULE)).toEqual([]);
    expect(checkTotals([row('事業費', 5, 5, 'E2')], RULE)).toEqual([]);
  });
});
