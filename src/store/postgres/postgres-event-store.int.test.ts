import { Client } from 'pg';
import { WrongExpectedRevisionError } from '../event-store';
import { describeEventStoreContract, newEvent } from '../testing/event-store-contract';
import { verifyChain } from '../hash-chain';
import { PostgresEventStore } from './postgres-event-store';
import {
  dropSchema,
  freshSchemaName,
  postgresRequired,
  probePostgresSync,
  rawQuery,
  redactedUrl,
  testPostgresUrl,
} from './testing/test-database';

const url = testPostgresUrl();
const reachability = probePostgresSync(url);

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Stores on one fresh schema, each with its own pool: as separate processes would connect. */
function storesOnFreshSchema(count: number): { schema: string; stores: PostgresEventStore[]; dispose(): Promise<void> } {
  const schema = freshSchemaName();
  const stores = Array.from({ length: count }, () => new PostgresEventStore({ connectionString: url, schema }));
  return {
    schema,
    stores,
    async dispose() {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(url, schema);
    },
  };
}

if (!reachability.reachable) {
  const reason = `postgres unreachable at ${redactedUrl(url)}: ${reachability.reason}`;
  if (postgresRequired()) {
    describe('PostgresEventStore', () => {
      it('needs a reachable server (PLAN_LEDGER_REQUIRE_POSTGRES=1)', () => {
        throw new Error(reason);
      });
    });
  } else {
    // The title carries the reason into reports. The line on stderr puts it in the run's output too:
    // jest prints neither the titles nor the console output of a file whose tests are all skipped.
    process.stderr.write(`PostgreSQL tests skipped: ${reason}\n`);
    describe.skip(reason, () => {
      it('runs the EventStore contract and the PostgreSQL-specific tests', () => undefined);
    });
  }
} else {
  describeEventStoreContract('postgres', async () => {
    const schema = freshSchemaName();
    return {
      store: new PostgresEventStore({ connectionString: url, schema }),
      openSibling: () => new PostgresEventStore({ connectionString: url, schema }),
      dispose: () => dropSchema(url, schema),
    };
  });

  describe('PostgresEventStore', () => {
    it('hands a subscriber every position once and in order while separate pools race 200 appends', async () => {
      const { stores, dispose } = storesOnFreshSchema(3);
      const [writerA, writerB, reader] = stores as [PostgresEventStore, PostgresEventStore, PostgresEventStore];
      try {
        await Promise.all(stores.map((s) => s.migrate()));
        const seen: number[] = [];
        const subscription = reader.subscribe(0, (event) => {
          seen.push(event.position);
        });
        const appends = Array.from({ length: 200 }, (_, i) => {
          const writer = i % 2 === 0 ? writerA : writerB;
          const events = i % 5 === 0 ? [newEvent('Raced', { i }), newEvent('Raced', { i, second: true })] : [newEvent('Raced', { i })];
          return writer.append([{ streamId: `race-${i % 7}`, expectedRevision: 'any', events }]);
        });
        await Promise.all(appends);
        const total = 240;
        await eventually(() => seen.length >= total, 20_000);
        await subscription.close();
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        const verdict = await verifyChain(reader.readAll());
        expect(verdict).toMatchObject({ ok: true, events: total, headPosition: total });
      } finally {
        await dispose();
      }
    });

    it('lets exactly one of two stores appending with the same expected revision win, every time', async () => {
      const { stores, dispose } = storesOnFreshSchema(2);
      try {
        for (let round = 0; round < 20; round += 1) {
          const expectedRevision = round === 0 ? ('no_stream' as const) : round - 1;
          const attempts = await Promise.allSettled(
            stores.map((s) => s.append([{ streamId: 'contested', expectedRevision, events: [newEvent()] }])),
          );
          expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
          const failed = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
          expect(failed?.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(await stores[0]?.streamRevision('contested')).toBe(19);
      } finally {
        await dispose();
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE from any connection', async () => {
      const { schema, stores, dispose } = storesOnFreshSchema(1);
      try {
        await stores[0]?.append([{ streamId: 'x', expectedRevision: 'any', events: [newEvent()] }]);
        await expect(rawQuery(url, `UPDATE "${schema}".events SET type = 'Altered'`)).rejects.toThrow(/append-only/);
        await expect(rawQuery(url, `DELETE FROM "${schema}".events`)).rejects.toThrow(/append-only/);
        await expect(rawQuery(url, `TRUNCATE "${schema}".events`)).rejects.toThrow(/append-only/);
        expect(await stores[0]?.headPosition()).toBe(1);
      } finally {
        await dispose();
      }
    });

    it('creates its schema once when several stores start on it at the same moment', async () => {
      const { stores, dispose } = storesOnFreshSchema(4);
      try {
        await Promise.all(stores.map((s) => s.append([{ streamId: 'boot', expectedRevision: 'any', events: [newEvent()] }])));
        expect(await stores[0]?.headPosition()).toBe(4);
      } finally {
        await dispose();
      }
    });

    it('reads JSON back exactly as written, and the chain still verifies', async () => {
      const { stores, dispose } = storesOnFreshSchema(1);
      const store = stores[0] as PostgresEventStore;
      try {
        const data = {
          z: 'last key first',
          text: '第3次総合計画 — 多様な担い手による協働 🏯',
          numbers: [0, -1, 0.1, 1.5e-7, 1e21, 2 ** 53 - 1, -273.15, 100.0],
          nested: { list: [1, null, 'x', [true, false, []], {}], empty: {} },
          nothing: null,
          quote: 'a "quoted" \\ backslash\nnew line',
        };
        const event = newEvent('Exact', data);
        event.metadata = { ...event.metadata, reason: '見直し', edition: 2024, source: { sha256: 'ab'.repeat(32), line: 12 } };
        await store.append([{ streamId: 'json', expectedRevision: 'no_stream', events: [event] }]);
        const [read] = await store.readStream('json');
        expect(read?.data).toEqual(data);
        expect(read?.metadata).toEqual(event.metadata);
        expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, events: 1 });
      } finally {
        await dispose();
      }
    });

    it('listens again after its LISTEN connection is killed, and keeps delivering', async () => {
      const { schema, stores, dispose } = storesOnFreshSchema(2);
      const [writer, reader] = stores as [PostgresEventStore, PostgresEventStore];
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        const seen: number[] = [];
        const subscription = reader.subscribe(0, (event) => {
          seen.push(event.position);
        });
        await eventually(() => reader.listening);
        await writer.append([{ streamId: 'l', expectedRevision: 'any', events: [newEvent()] }]);
        await eventually(() => seen.length === 1);

        const killed = await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
          [`plan-ledger listen ${schema}`],
        );
        expect(killed.rowCount).toBe(1);
        await eventually(() => !reader.listening);
        await eventually(() => reader.listening);

        await writer.append([{ streamId: 'l', expectedRevision: 'any', events: [newEvent()] }]);
        await eventually(() => seen.length === 2);
        await subscription.close();
        expect(seen).toEqual([1, 2]);
      } finally {
        await admin.end();
        await dispose();
      }
    });

    it('closes its subscriptions when the store closes', async () => {
      const { stores, dispose } = storesOnFreshSchema(1);
      const store = stores[0] as PostgresEventStore;
      await store.append([{ streamId: 's', expectedRevision: 'any', events: [newEvent()] }]);
      const seen: number[] = [];
      store.subscribe(0, (event) => {
        seen.push(event.position);
      });
      await eventually(() => seen.length === 1);
      // No close() on the subscription: the store's close must end it, or jest would not exit.
      await expect(dispose()).resolves.toBeUndefined();
    });
  });
}
