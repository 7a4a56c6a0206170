import { readWithLayout } from './read-with-layout';
import { shippedLayout } from './shipped-layouts';
import { budgetSheet, planActualSheet, stackedSheet, workbookOf } from './testing/shipped-fixtures';

const layoutText = (name: string): string => shippedLayout(name)?.text ?? '';
const KAMINOYAMA = { municipality: '062073' };

describe('readWithLayout: (a) 計画値/実績値 per year, wide, money in 円', () => {
  it('reads one statement per indicator and year, each value with its own cell', async () => {
    const read = await readWithLayout(await workbookOf(planActualSheet()), 'hyoka.xlsx', layoutText('plan-actual-wide-yen'), 'plan-actual-wide-yen.yaml');
    expect(read.layout).toEqual({ name: '計画値・実績値 年度横並び (円)', version: '1' });
    expect(read.rows).toHaveLength(12);
    const [npo2020, , npo2022] = read.rows;
    expect(npo2020).toMatchObject({
      source: { file: 'hyoka.xlsx', sheet: '施策評価', line: null, cell: 'A6' },
      municipality: { code: '062073' },
      edition: 2022,
      ownerType: 'measure',
      owner: '5-1-1',
      ownerTitle: '多様な担い手が参画するまちづくりの推進',
      department: '市政戦略課',
      indicator: 'NPO法人数',
      kind: 'OUTCOME',
      unit: '団体',
      direction: 'HIGHER_IS_BETTER',
      fiscalYear: 2020,
      target: { value: 16, text: '16', cell: 'H6' },
      actual: { value: 16, text: '16', cell: 'I6' },
    });
    expect(npo2022).toMatchObject({ fiscalYear: 2022, target: { value: 18, cell: 'N6' }, actual: { value: 19, cell: 'O6' } });
    // The cost row: 円 stated in 千円, the code and title filled down from the measure's first row.
    const cost = read.rows.filter((row) => row.kind === 'COST');
    expect(cost.map((row) => [row.owner, row.fiscalYear, row.target?.value, row.actual?.value, row.actual?.text])).toEqual([
      ['5-1-1', 2020, 5923, 4100, '4,100,000'],
      ['5-1-1', 2021, 6160, 6000, '6,000,000'],
      ['5-1-1', 2022, 6500, null, ''],
    ]);
    expect(read.rows.find((row) => row.indicator === '自治会加入率' && row.fiscalYear === 2022)?.actual).toMatchObject({ value: 76.2, text: '７６．２％', cell: 'O9' });
    expect(read.failures).toEqual([]);
    expect(read.rates.map((rate) => rate.text)).toContain('105.6%');
  });

  it('reports a printed 達成率 the figures do not give, at the rate cell, without refusing the read', async () => {
    const read = await readWithLayout(await workbookOf(planActualSheet({ M9: '99.9%' })), 'hyoka.xlsx', layoutText('plan-actual-wide-yen'), 'a.yaml');
    expect(read.failures).toEqual([
      {
        check: 'achievement_rate',
        place: { file: 'hyoka.xlsx', sheet: '施策評価', line: null, cell: 'M9' },
        message: expect.stringMatching(/^hyoka\.xlsx:施策評価!M9: 5-1-2 自治会加入率 2021: printed 達成率 99\.9% but actual ÷ target is 97\.375%, which rounded, cut or raised to the printed digits is not 99\.9$/),
      },
    ]);
  });

  it('refuses a year heading it cannot read, naming its cell', async () => {
    const bytes = await workbookOf(planActualSheet({ K4: '来年度' }));
    await expect(readWithLayout(bytes, 'h.xlsx', layoutText('plan-actual-wide-yen'), 'a.yaml')).rejects.toThrow(/^h\.xlsx:施策評価!K5: values\.columns: expected a fiscal year/);
  });

  it('refuses a bad figure at its own cell, and a kind the reader does not know', async () => {
    await expect(readWithLayout(await workbookOf(planActualSheet({ K6: '1,7' })), 'h.xlsx', layoutText('plan-actual-wide-yen'), 'a.yaml')).rejects.toThrow(/^h\.xlsx:施策評価!K6: target: expected a number as printed/);
    await expect(readWithLayout(await workbookOf(planActualSheet({ D7: '指標' })), 'h.xlsx', layoutText('plan-actual-wide-yen'), 'a.yaml')).rejects.toThrow(/^h\.xlsx:施策評価!D7: kind: expected OUTCOME/);
  });
});

