// An indicator's values as the chart and its table show them: one point per stated target or actual,
// each revised target marked (more than one edition stated it differently).

interface ValueLike {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  targetRevised: boolean;
}

export type SeriesKind = '目標' | '実績';

export interface SeriesPoint {
  fiscalYear: number;
  kind: SeriesKind;
  value: number;
  revised: boolean;
}

export function seriesPoints(values: readonly ValueLike[]): SeriesPoint[] {
  return values.flatMap((value) => [
    ...(value.target !== null ? [{ fiscalYear: value.fiscalYear, kind: '目標' as const, value: value.target, revised: value.targetRevised }] : []),
    ...(value.actual !== null ? [{ fiscalYear: value.fiscalYear, kind: '実績' as const, value: value.actual, revised: false }] : []),
  ]);
}

/** The chart's text alternative: what a sighted reader takes from it, in one paragraph. */
export function describeSeries(name: string, unit: string | null, points: readonly SeriesPoint[], yearLabel: (year: number) => string): string {
  if (points.length === 0) return `${name}: 数値の記載はありません。`;
  const suffix = unit ? ` ${unit}` : '';
  const sentences = [...new Set(points.map((p) => p.fiscalYear))].sort((a, b) => a - b).map((year) => {
    const said = points
      .filter((p) => p.fiscalYear === year)
      .map((p) => `${p.kind} ${p.value}${suffix}${p.revised ? '（改定あり）' : ''}`)
      .join('、');
    return `${yearLabel(year)}: ${said}`;
  });
  return `${name}の目標と実績。${sentences.join('。')}。`;
}
