import { fiscalYearLabel } from '../format/fiscal-year';
import { describeSeries, seriesPoints } from './indicator-series';

const values = [
  { fiscalYear: 2021, target: 17, actual: 17, targetRevised: false },
  { fiscalYear: 2023, target: 19, actual: null, targetRevised: true },
  { fiscalYear: 2024, target: null, actual: null, targetRevised: false },
];

describe("an indicator's series", () => {
  it('has a point per stated value and marks revised targets', () => {
    expect(seriesPoints(values)).toEqual([
      { fiscalYear: 2021, kind: '目標', value: 17, revised: false },
      { fiscalYear: 2021, kind: '実績', value: 17, revised: false },
      { fiscalYear: 2023, kind: '目標', value: 19, revised: true },
    ]);
  });

  it('says in words what the chart shows', () => {
    expect(describeSeries('NPO法人数', '団体', seriesPoints(values), fiscalYearLabel)).toBe(
      'NPO法人数の目標と実績。令和3年度 (2021): 目標 17 団体、実績 17 団体。令和5年度 (2023): 目標 19 団体（改定あり）。',
    );
    expect(describeSeries('x', null, [], fiscalYearLabel)).toBe('x: 数値の記載はありません。');
  });
});