describe('readWithLayout: (b) 上段目標/下段実績 in one cell, 平成/令和 with the Gregorian year', () => {
  it('splits each cell into the target above the actual, both at the cell', async () => {
    const read = await readWithLayout(await workbookOf(stackedSheet()), 'jigyo.xlsx', layoutText('stacked-target-actual'), 's.yaml', KAMINOYAMA);
    expect(read.rows).toHaveLength(9);
    expect(read.rows.map((row) => [row.owner, row.indicator, row.fiscalYear, row.target?.text ?? null, row.actual?.text ?? null])).toEqual([
      ['地域づくり支援事業', '講座参加者数', 2018, '100', '95'],
      ['地域づくり支援事業', '講座参加者数', 2019, '110', '120'],
      ['地域づくり支援事業', '講座参加者数', 2020, '120', ''],
      ['地域づくり支援事業', '団体設立数', 2018, '2', '2'],
      ['地域づくり支援事業', '団体設立数', 2019, '3', '1'],
      ['地域づくり支援事業', '団体設立数', 2020, '3', '―'],
      ['国際交流推進事業', '事業費', 2018, '5,000', '4,800'],
      ['国際交流推進事業', '事業費', 2019, '5,000', '4,750'],
      ['国際交流推進事業', '事業費', 2020, '5,200', ''],
    ]);
    expect(read.rows[1]).toMatchObject({ edition: 2020, ownerType: 'project', department: '企画課', measures: ['5-2-1 地域自治活動の育成'], target: { value: 110, cell: 'H4' }, actual: { value: 120, cell: 'H4' } });
    expect(read.rows[6]?.measures).toEqual(['5-1-1 多様な担い手が参画するまちづくりの推進', '6-2-1 効率的な行政運営の推進']);
  });

  it('refuses a cell of three lines, and a heading whose two notations disagree', async () => {
    await expect(readWithLayout(await workbookOf(stackedSheet({ G4: '1\n2\n3' })), 'j.xlsx', layoutText('stacked-target-actual'), 's.yaml', KAMINOYAMA)).rejects.toThrow(/^j\.xlsx:Sheet1!G4: values: expected at most two lines/);
    await expect(readWithLayout(await workbookOf(stackedSheet({ H3: '令和元年度 (2020年度)' })), 'j.xlsx', layoutText('stacked-target-actual'), 's.yaml', KAMINOYAMA)).rejects.toThrow(/^j\.xlsx:Sheet1!H3: values\.columns: expected one fiscal year, but the two notations name 2019 and 2020/);
  });

  it('needs a municipality from the layout or the caller', async () => {
    await expect(readWithLayout(await workbookOf(stackedSheet()), 'j.xlsx', layoutText('stacked-target-actual'), 's.yaml')).rejects.toThrow(/^s\.yaml: fields: expected a municipality/);
  });
});

