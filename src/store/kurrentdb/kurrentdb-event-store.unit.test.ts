// The adapter's logic against an in-memory stand-in for KurrentDB: runs everywhere, including here,
// where no server can run. kurrentdb-event-store.int.test.ts runs the same contract against a server.
import { DuplicateEventError, WrongExpectedRevisionError, type RecordedEvent } from '../event-store';
import { describeEventStoreContract, newEvent } from '../testing/event-store-contract';
import { verifyChain } from '../hash-chain';
import { InMemoryKurrent } from './testing/in-memory-kurrent';
import { KurrentDbEventStore } from './kurrentdb-event-store';

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

function onOneStandIn(server: InMemoryKurrent) {
  return {
    store: new KurrentDbEventStore({ gateway: server, namespace: 'ledger' }),
    openSibling: () => new KurrentDbEventStore({ gateway: server, namespace: 'ledger' }),
    dispose: async () => undefined,
  };
}

describeEventStoreContract('kurrentdb adapter on an in-memory stand-in', async () => onOneStandIn(new InMemoryKurrent()));

describeEventStoreContract('kurrentdb adapter on a stand-in that scrambles records inside each append', async () =>
  onOneStandIn(new InMemoryKurrent({ scrambleTransactions: true })),
);

describe('KurrentDbEventStore on an in-memory stand-in', () => {
  it('copies another log verbatim, and refuses a batch that does not continue its chain', async () => {
    const source = new KurrentDbEventStore({ gateway: new InMemoryKurrent(), namespace: 'source' });
    const target = new KurrentDbEventStore({ gateway: new InMemoryKurrent({ scrambleTransactions: true }), namespace: 'target' });
    await source.append([{ streamId: 'v', expectedRevision: 'no_stream', events: [newEvent(), newEvent()] }]);
    await source.append([{ streamId: 'w', expectedRevision: 'any', events: [newEvent()] }]);
    const original = await collect(source.readAll());
    await target.appendVerbatim(original.slice(0, 2));
    await expect(target.appendVerbatim(original.slice(0, 1))).rejects.toThrow(/expected position 3/);
    await expect(target.appendVerbatim([{ ...original[2]!, hash: 'f'.repeat(64) }])).rejects.toThrow(/hash/);
    await target.appendVerbatim(original.slice(2));
    expect(await collect(target.readAll())).toEqual(original);
    expect(await verifyChain(target.readAll())).toMatchObject({ ok: true, events: 3 });
    expect(await target.streamRevision('v')).toBe(1);
    await Promise.all([source.close(), target.close()]);
  });

  it('keeps positions dense and the chain whole while two stores on one server race', async () => {
    const server = new InMemoryKurrent();
    const a = new KurrentDbEventStore({ gateway: server, namespace: 'ledger' });
    const b = new KurrentDbEventStore({ gateway: server, namespace: 'ledger' });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? a : b).append([{ streamId: `s-${i % 3}`, expectedRevision: 'any', events: [newEvent('Raced', { i })] }]),
      ),
    );
    const all = await collect(a.readAll());
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyChain(b.readAll())).toMatchObject({ ok: true, events: 40 });
    expect(server.refusals.length).toBeGreaterThan(0);
    await Promise.all([a.close(), b.close()]);
  });

  it('lets exactly one of two stores appending with the same expected revision win, as told by the server', async () => {
    const server = new InMemoryKurrent();
    const stores = [new KurrentDbEventStore({ gateway: server, namespace: 'ledger' }), new KurrentDbEventStore({ gateway: server, namespace: 'ledger' })];
    for (let round = 0; round < 10; round += 1) {
      const expectedRevision = round === 0 ? ('no_stream' as const) : round - 1;
      const attempts = await Promise.allSettled(
        stores.map((s) => s.append([{ streamId: 'contested', expectedRevision, events: [newEvent()] }])),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const failed = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(failed?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    }
    expect(await stores[0]!.streamRevision('contested')).toBe(9);
    expect(server.refusals).toHaveLength(10);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('resumes a subscription after the connection drops, without duplicates or gaps', async () => {
    const server = new InMemoryKurrent();
    const store = new KurrentDbEventStore({ gateway: server, namespace: 'ledger' });
    const seen: number[] = [];
    const subscription = store.subscribe(0, (event) => {
      seen.push(event.position);
    });
    await store.append([{ streamId: 'x', expectedRevision: 'any', events: [newEvent(), newEvent()] }]);
    await eventually(() => seen.length === 2);
    server.dropSubscriptions();
    await store.append([{ streamId: 'x', expectedRevision: 'any', events: [newEvent(), newEvent()] }]);
    await eventually(() => seen.length === 4);
    server.dropSubscriptions();
    server.dropSubscriptions();
    await store.append([{ streamId: 'y', expectedRevision: 'any', events: [newEvent()] }]);
    await eventually(() => seen.length === 5);
    await subscription.close();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(server.liveSubscriptions).toBe(0);
    await store.close();
  });

  it('reads from the middle of an append and keeps other ledgers and bookkeeping streams out', async () => {
    const server = new InMemoryKurrent();
    const store = new KurrentDbEventStore({ gateway: server, namespace: 'ledger' });
    const other = new KurrentDbEventStore({ gateway: server, namespace: 'ledger2' });
    await store.append([{ streamId: 'm', expectedRevision: 'any', events: [newEvent(), newEvent(), newEvent()] }]);
    await other.append([{ streamId: 'm', expectedRevision: 'any', events: [newEvent()] }]);
    await store.append([{ streamId: 'n', expectedRevision: 'any', events: [newEvent()] }]);
    expect((await collect(store.readAll({ after: 1 }))).map((e) => [e.streamId, e.position])).toEqual([
      ['m', 2],
      ['m', 3],
      ['n', 4],
    ]);
    expect((await collect(store.readAll({ after: 2, limit: 1 }))).map((e) => e.position)).toEqual([3]);
    expect(await collect(store.readAll({ after: 9 }))).toEqual([]);
    expect(await other.headPosition()).toBe(1);
    await Promise.all([store.close(), other.close()]);
  });

  it('accepts event ids that are not UUIDs, and still answers retries and reuses by id', async () => {
    const store = new KurrentDbEventStore({ gateway: new InMemoryKurrent(), namespace: 'ledger' });
    const events = [
      { ...newEvent(), id: 'import-2024-line-12' },
      { ...newEvent(), id: 'import-2024-line-13' },
    ];
    await store.append([{ streamId: 'i', expectedRevision: 'no_stream', events }]);
    const retry = await store.append([{ streamId: 'i', expectedRevision: 'no_stream', events }]);
    expect(retry).toMatchObject({ alreadyAppended: true, lastPosition: 2 });
    expect(retry.events.map((e) => e.id)).toEqual(['import-2024-line-12', 'import-2024-line-13']);
    await expect(store.append([{ streamId: 'i', expectedRevision: 'any', events: [events[0]!, newEvent()] }])).rejects.toBeInstanceOf(
      DuplicateEventError,
    );
    await store.close();
  });
});
