// Two API nodes, one PostgreSQL log: a write through one is read through the other, and killing a node
// loses nothing it acknowledged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain } from '../src/store/hash-chain';
import { PostgresEventStore } from '../src/store/postgres/postgres-event-store';
import { dropSchema, freshSchemaName } from '../src/store/postgres/testing/test-database';
import { describeWithPostgres } from './support/postgres';
import { startServerProcess, tokenFor, type ServerProcess } from './support/server-process';

const RECORD = `mutation($input: RecordValueInput!) { recordValue(input: $input) { id value(fiscalYear: 2024) { actual } } }`;
const READ = `{ indicator(id: "5-1-1/NPO法人数") { values { fiscalYear target actual } } }`;

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in time: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithPostgres('two API nodes on one PostgreSQL store', (url) => {
  let dir: string;
  let schema: string;
  const nodes: ServerProcess[] = [];

  const node = async (name: string) => {
    const started = await startServerProcess({
      PLAN_LEDGER_STORE: url,
      PLAN_LEDGER_POSTGRES_SCHEMA: schema,
      PLAN_LEDGER_READ_MODEL: `sqlite:${join(dir, `${name}.db`)}`,
    });
    nodes.push(started);
    return started;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-two-nodes-'));
    schema = freshSchemaName();
  });
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.kill('SIGKILL')));
    await dropSchema(url, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves one log from both nodes, and loses nothing acknowledged when one is killed', async () => {
    const a = await node('a');
    const b = await node('b');
    expect((await b.gql(READ)).data).toEqual((await a.gql(READ)).data);

    const admin = await tokenFor('admin', 'node-test');
    const first = await a.gql(RECORD, { input: { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2024, kind: 'ACTUAL', value: 1, reason: 'first write' } }, admin);
    expect(first.errors).toBeUndefined();
    // Read-your-writes on the writing node; the other node follows its subscription.
    expect(first.data).toEqual({ recordValue: { id: '062073:5-1-1/NPO法人数', value: { actual: 1 } } });
    await eventually(() => b.gql(READ), (r) => JSON.stringify(r.data).includes('"fiscalYear":2024,"target":null,"actual":1'));

    const acknowledged: number[] = [];
    const writes = Array.from({ length: 40 }, (_, i) => i + 2).map(async (value) => {
      const result = await a
        .gql(RECORD, { input: { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2024, kind: 'ACTUAL', value, reason: `write ${value}` } }, admin)
        .catch(() => null);
      if (result?.data) acknowledged.push(value);
    });
    await eventually(async () => acknowledged.length, (n) => n >= 5);
    await a.kill('SIGKILL');
    await Promise.all(writes);

    const store = new PostgresEventStore({ connectionString: url, schema });
    try {
      const history = `{ indicator(id: "5-1-1/NPO法人数") { history(fiscalYear: 2024, kind: ACTUAL) { value } } }`;
      const head = await store.headPosition();
      const seen = await eventually(
        () => b.gql<{ indicator: { history: Array<{ value: number }> } }>(history),
        (r) => (r.data?.indicator.history.length ?? 0) >= acknowledged.length + 1,
      );
      const values = new Set(seen.data!.indicator.history.map((h) => h.value));
      for (const value of acknowledged) expect(values.has(value)).toBe(true);
      expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, headPosition: head });
    } finally {
      await store.close();
    }
  }, 60_000);
});
