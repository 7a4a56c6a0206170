import type { IndicatorEvent } from '../../events/indicator-events';
import { fold } from './decider';
import { DomainError } from './domain-error';
import { indicatorDecider, valueAsOf, type IndicatorCommand } from './indicator';
import { decide } from './testing/decider-specification';

const ID = '5-1-1/NPO法人数';
const indicator = decide(indicatorDecider);

const define = (edition = 2021): IndicatorCommand => ({
  type: 'ReportIndicator', indicatorId: ID, ownerType: 'measure', ownerId: '5-1-1', kind: 'OUTCOME', name: 'NPO法人数', unit: '団体', edition, line: 44,
});
const stateValue = (edition: number, fiscalYear: number, value: number | null, text = `${value} 団体`): IndicatorCommand => ({
  type: 'StateValue', indicatorId: ID, fiscalYear, kind: 'TARGET', value, text, edition, line: 44,
});
const recordValue = (overrides: Partial<Extract<IndicatorCommand, { type: 'RecordValue' }>> = {}): IndicatorCommand => ({
  type: 'RecordValue', indicatorId: ID, fiscalYear: 2022, kind: 'ACTUAL', value: 18, text: null, reason: 'counted again', effectiveEdition: 2021, ...overrides,
});

/** The history `define()` leaves: the indicator defined and reported by the 2021 edition. */
const defined = (kind: 'OUTCOME' | 'STAFFING' = 'OUTCOME'): IndicatorEvent[] => [
  {
    type: 'IndicatorDefined',
    data: { indicatorId: ID, ownerType: 'measure', ownerId: '5-1-1', kind, name: 'NPO法人数', unit: '団体', direction: kind === 'OUTCOME' ? 'HIGHER_IS_BETTER' : 'NONE' },
  },
  { type: 'IndicatorReported', data: { indicatorId: ID, edition: 2021, changes: { name: { from: null, to: 'NPO法人数' }, unit: { from: null, to: '団体' } }, cells: null } },
];

describe('indicator decider', () => {
  it('defines the indicator once and records that each edition reported it', () => {
    indicator.given().when(define(2021), define(2021), define(2022)).thenTypes(['IndicatorDefined', 'IndicatorReported', 'IndicatorReported']);
  });

  it('emits the definition and the report the history above stands for', () => {
    indicator.given().when(define(2021)).then(defined().map((event) => ({ ...event, line: 44 })));
  });

  it('sets a target, revises it in a later edition, and appends nothing for a restatement', () => {
    const { events, state } = indicator
      .given(defined())
      .when(stateValue(2021, 2023, 18), stateValue(2021, 2023, 18), stateValue(2022, 2023, 19), stateValue(2022, 2023, 19))
      .thenTypes(['TargetSet', 'TargetRevised']);
    expect(events[1]?.data).toMatchObject({ value: 19, previousValue: 18, effectiveEdition: 2022 });
    expect(valueAsOf(state, 2023, 'TARGET')).toEqual({ value: 19, text: '19 団体' });
    expect(valueAsOf(state, 2023, 'TARGET', 2021)).toEqual({ value: 18, text: '18 団体' });
  });

  it('keeps the newer edition current when an older edition arrives later', () => {
    indicator
      .given()
      .when(define(2022), stateValue(2022, 2023, 19), define(2021), stateValue(2021, 2023, 18))
      .then(({ state, events }) => {
        expect(events.filter((e) => e.type.startsWith('Target')).map((e) => e.type)).toEqual(['TargetSet', 'TargetSet']);
        expect(valueAsOf(state, 2023, 'TARGET')?.value).toBe(19);
        expect(valueAsOf(state, 2023, 'TARGET', 2021)?.value).toBe(18);
      });
  });

  it('records a direct edit with its reason, even when it restates the value', () => {
    indicator
      .given(defined())
      .when(stateValue(2021, 2022, 17), recordValue({ kind: 'TARGET', value: 17, text: '17 団体' }))
      .thenTypes(['TargetSet', 'TargetRevised']);
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
    indicator
      .given(defined())
      .when(recordValue(overrides))
      .thenThrows(DomainError, (error) => {
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.message).toMatch(message);
      });
  });

  it('refuses negative staff-years', () => {
    indicator.given(defined('STAFFING')).when(recordValue({ value: -0.5 })).thenThrows(/cannot be negative/);
  });

  it('refuses a value for an unknown indicator with NOT_FOUND', () => {
    indicator
      .given()
      .when(recordValue())
      .thenThrows(DomainError, (error) => expect(error.code).toBe('NOT_FOUND'));
  });

  it('folds to the same state it decided on', () => {
    indicator
      .given()
      .when(define(), stateValue(2021, 2021, 17), stateValue(2022, 2021, 16))
      .then(({ events, state }) => {
        expect(fold(indicatorDecider, events.map((event, streamRevision) => ({ ...event, streamRevision })))).toEqual(state);
      });
  });
});
