import type { IndicatorEvent } from '../../events/indicator-events';
import type { IndicatorKind } from '../../events/vocabulary';
import { DomainError } from './domain-error';
import { indicatorDecider, type IndicatorCommand } from './indicator';
import type { LinkTarget } from './indicator-link';
import { decide } from './testing/decider-specification';

const FROM = '5-1-1/NPO法人数';
const TO = '5-1-1/NPO法人の数';
const indicator = decide(indicatorDecider);

/** FROM as the 2021 edition reported it. */
const reported2021 = (kind: IndicatorKind = 'OUTCOME'): IndicatorEvent[] => [
  { type: 'IndicatorDefined', data: { indicatorId: FROM, ownerType: 'measure', ownerId: '5-1-1', kind, name: 'NPO法人数', unit: '団体', direction: 'HIGHER_IS_BETTER' } },
  { type: 'IndicatorReported', data: { indicatorId: FROM, edition: 2021, changes: { name: { from: null, to: 'NPO法人数' } }, cells: null } },
];

/** TO as its stream says: new in the 2022 edition. */
const target = (overrides: Partial<LinkTarget> = {}): LinkTarget => ({ indicatorId: TO, kind: 'OUTCOME', ownerId: '5-1-1', linkedTo: null, editions: [2022], ...overrides });

const link = (overrides: Partial<Extract<IndicatorCommand, { type: 'LinkIndicator' }>> = {}): IndicatorCommand => ({
  type: 'LinkIndicator', indicatorId: FROM, to: TO, target: target(), reason: '2022年度に名称変更', ...overrides,
});

const refusedOn = (field: string, message: RegExp) => (error: DomainError) => {
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.field).toBe(field);
  expect(error.message).toMatch(message);
};

describe('linking a renamed indicator', () => {
  it('records one IndicatorLinked on the stream of the indicator renamed away from, naming both owners', () => {
    indicator
      .given(reported2021())
      .when(link())
      .then([{ type: 'IndicatorLinked', data: { indicatorId: FROM, ownerId: '5-1-1', to: TO, toOwnerId: '5-1-1' } }]);
  });

  it('remembers the link, so the stream refuses a second one', () => {
    indicator
      .given(reported2021())
      .when(link(), link({ to: '5-1-1/別の指標', target: target({ indicatorId: '5-1-1/別の指標' }) }))
      .thenThrows(DomainError, refusedOn('from', /is linked to 5-1-1\/NPO法人の数 already/));
  });

  it.each<[string, Partial<Extract<IndicatorCommand, { type: 'LinkIndicator' }>>, string, RegExp]>([
    ['a missing reason', { reason: '  ' }, 'reason', /reason is required/],
    ['an unknown indicator to link to', { to: '5-1-1/ない', target: null }, 'to', /no indicator with id "5-1-1\/ない"/],
    ['a link to itself', { to: FROM, target: target({ indicatorId: FROM }) }, 'to', /cannot be linked to itself/],
    ['an indicator that is itself linked away', { target: target({ linkedTo: '5-1-1/その後の名前' }) }, 'to', /itself linked to 5-1-1\/その後の名前/],
    ['an indicator of another kind', { target: target({ kind: 'ACTIVITY' }) }, 'to', /OUTCOME indicator and .* a ACTIVITY one/],
    ['two indicators one edition reported both of', { target: target({ editions: [2021, 2022] }) }, 'to', /the 2021 edition reported both/],
  ])('refuses %s, naming the field', (_what, overrides, field, message) => {
    indicator.given(reported2021()).when(link(overrides)).thenThrows(DomainError, refusedOn(field, message));
  });

  it('refuses to link an indicator no stream defines', () => {
    indicator.given().when(link()).thenThrows(DomainError, refusedOn('from', /no indicator with id/));
  });

  it('accepts a link between indicators no one edition reported both of', () => {
    indicator.given(reported2021()).when(link({ target: target({ editions: [2023] }) })).thenTypes(['IndicatorLinked']);
  });
});
