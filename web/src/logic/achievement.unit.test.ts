import { achievementLevel, latestMeasured, measureAchievement } from './achievement';

const value = (fiscalYear: number, target: number | null, actual: number | null) => ({
  fiscalYear, target, actual, achievementRate: target !== null && actual !== null && target !== 0 ? actual / target : null,
});

describe('achievement at a glance', () => {
  it('names the level in bands', () => {
    expect(achievementLevel(1.15)).toBe('achieved');
    expect(achievementLevel(1)).toBe('achieved');
    expect(achievementLevel(0.85)).toBe('near');
    expect(achievementLevel(0.04545)).toBe('short');
    expect(achievementLevel(null)).toBe('none');
  });

  it('counts outcomes and activities of the latest year with actuals, not costs', () => {
    const indicators = [
      { kind: 'OUTCOME', values: [value(2021, 16, 18.4), value(2022, 17.5, 19.2), value(2023, 18.5, null)] },
      { kind: 'OUTCOME', values: [value(2021, 17, 17), value(2022, 17, 16)] },
      { kind: 'COST', values: [value(2022, 6160, 280)] },
    ];
    expect(measureAchievement(indicators)).toEqual({ fiscalYear: 2022, measured: 2, achieved: 1 });
  });

  it('has nothing to say without an actual', () => {
    expect(measureAchievement([{ kind: 'OUTCOME', values: [value(2023, 18, null)] }])).toBeNull();
    expect(measureAchievement([])).toBeNull();
  });

  it('finds the latest value with an actual', () => {
    expect(latestMeasured([value(2022, 1, 2), value(2021, 1, 1), value(2023, 1, null)])?.fiscalYear).toBe(2022);
    expect(latestMeasured([value(2023, 1, null)])).toBeNull();
  });
});
