import { DomainError } from '../domain/domain-error';
import { indicatorStreamId } from '../domain/ids';
import type { ValueKind } from '../../events/vocabulary';
import { indicatorDecider, type StatedValue } from '../domain/indicator';
import { appendWithRetry } from './append-with-retry';
import { assertIdempotencyKey, assertSameEdit, idempotentEventId } from './idempotent-edit';
import { decideOnStream, toStreamAppend, type MunicipalityStreams } from './decide-on-stream';

export interface RecordValueInput extends StatedValue {
  /** As its municipality names it: 5-1-1/NPO法人数. */
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  reason: string;
  expectedRevision?: number | null;
  idempotencyKey?: string | null;
}

/** Lost races without an expectedRevision are decided again this many times. */
const ATTEMPTS = 5;

export interface RecordValueResult {
  position: number;
  revision: number;
  alreadyRecorded: boolean;
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
  streams: MunicipalityStreams,
  input: RecordValueInput,
  context: { actor: string; effectiveEdition: number },
): Promise<RecordValueResult> {
  const streamId = indicatorStreamId(input.indicatorId);
  const expected = input.expectedRevision ?? null;
  if (input.idempotencyKey) assertIdempotencyKey(input.idempotencyKey);
  const decideAndAppend = async (): Promise<RecordValueResult> => {
    const decided = await decideOnStream(streams, streamId, indicatorDecider, [
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
      municipality: streams.municipality,
    }));
    if (input.idempotencyKey) {
      // Prefixed as its stream is, so the same key for the same indicator name in two municipalities is two edits.
      for (const event of append.events) event.id = idempotentEventId(context.actor, streams.prefix + input.indicatorId, input.idempotencyKey);
    }
    // A stale expectedRevision still reaches the store when a key is given: a retry of an append that
    // already happened must be answered with its first result, not refused.
    if (expected !== null) {
      if (expected !== currentRevision && !input.idempotencyKey) throw conflict(input.indicatorId, expected, currentRevision);
      append.expectedRevision = expected;
    }
    const result = await streams.store.append([append]);
    if (result.alreadyAppended) assertSameEdit(result.events, input);
    const last = result.events[result.events.length - 1];
    return { position: result.lastPosition, revision: last?.streamRevision ?? currentRevision, alreadyRecorded: result.alreadyAppended };
  };
  return appendWithRetry(decideAndAppend, {
    attempts: ATTEMPTS,
    onRefused: (error) => {
      if (expected !== null) throw conflict(input.indicatorId, expected, error.actual);
    },
  });
}
