import { achievementRateProblem, computedRate, printsAs } from './achievement-rate';

const ANY = { rounding: 'any', formula: 'actual_over_target' } as const;

describe('the printed 達成率 against the figures', () => {
  it.each([
    ['105.6%', 18, 19],
    ['105.5%', 18, 19],
    ['106%', 18, 19],
    ['105%', 18, 19],
    ['100.0%', 17, 17],
    ['１０５．６％', 18, 19],
    ['―', 18, 19],
    ['120%', 0, 5],
    ['120%', null, 5],
  ])('%s holds for target %p and actual %p (or cannot be checked)', (printed, target, actual) => {
    expect(achievementRateProblem(printed, target, actual, 'HIGHER_IS_BETTER', ANY)).toBeNull();
  });

  it('holds a rate to the rounding the layout declares', () => {
    // 19 ÷ 18 = 105.555…%
    expect(printsAs(105.5555, 105.6, 1, 'round')).toBe(true);
    expect(printsAs(105.5555, 105.5, 1, 'round')).toBe(false);
    expect(printsAs(105.5555, 105.5, 1, 'floor')).toBe(true);
    expect(printsAs(105.5555, 105.6, 1, 'floor')).toBe(false);
    expect(printsAs(105.5555, 105.6, 1, 'ceil')).toBe(true);
    expect(printsAs(105.5555, 106, 0, 'ceil')).toBe(true);
  });

  it('says what the figures give when the printed rate is not it', () => {
    expect(achievementRateProblem('105.9%', 18, 19, null, ANY)).toBe('printed 達成率 105.9% but actual ÷ target is 105.556%, which rounded, cut or raised to the printed digits is not 105.9');
  });

  it('turns the rate round for LOWER_IS_BETTER only when the layout says by_direction', () => {
    expect(computedRate(50, 40, 'LOWER_IS_BETTER', 'by_direction')).toBe(125);
    expect(computedRate(50, 40, 'LOWER_IS_BETTER', 'actual_over_target')).toBe(80);
    expect(computedRate(50, 40, 'HIGHER_IS_BETTER', 'by_direction')).toBe(80);
  });
});
