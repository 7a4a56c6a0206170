// The behaviour every EventStore adapter must show. Each adapter's test file calls
// `describeEventStoreContract` with a factory for a fresh, empty store.
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventError,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../event-store';
import { verifyChain } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

export interface ContractFixture {
  store: EventStore;
  /** Another store on the same log, as a second process would open it. */
  openSibling(): EventStore;
  /** Removes what the fixture created (files, schemas). */
  dispose(): Promise<void>;
}

export function newEvent(type = 'TestHappened', data: NewEvent['data'] = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    version: 1,
    data,
    metadata: { actor: 'tester', reason: null, edition: null, source: null, correlationId: randomUUID(), causationId: null },
  };
}

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function withinMs<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeEventStoreContract(name: string, create: () => Promise<ContractFixture>): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });
    afterEach(async () => {
      await store.close();
      await fixture.dispose();
    });

    it('starts empty', async () => {
      expect(await store.headPosition()).toBe(0);
      expect(await store.readStream('nothing-here')).toEqual([]);
      expect(await store.streamRevision('nothing-here')).toBe(-1);
      expect(await collect(store.readAll())).toEqual([]);
    });

    it('appends to a new stream and reads it back with revisions, positions and metadata', async () => {
      const first = newEvent('A', { n: 1, text: '多様な担い手' });
      const second = newEvent('B', { n: 2, nested: { list: [1, null, 'x'] } });
      const result = await store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [first, second] }]);
      expect(result.alreadyAppended).toBe(false);
      expect(result.lastPosition).toBe(2);
      const read = await store.readStream('s-1');
      expect(read.map((e) => [e.id, e.type, e.streamRevision, e.position])).toEqual([
        [first.id, 'A', 0, 1],
        [second.id, 'B', 1, 2],
      ]);
      expect(read[0]?.data).toEqual({ n: 1, text: '多様な担い手' });
      expect(read[1]?.data).toEqual({ n: 2, nested: { list: [1, null, 'x'] } });
      expect(read[0]?.metadata).toEqual(first.metadata);
      expect(Number.isNaN(Date.parse(read[0]?.recordedAt ?? ''))).toBe(false);
      expect(await store.streamRevision('s-1')).toBe(1);
      if (store.readStreamPayloads) {
        expect(await store.readStreamPayloads('s-1')).toEqual(
          read.map(({ type, version, data, streamRevision, position }) => ({ type, version, data, streamRevision, position })),
        );
        expect(await store.readStreamPayloads('nothing-here')).toEqual([]);
      }
      expect(await store.headPosition()).toBe(2);
    });

    it('rejects an append whose expected revision is stale, and writes nothing', async () => {
      await store.append([{ streamId: 's', expectedRevision: 'no_stream', events: [newEvent()] }]);
      await expect(store.append([{ streamId: 's', expectedRevision: 'no_stream', events: [newEvent()] }])).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(store.append([{ streamId: 's', expectedRevision: 5, events: [newEvent()] }])).rejects.toMatchObject({
        streamId: 's',
        actual: 0,
      });
      await store.append([{ streamId: 's', expectedRevision: 0, events: [newEvent()] }]);
      await store.append([{ streamId: 's', expectedRevision: 'any', events: [newEvent()] }]);
      expect(await store.streamRevision('s')).toBe(2);
      expect(await store.headPosition()).toBe(3);
    });

    it('appends to several streams atomically: one stale stream means nothing is written', async () => {
      await store.append([{ streamId: 'b', expectedRevision: 'no_stream', events: [newEvent()] }]);
      const attempt = store.append([
        { streamId: 'a', expectedRevision: 'no_stream', events: [newEvent(), newEvent()] },
        { streamId: 'b', expectedRevision: 'no_stream', events: [newEvent()] },
      ]);
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream('a')).toEqual([]);
      expect(await store.headPosition()).toBe(1);
      await store.append([
        { streamId: 'a', expectedRevision: 'no_stream', events: [newEvent(), newEvent()] },
        { streamId: 'b', expectedRevision: 0, events: [newEvent()] },
      ]);
      expect((await collect(store.readAll())).map((e) => [e.streamId, e.position])).toEqual([
        ['b', 1],
        ['a', 2],
        ['a', 3],
        ['b', 4],
      ]);
    });

    it('is idempotent by event id: a retried append writes nothing and returns the original events', async () => {
      const events = [newEvent(), newEvent()];
      const first = await store.append([{ streamId: 'r', expectedRevision: 'no_stream', events }]);
      const retry = await store.append([{ streamId: 'r', expectedRevision: 'no_stream', events }]);
      expect(retry.alreadyAppended).toBe(true);
      expect(retry.lastPosition).toBe(first.lastPosition);
      expect(retry.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await store.headPosition()).toBe(2);
    });

    it('refuses an append that repeats only some ids of an earlier one', async () => {
      const earlier = newEvent();
      await store.append([{ streamId: 'd', expectedRevision: 'any', events: [earlier] }]);
      await expect(
        store.append([{ streamId: 'd', expectedRevision: 'any', events: [newEvent(), earlier] }]),
      ).rejects.toBeInstanceOf(DuplicateEventError);
      expect(await store.headPosition()).toBe(1);
    });

    it('reads the whole log in order from a position, with a limit', async () => {
      for (let i = 0; i < 7; i += 1) {
        await store.append([{ streamId: `s-${i % 3}`, expectedRevision: 'any', events: [newEvent('T', { i })] }]);
      }
      const all = await collect(store.readAll());
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(all.map((e) => e.data['i'])).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect((await collect(store.readAll({ after: 4 }))).map((e) => e.position)).toEqual([5, 6, 7]);
      expect((await collect(store.readAll({ after: 2, limit: 2 }))).map((e) => e.position)).toEqual([3, 4]);
    });

    it('chains every event to the one before it, so the log verifies', async () => {
      await store.append([{ streamId: 'h', expectedRevision: 'any', events: [newEvent(), newEvent()] }]);
      await store.append([{ streamId: 'i', expectedRevision: 'any', events: [newEvent()] }]);
      const all = await collect(store.readAll());
      expect(all[0]?.previousHash).toBeNull();
      expect(all[1]?.previousHash).toBe(all[0]?.hash);
      expect(all[2]?.previousHash).toBe(all[1]?.hash);
      const verdict = await verifyChain(store.readAll());
      expect(verdict).toEqual({ ok: true, events: 3, headPosition: 3, headHash: all[2]?.hash });
    });

    it('never lets recordedAt go backwards along the log', async () => {
      for (let i = 0; i < 20; i += 1) await store.append([{ streamId: 't', expectedRevision: 'any', events: [newEvent()] }]);
      const times = (await collect(store.readAll())).map((e) => e.recordedAt);
      expect([...times].sort()).toEqual(times);
    });

    it('lets exactly one of several concurrent writers with the same expected revision win', async () => {
      await store.append([{ streamId: 'c', expectedRevision: 'no_stream', events: [newEvent()] }]);
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, () => store.append([{ streamId: 'c', expectedRevision: 0, events: [newEvent()] }])),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      for (const failed of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) {
        expect(failed.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(await store.streamRevision('c')).toBe(1);
    });

    it('delivers past and new events to a subscriber exactly once, in order', async () => {
      await store.append([{ streamId: 'p', expectedRevision: 'any', events: [newEvent(), newEvent()] }]);
      const seen: number[] = [];
      const subscription = store.subscribe(1, (event) => {
        seen.push(event.position);
      });
      await eventually(() => seen.length === 1);
      await store.append([{ streamId: 'p', expectedRevision: 'any', events: [newEvent()] }]);
      await store.append([{ streamId: 'q', expectedRevision: 'any', events: [newEvent(), newEvent()] }]);
      await eventually(() => seen.length === 4);
      await subscription.close();
      expect(seen).toEqual([2, 3, 4, 5]);
    });

    it('closes with a subscription still open: close returns, and the subscription delivers nothing more', async () => {
      await store.append([{ streamId: 'o', expectedRevision: 'any', events: [newEvent()] }]);
      const seen: number[] = [];
      store.subscribe(0, (event) => {
        seen.push(event.position);
      });
      await eventually(() => seen.length === 1);
      await withinMs(5000, store.close(), 'close() with a subscription open');
      const sibling = fixture.openSibling();
      try {
        await sibling.append([{ streamId: 'o', expectedRevision: 'any', events: [newEvent()] }]);
        // Longer than any adapter's idle poll. An error thrown in this time (a poll of the closed store)
        // would fail this test: jest fails the running test on an uncaught exception or unhandled rejection.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(seen).toEqual([1]);
        expect(await sibling.headPosition()).toBe(2);
      } finally {
        await sibling.close();
      }
    });

    it('takes a copy of another log verbatim, and refuses a batch that does not continue its chain', async () => {
      const source = new SqliteEventStore({ path: ':memory:' });
      await source.append([{ streamId: 'm', expectedRevision: 'no_stream', events: [newEvent('A', { n: 1 }), newEvent('B')] }]);
      await source.append([{ streamId: 'n', expectedRevision: 'any', events: [newEvent('C', { text: '令和3年度' })] }]);
      const original = await collect(source.readAll());
      await source.close();

      const skipping = original.slice(1);
      await expect(store.appendVerbatim(skipping)).rejects.toThrow(/expected position 1/);
      const altered = [{ ...original[0]!, data: { n: 2 } }, ...original.slice(1)];
      await expect(store.appendVerbatim(altered)).rejects.toThrow(/hash does not match/);
      expect(await store.headPosition()).toBe(0);

      await store.appendVerbatim(original.slice(0, 2));
      await store.appendVerbatim(original.slice(2));
      expect(await collect(store.readAll())).toEqual(original);
      expect(await store.streamRevision('m')).toBe(1);
      expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, headHash: original[2]?.hash });
      await store.append([{ streamId: 'm', expectedRevision: 1, events: [newEvent('D')] }]);
      expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, headPosition: 4 });
    });
  });
}
