import { fold, type Emitted, type Folded } from './decider';
import { DomainError } from './domain-error';
import { indicatorDecider, valueAsOf, type IndicatorCommand, type IndicatorState } from './indicator';

const ID = '5-1-1/NPO法人数';

/** Runs commands in order against an evolving state, the way the application does. */
function run(commands: IndicatorCommand[], state: IndicatorState = indicatorDecider.initialState()) {
  const events: Folded[] = [];
  let revision = -1;
  for (const command of commands) {
    for (const e of indicatorDecider.decide(command, state)) {
      revision += 1;
      const folded = { type: e.type, data: e.data, revision };
      state = indicatorDecider.evolve(state, folded);
      events.push(folded);
    }
  }
  return { state, events };
}

const define = (edition = 2021): IndicatorCommand => ({
  type: 'ReportIndicator', indicatorId: ID, ownerType: 'measure', ownerId: '5-1-1', kind: 'OUTCOME', name: 'NPO法人数', unit: '団体', edition, line: 44,
});
const stateValue = (edition: number, fiscalYear: number, value: number | null, text = `${value} 団体`): IndicatorCommand => ({
  type: 'StateValue', indicatorId: ID, fiscalYear, kind: 'TARGET', value, text, edition, line: 44,
});
const recordValue = (overrides: Partial<Extract<IndicatorCommand, { type: 'RecordValue' }>> = {}): IndicatorCommand => ({
  type: 'RecordValue', indicatorId: ID, fiscalYear: 2022, kind: 'ACTUAL', value: 18, text: null, reason: 'counted again', effectiveEdition: 2021, ...overrides,
});

describe('indicator decider', () => {
  it('defines the indicator once and records that each edition reported it', () => {
    const { events } = run([define(2021), define(2021), define(2022)]);
    expect(events.map((e) => e.type)).toEqual(['IndicatorDefined', 'IndicatorReported', 'IndicatorReported']);
  });

  it('sets a target, revises it in a later edition, and appends nothing for a restatement', () => {
    const { events, state } = run([define(), stateValue(2021, 2023, 18), stateValue(2021, 2023, 18), stateValue(2022, 2023, 19), stateValue(2022, 2023, 19)]);
    expect(events.map((e) => e.type)).toEqual(['IndicatorDefined', 'IndicatorReported', 'TargetSet', 'TargetRevised']);
    expect(events[3]?.data).toMatchObject({ value: 19, previousValue: 18, effectiveEdition: 2022 });
    expect(valueAsOf(state, 2023, 'TARGET')).toEqual({ value: 19, text: '19 団体' });
    expect(valueAsOf(state, 2023, 'TARGET', 2021)).toEqual({ value: 18, text: '18 団体' });
  });

  it('keeps the newer edition current when an older edition arrives later', () => {
    const { state, events } = run([define(2022), stateValue(2022, 2023, 19), define(2021), stateValue(2021, 2023, 18)]);
    expect(events.filter((e) => e.type.startsWith('Target')).map((e) => e.type)).toEqual(['TargetSet', 'TargetSet']);
    expect(valueAsOf(state, 2023, 'TARGET')?.value).toBe(19);
    expect(valueAsOf(state, 2023, 'TARGET', 2021)?.value).toBe(18);
  });

  it('records a direct edit with its reason, even when it restates the value', () => {
    const { state } = run([define(), stateValue(2021, 2022, 17)]);
    const emitted: Emitted[] = indicatorDecider.decide(recordValue({ kind: 'TARGET', value: 17, text: '17 団体' }), state);
    expect(emitted.map((e) => e.type)).toEqual(['TargetRevised']);
  });

  it.each<[string, Partial<Extract<IndicatorCommand, { type: 'RecordValue' }>>, RegExp]>([
    ['a fiscal year before 1989', { fiscalYear: 1988 }, /fiscalYear must be a whole year from 1989 to 2100/],
    ['a fiscal year after 2100', { fiscalYear: 99999 }, /fiscalYear/],
    ['a fractional fiscal year', { fiscalYear: 2021.5 }, /fiscalYear/],
    ['NaN', { value: Number.NaN }, /finite/],
    ['Infinity', { value: Number.POSITIVE_INFINITY }, /finite/],
    ['an empty reason', { reason: '   ' }, /reason is required/],
    ['neither value nor text', { value: null, text: null }, /needs a number or a text/],
  ])('refuses %s with a message that names the field', (_what, overrides, message) => {
    const { state } = run([define()]);
    let caught: unknown;
    try {
      indicatorDecider.decide(recordValue(overrides), state);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('BAD_USER_INPUT');
    expect((caught as DomainError).message).toMatch(message);
  });

  it('refuses negative staff-years', () => {
    const { state } = run([{ ...define(), kind: 'STAFFING', name: '従事人工', unit: '人工' } as IndicatorCommand]);
    expect(() => indicatorDecider.decide(recordValue({ value: -0.5 }), state)).toThrow(/cannot be negative/);
  });

  it('refuses a value for an unknown indicator with NOT_FOUND', () => {
    expect(() => indicatorDecider.decide(recordValue(), indicatorDecider.initialState())).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('folds to the same state it decided on', () => {
    const { events, state } = run([define(), stateValue(2021, 2021, 17), stateValue(2022, 2021, 16)]);
    expect(fold(indicatorDecider, events)).toEqual(state);
  });
});
