// A direct edit sent with an idempotencyKey is appended once: a retry with the same key names the same
// event, which the store recognises. The same key with a different edit is a client bug (or a key
// reused for another purpose) and is refused, never answered with the first edit as if it were this one.
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/domain-error';
import { assertPrintable } from '../domain/invariants';
import type { RecordedEvent } from '../store/event-store';
import type { ValueKind } from '../../events/vocabulary';

/** What a direct edit states, as its retry must state it again. */
export interface Edit {
  fiscalYear: number;
  kind: ValueKind;
  value: number | null;
  text: string | null;
  reason: string;
}

/** Keys are kept in the log forever (as the correlation id): long enough for a UUID or a request id, no more. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export function assertIdempotencyKey(key: string): void {
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new DomainError('BAD_USER_INPUT', `idempotencyKey is ${key.length} characters long; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are kept`, 'idempotencyKey');
  }
  assertPrintable(key, 'idempotencyKey');
}

/** The same key from the same actor always names the same event, so a retry is recognised by the store. */
export function idempotentEventId(actor: string, indicatorId: string, key: string): string {
  const hex = createHash('sha256').update(`${actor}\u0000${indicatorId}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const KIND_OF_TYPE: Readonly<Record<string, ValueKind>> = {
  TargetSet: 'TARGET',
  TargetRevised: 'TARGET',
  ActualRecorded: 'ACTUAL',
  ActualRevised: 'ACTUAL',
};

/** Refuses, as CONFLICT on idempotencyKey, a retry whose edit differs from the one the key first appended. */
export function assertSameEdit(appended: readonly RecordedEvent[], input: Edit): void {
  const same = appended.every(
    (event) =>
      KIND_OF_TYPE[event.type] === input.kind &&
      event.data['fiscalYear'] === input.fiscalYear &&
      event.data['value'] === input.value &&
      event.data['text'] === input.text &&
      event.metadata.reason === input.reason.trim(),
  );
  if (!same) {
    throw new DomainError(
      'CONFLICT',
      'this idempotencyKey was used for a different edit; a retry must send the same edit, a new edit a new key',
      'idempotencyKey',
    );
  }
}
