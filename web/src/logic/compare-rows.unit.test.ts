import { departmentRows, projectRows, type CostComparison } from './compare-rows';

const cost = (name: string, department: string, base: [number | null, number | null], compare: [number | null, number | null]): CostComparison => ({
  indicator: { id: `${name}/事業費`, kind: 'COST', project: { id: name, name, department } },
  base: { target: base[0], actual: base[1] },
  compare: { target: compare[0], actual: compare[1] },
});

const items: CostComparison[] = [
  cost('地域おこし協力隊推進事業費', '市政戦略課', [6160, 280], [14759, 12030]),
  cost('まちづくり推進事業費', '市政戦略課', [8300, 7450], [1000, null]),
  cost('国際交流推進費', '庶務課', [null, 0], [1250, null]),
  { indicator: { id: '5-1-1/NPO法人数', kind: 'OUTCOME', project: null }, base: { target: 17, actual: 17 }, compare: null },
];

describe('budget and spending by project and department', () => {
  it('has one row per project cost, with its execution rate', () => {
    const rows = projectRows(items);
    expect(rows.map((r) => r.name)).toEqual(['地域おこし協力隊推進事業費', 'まちづくり推進事業費', '国際交流推進費']);
    expect(rows[0]?.executionRate.base).toBeCloseTo(280 / 6160);
    expect(rows[2]?.budget.base).toBeNull();
    expect(rows[2]?.executionRate.base).toBeNull();
  });

  it('sums a department, the rate over projects that state both', () => {
    const [strategy, general] = departmentRows(items);
    expect(strategy).toMatchObject({ name: '市政戦略課', budget: { base: 14460, compare: 15759 }, spending: { base: 7730, compare: 12030 } });
    expect(strategy?.executionRate.compare).toBeCloseTo(12030 / 14759);
    expect(general).toMatchObject({ name: '庶務課', budget: { base: null, compare: 1250 }, spending: { base: 0, compare: null } });
  });
});
