// "Each measure's achievement at a glance": how many of its indicators met their target in the latest
// fiscal year that has actuals, and how far each one got, in words as well as colour.

export type AchievementLevel = 'achieved' | 'near' | 'short' | 'none';

/** 達成 at or above the target, 概ね達成 within 80% of it (a common 行政評価 band), 未達 below. */
export function achievementLevel(rate: number | null | undefined): AchievementLevel {
  if (rate === null || rate === undefined) return 'none';
  if (rate >= 1) return 'achieved';
  return rate >= 0.8 ? 'near' : 'short';
}

export const LEVEL_LABEL: Readonly<Record<AchievementLevel, string>> = {
  achieved: '◎ 達成',
  near: '○ 概ね達成',
  short: '△ 未達',
  none: '— 実績なし',
};

interface ValueLike {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  achievementRate: number | null;
}

interface IndicatorLike {
  kind: string;
  values: readonly ValueLike[];
}

export interface MeasureAchievement {
  fiscalYear: number;
  measured: number;
  achieved: number;
}

/** Indicators whose achievement counts: outcomes and activities (the server's `measured`), not costs. */
const counts = (indicator: IndicatorLike) => indicator.kind === 'OUTCOME' || indicator.kind === 'ACTIVITY';

/** The latest fiscal year in which some counted indicator states both target and actual; null if none. */
export function measureAchievement(indicators: readonly IndicatorLike[]): MeasureAchievement | null {
  const measuredValues = indicators.filter(counts).flatMap((indicator) =>
    indicator.values.filter((value) => value.target !== null && value.actual !== null && value.achievementRate !== null),
  );
  if (measuredValues.length === 0) return null;
  const fiscalYear = Math.max(...measuredValues.map((value) => value.fiscalYear));
  const thatYear = measuredValues.filter((value) => value.fiscalYear === fiscalYear);
  return { fiscalYear, measured: thatYear.length, achieved: thatYear.filter((value) => (value.achievementRate ?? 0) >= 1).length };
}

/** The value of the latest fiscal year with an actual, for an indicator's one-line summary. */
export function latestMeasured<V extends ValueLike>(values: readonly V[]): V | null {
  const measured = values.filter((value) => value.actual !== null);
  return measured.reduce<V | null>((latest, value) => (!latest || value.fiscalYear > latest.fiscalYear ? value : latest), null);
}
