import { createHash } from 'node:crypto';
import { DomainError } from '../domain/domain-error';
import { indicatorStreamId } from '../domain/ids';
import type { ValueKind } from '../../events/vocabulary';
import { indicatorDecider, type StatedValue } from '../domain/indicator';
import { WrongExpectedRevisionError, type EventStore } from '../store/event-store';
import { decideOnStream, toStreamAppend } from './stream-batch';

export interface RecordValueInput extends StatedValue {
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  reason: string;
  expectedRevision?: number | null;
  idempotencyKey?: string | null;
}

export interface RecordValueResult {
  position: number;
  revision: number;
  alreadyRecorded: boolean;
}

/** The same key from the same actor always names the same event, so a retry is recognised by the store. */
function idempotentEventId(actor: string, indicatorId: string, key: string): string {
  const hex = createHash('sha256').update(`${actor}\u0000${indicatorId}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function conflict(indicatorId: string, expected: number, current: number): DomainError {
  return new DomainError(
    'CONFLICT',
    `indicator ${indicatorId} is at revision ${current}, not ${expected}: someone else wrote first; read it again`,
    'expectedRevision',
    { currentRevision: current, expectedRevision: expected },
  );
}

/**
 * A direct edit of one target or actual, outside any report. With `expectedRevision` a stale read is a
 * CONFLICT; without it a lost race is simply decided again on the fresh stream.
 */
export async function recordValue(
  store: EventStore,
  input: RecordValueInput,
  context: { actor: string; effectiveEdition: number },
): Promise<RecordValueResult> {
  const streamId = indicatorStreamId(input.indicatorId);
  const expected = input.expectedRevision ?? null;
  for (let attempt = 1; ; attempt += 1) {
    const decided = await decideOnStream(store, streamId, indicatorDecider, [
      { type: 'RecordValue', ...input, effectiveEdition: context.effectiveEdition },
    ]);
    const currentRevision = decided.expectedRevision === 'no_stream' ? -1 : Number(decided.expectedRevision);
    const append = toStreamAppend(decided, () => ({
      actor: context.actor,
      reason: input.reason.trim(),
      edition: null,
      source: null,
      correlationId: input.idempotencyKey ?? streamId,
      causationId: null,
    }));
    if (input.idempotencyKey) {
      for (const event of append.events) event.id = idempotentEventId(context.actor, input.indicatorId, input.idempotencyKey);
    }
    // A stale expectedRevision still reaches the store when a key is given: a retry of an append that
    // already happened must be answered with its first result, not refused.
    if (expected !== null) {
      if (expected !== currentRevision && !input.idempotencyKey) throw conflict(input.indicatorId, expected, currentRevision);
      append.expectedRevision = expected;
    }
    try {
      const result = await store.append([append]);
      const last = result.events[result.events.length - 1];
      return { position: result.lastPosition, revision: last?.streamRevision ?? currentRevision, alreadyRecorded: result.alreadyAppended };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (expected !== null) throw conflict(input.indicatorId, expected, error.actual);
      if (attempt >= 5) throw error;
    }
  }
}
