import { achievementRate } from './achievement';

describe('achievementRate', () => {
  it.each([
    ['OUTCOME', 'HIGHER_IS_BETTER', 16, 18.4, 1.15],
    ['ACTIVITY', 'HIGHER_IS_BETTER', 6, 0, 0],
    ['COST', 'NONE', 6160, 280, 280 / 6160],
    ['OUTCOME', 'LOWER_IS_BETTER', 10, 8, 1.25],
    ['OUTCOME', 'LOWER_IS_BETTER', 10, 0, null],
    ['OUTCOME', 'HIGHER_IS_BETTER', 0, 5, null],
    ['OUTCOME', 'HIGHER_IS_BETTER', null, 5, null],
    ['COST', 'NONE', 100, null, null],
    ['STAFFING', 'NONE', 0.8, 0.1, null],
    ['GOAL_STATE', 'NONE', null, null, null],
  ] as const)('%s %s target %s actual %s → %s', (kind, direction, target, actual, expected) => {
    const rate = achievementRate(kind, direction, target, actual);
    if (expected === null) expect(rate).toBeNull();
    else expect(rate).toBeCloseTo(expected, 10);
  });
});