describe('readWithLayout: (c) 予算/決算 per year in 万円, 8-digit 施策コード', () => {
  const read = async (overrides = {}) => readWithLayout(await workbookOf(budgetSheet(overrides)), 'kessan.xlsx', layoutText('budget-settlement-manyen'), 'b.yaml', { ...KAMINOYAMA, edition: 'R3' });

  it('maps the code to a measure, states 万円 in 千円, reads △ and ▲ as negative and ― as not applicable, and skips 合計', async () => {
    const { rows, failures } = await read();
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ owner: '道路維持補修事業', measures: ['5-3-1'], department: '建設課', indicator: '事業費', kind: 'COST', unit: '万円', edition: 2021, fiscalYear: 2020, target: { value: 12500, text: '1,250', cell: 'E3' }, actual: { value: 11800, cell: 'F3' } });
    expect(rows[1]).toMatchObject({ fiscalYear: 2021, actual: { value: null, text: '―', cell: 'H3' } });
    const other = rows.filter((row) => row.indicator === 'その他');
    expect(other.map((row) => [row.owner, row.measures, row.target?.value, row.actual?.value])).toEqual([
      ['除雪対策事業', ['5-3-2'], -200, -100],
      ['除雪対策事業', ['5-3-2'], 0, null],
    ]);
    expect(rows.some((row) => row.owner === '合計')).toBe(false);
    expect(failures).toEqual([]);
  });

  it('reports a 事業費 that is not the sum of its 財源内訳, at the total cell', async () => {
    const { failures } = await read({ F6: 960 });
    expect(failures.map((f) => f.message)).toEqual(['kessan.xlsx:予算決算!F6: 除雪対策事業 事業費 2020 actual is 9,600 (printed 960) but その他 + 一般財源 add up to 9,500']);
  });

  it('refuses a code the layout cannot map, and a municipality other than the one given', async () => {
    await expect(read({ A6: '5030302' })).rejects.toThrow(/^kessan\.xlsx:予算決算!A6: measures: expected a code matching/);
    const elsewhere = readWithLayout(await workbookOf(budgetSheet()), 'k.xlsx', layoutText('budget-settlement-manyen').replace('owner_type: { fixed: project }', "owner_type: { fixed: project }\n  municipality: { fixed: '072036' }"), 'b.yaml', { ...KAMINOYAMA, edition: 'R3' });
    await expect(elsewhere).rejects.toThrow(/^k\.xlsx:予算決算!A3: municipality: expected the municipality given with the import, 上山市 \(062073\), found "郡山市 \(072036\)"/);
  });
});

describe('readWithLayout: long layouts and CSV files', () => {
  const LONG = `
name: long
version: 2
header_rows: { from: 1, to: 1 }
year_notation: reiwa
fields:
  municipality: { fixed: 上山市 }
  edition: { fixed: R4 }
  owner_type: { fixed: 施策 }
  owner: { column: A, fill_down: true }
  indicator: { column: B }
  kind: { fixed: 成果指標 }
  fiscal_year: { column: C }
values: { orientation: long, target: D, actual: E, rate: F }
checks: { achievement_rate: { rounding: floor } }
`;

  it('reads one row per fiscal year from a CSV file, places being lines, bare era years in the declared era', async () => {
    const csv = '施策,指標,年度,目標,実績,達成率\n5-1-1,NPO法人数,3,17,17,100%\n,NPO法人数,4年度,18,19,105.5%\n,NPO法人数,元,15,"14\n(見込)",93.3%\n';
    const read = await readWithLayout(Buffer.from(csv), 'long.csv', LONG, 'long.yaml');
    expect(read.rows.map((row) => [row.owner, row.fiscalYear, row.target?.value, row.actual?.value, row.actual?.estimate, row.source.line])).toEqual([
      ['5-1-1', 2021, 17, 17, false, 2],
      ['5-1-1', 2022, 18, 19, false, 3],
      ['5-1-1', 2019, 15, 14, true, 4],
    ]);
    expect(read.rows[0]?.target?.cell).toBeNull();
    // 19 ÷ 18 is 105.55…%: cut to one decimal it prints 105.5, as floor declares.
    expect(read.failures).toEqual([]);
  });

  it('names the line of a CSV file in errors', async () => {
    const csv = '施策,指標,年度,目標,実績\n5-1-1,NPO法人数,3,17,"17\n(見込)"\n5-1-1,NPO法人数,0,18,19\n';
    await expect(readWithLayout(Buffer.from(csv), 'long.csv', LONG, 'long.yaml')).rejects.toThrow(/^long\.csv:4: fiscal_year: expected a year of 令和, not 0/);
  });
});
