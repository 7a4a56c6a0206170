// Identity across editions: a person says an indicator renamed away from (`from`, the stream deciding)
// continues as another (`to`). The ledger never links on its own; it only checks that the link is one a
// rename can be. What the decider needs of `to` is read from its stream by the application (LinkTarget).
import { IndicatorLinked, type IndicatorLinkedData } from '../../events/indicator-events';
import type { IndicatorKind } from '../../events/vocabulary';
import type { Emitted } from './decider';
import { DomainError } from './domain-error';
import type { IndicatorState } from './indicator';
import { assertText } from './invariants';

/** What a link checks of the indicator it links to, as its own stream says. */
export interface LinkTarget {
  indicatorId: string;
  kind: IndicatorKind;
  ownerId: string;
  /** The indicator it is itself linked to, if it was renamed away too. */
  linkedTo: string | null;
  /** The editions that reported it. */
  editions: readonly number[];
}

export interface LinkIndicatorCommand {
  type: 'LinkIndicator';
  /** The indicator renamed away from (its stream decides). */
  indicatorId: string;
  /** The id of the indicator it continues as, as the person gave it. */
  to: string;
  /** What that indicator's stream says; null when it defines no indicator. */
  target: LinkTarget | null;
  reason: string;
}

/** `state` as a link target, or null when its stream defines no indicator. */
export function linkTargetOf(indicatorId: string, state: IndicatorState): LinkTarget | null {
  if (!state.definition) return null;
  return { indicatorId, kind: state.definition.kind, ownerId: state.definition.ownerId, linkedTo: state.linkedTo, editions: state.reported.editions };
}

const refuse = (field: 'from' | 'to', message: string) => new DomainError('BAD_USER_INPUT', message, field);

export function decideLink(command: LinkIndicatorCommand, state: IndicatorState): Emitted<{ type: typeof IndicatorLinked.type; data: IndicatorLinkedData }>[] {
  assertText(command.reason, 'reason', 2000);
  const from = command.indicatorId;
  const to = command.target;
  if (!state.definition) throw refuse('from', `no indicator with id ${JSON.stringify(from)}`);
  if (to === null) throw refuse('to', `no indicator with id ${JSON.stringify(command.to)}`);
  if (to.indicatorId === from) throw refuse('to', 'an indicator cannot be linked to itself');
  if (state.linkedTo !== null) throw refuse('from', `${from} is linked to ${state.linkedTo} already`);
  // Links always point at an indicator that is not linked away, so following one link reaches the end.
  if (to.linkedTo !== null) throw refuse('to', `${to.indicatorId} is itself linked to ${to.linkedTo}: link to that one`);
  if (to.kind !== state.definition.kind) {
    throw refuse('to', `${from} is a ${state.definition.kind} indicator and ${to.indicatorId} a ${to.kind} one: a rename keeps the kind`);
  }
  // A rename is reported under one name in each edition; an edition that reported both reported two indicators.
  const both = state.reported.editions.filter((edition) => to.editions.includes(edition));
  if (both.length > 0) throw refuse('to', `the ${both.join(', ')} edition reported both ${from} and ${to.indicatorId}: they are two indicators, not a rename`);
  return [{ type: IndicatorLinked.type, data: { indicatorId: from, ownerId: state.definition.ownerId, to: to.indicatorId, toOwnerId: to.ownerId } }];
}
