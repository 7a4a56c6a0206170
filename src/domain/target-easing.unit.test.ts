import { eased, easedAfterMiss } from './target-easing';

const outcome = { kind: 'OUTCOME', direction: 'HIGHER_IS_BETTER' } as const;
const fewerIsBetter = { kind: 'ACTIVITY', direction: 'LOWER_IS_BETTER' } as const;
const target = (from: number | null, to: number | null) => ({ kind: 'TARGET', from, to }) as const;

describe('eased', () => {
  it('is a target lowered where higher is better, raised where lower is', () => {
    expect(eased(outcome, target(18, 16))).toBe(true);
    expect(eased(outcome, target(18, 19))).toBe(false);
    expect(eased(fewerIsBetter, target(10, 12))).toBe(true);
    expect(eased(fewerIsBetter, target(10, 8))).toBe(false);
  });

  it('is null for actuals, for kinds without achievement, for NONE, and where either side is text', () => {
    expect(eased(outcome, { kind: 'ACTUAL', from: 18, to: 16 })).toBeNull();
    expect(eased({ kind: 'COST', direction: 'NONE' }, target(1000, 800))).toBeNull();
    expect(eased({ kind: 'STAFFING', direction: 'HIGHER_IS_BETTER' }, target(1, 0.5))).toBeNull();
    expect(eased({ kind: 'GOAL_STATE', direction: 'HIGHER_IS_BETTER' }, target(1, 0.5))).toBeNull();
    expect(eased({ kind: 'OUTCOME', direction: 'NONE' }, target(18, 16))).toBeNull();
    expect(eased(outcome, target(null, 16))).toBeNull();
    expect(eased(outcome, target(18, null))).toBeNull();
  });
});

describe('easedAfterMiss', () => {
  it('is an eased target after the latest earlier actual fell short of its target', () => {
    expect(easedAfterMiss(outcome, target(60, 50), { target: 60, actual: 45 })).toBe(true);
    // Target/actual where lower is better: 8 meant against 10 done is a miss.
    expect(easedAfterMiss(fewerIsBetter, target(8, 10), { target: 8, actual: 10 })).toBe(true);
  });

  it('is false when the earlier year was met, or has no rate, or there is none', () => {
    expect(easedAfterMiss(outcome, target(19, 16), { target: 17, actual: 18 })).toBe(false);
    expect(easedAfterMiss(outcome, target(19, 16), { target: 17, actual: 17 })).toBe(false);
    expect(easedAfterMiss(outcome, target(19, 16), { target: 17, actual: null })).toBe(false);
    expect(easedAfterMiss(outcome, target(19, 16), { target: 0, actual: 5 })).toBe(false);
    expect(easedAfterMiss(outcome, target(19, 16), null)).toBe(false);
  });

  it('is false for a target made harder after a miss, and for anything eased is null for', () => {
    expect(easedAfterMiss(outcome, target(60, 70), { target: 60, actual: 45 })).toBe(false);
    expect(easedAfterMiss({ kind: 'COST', direction: 'NONE' }, target(1000, 800), { target: 1000, actual: 500 })).toBe(false);
  });
});
