// The EventStore contract against a real KurrentDB (25.1 or later). There is no server on the
// development machine (no container engine), so this runs only where KURRENTDB_URL points at one, e.g.
//   docker run -p 2113:2113 docker.kurrent.io/kurrent-latest/kurrentdb:25.1 --insecure
//   KURRENTDB_URL='kurrentdb://127.0.0.1:2113?tls=false' npx jest src/store/kurrentdb
import { randomBytes } from 'node:crypto';
import { WrongExpectedRevisionError, type RecordedEvent } from '../event-store';
import { describeEventStoreContract, newEvent } from '../testing/event-store-contract';
import { verifyChain } from '../hash-chain';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env['KURRENTDB_URL'];

// KurrentDB has no cheap way to drop a ledger, so each test gets a namespace of its own instead.
function freshNamespace(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

if (!url) {
  const reason = 'KURRENTDB_URL not set: no KurrentDB server on this machine';
  // The title carries the reason into reports. The line on stderr puts it in the run's output too:
  // jest prints neither the titles nor the console output of a file whose tests are all skipped.
  process.stderr.write(`KurrentDB tests skipped: ${reason}\n`);
  describe.skip(reason, () => {
    it('runs the EventStore contract and the KurrentDB-specific tests', () => undefined);
  });
} else {
  describeEventStoreContract('kurrentdb', async () => {
    const namespace = freshNamespace();
    return {
      store: new KurrentDbEventStore({ connectionString: url, namespace }),
      openSibling: () => new KurrentDbEventStore({ connectionString: url, namespace }),
      dispose: async () => undefined,
    };
  });

  describe('KurrentDbEventStore', () => {
    it('keeps positions dense and the chain whole while two clients race on one ledger', async () => {
      const namespace = freshNamespace();
      const stores = [0, 1].map(() => new KurrentDbEventStore({ connectionString: url, namespace }));
      try {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            stores[i % 2]!.append([{ streamId: `race-${i % 3}`, expectedRevision: 'any', events: [newEvent('Raced', { i })] }]),
          ),
        );
        expect((await collect(stores[0]!.readAll())).map((e) => e.position)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(await verifyChain(stores[1]!.readAll())).toMatchObject({ ok: true, events: 40 });
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('lets exactly one of two clients appending with the same expected revision win', async () => {
      const namespace = freshNamespace();
      const stores = [0, 1].map(() => new KurrentDbEventStore({ connectionString: url, namespace }));
      try {
        for (let round = 0; round < 10; round += 1) {
          const expectedRevision = round === 0 ? ('no_stream' as const) : round - 1;
          const attempts = await Promise.allSettled(
            stores.map((s) => s.append([{ streamId: 'contested', expectedRevision, events: [newEvent()] }])),
          );
          expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
          const failed = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
          expect(failed?.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
