import type { RecordedEvent } from './event-store';
import { chainHash, verifyChain } from './hash-chain';
import { checkContinuesChain } from './verbatim';

function chain(length: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash: string | null = null;
  for (let position = 1; position <= length; position += 1) {
    const unhashed = {
      id: `e${position}`,
      streamId: 's',
      streamRevision: position - 1,
      position,
      type: 'T',
      version: 1,
      data: { position },
      metadata: { actor: 'a', reason: null, edition: null, source: null, correlationId: 'c', causationId: null },
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
    const hash = chainHash(previousHash, unhashed);
    events.push({ ...unhashed, hash, previousHash });
    previousHash = hash;
  }
  return events;
}

async function* yieldAll(events: RecordedEvent[]): AsyncIterable<RecordedEvent> {
  yield* events;
}

const [first, second, third] = chain(3) as [RecordedEvent, RecordedEvent, RecordedEvent];

describe('verifyChain', () => {
  it('passes a whole chain and an empty log', async () => {
    expect(await verifyChain(yieldAll([first, second, third]))).toEqual({ ok: true, events: 3, headPosition: 3, headHash: third.hash });
    expect(await verifyChain(yieldAll([]))).toEqual({ ok: true, events: 0, headPosition: 0, headHash: null });
  });

  it.each([
    ['a missing event', [first, third], 2, 3, 'position 3 follows 1: events are missing or reordered'],
    ['a broken link', [first, { ...second, previousHash: 'f'.repeat(64) }], 2, 2, 'previousHash does not match the hash of position 1'],
    ['an altered event', [first, { ...second, data: {} }], 2, 2, 'hash does not match the event content: the event was altered'],
  ] as const)('names %s', async (_what, events, count, position, problem) => {
    expect(await verifyChain(yieldAll([...events]))).toEqual({ ok: false, events: count, position, problem });
  });
});

describe('checkContinuesChain', () => {
  it('accepts a batch that continues the head, and an empty one', () => {
    expect(() => checkContinuesChain({ position: 1, hash: first.hash }, [second, third])).not.toThrow();
    expect(() => checkContinuesChain({ position: 3, hash: third.hash }, [])).not.toThrow();
  });

  it.each([
    ['a gap', { position: 0, hash: null }, [second], 'position 2: expected position 1'],
    ['a batch linked elsewhere', { position: 1, hash: 'f'.repeat(64) }, [second], 'position 2: previousHash does not link to the head of this log'],
    ['an altered event', { position: 1, hash: first.hash }, [second, { ...third, data: {} }], 'position 3: hash does not match the event content'],
  ] as const)('refuses %s', (_what, head, events, message) => {
    expect(() => checkContinuesChain(head, [...events])).toThrow(message);
  });
});
