// What operators rely on: /healthz, /readyz (read model caught up with the store), /metrics, and one
// structured log line per request.
import { Writable } from 'node:stream';
import pino from 'pino';
import { Ledger } from '../src/application/ledger';
import { startServer, type RunningServer } from '../src/http/start-server';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';
import { until } from './support/ws-client';
import { tokenFor } from './support/server-process';

const origin = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function metricValue(url: string, line: string): Promise<number | null> {
  const text = await (await fetch(`${origin(url)}/metrics`, { headers: { authorization: `Bearer ${await tokenFor('admin', 'operator')}` } })).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : null;
}

describe('/healthz and /readyz', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ maxProjectionLag: 10 });
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  });
  afterAll(() => server.stop());

  it('/healthz answers while the process is up', async () => {
    const response = await fetch(`${origin(server.url)}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 when the read model has caught up, 503 while it lags beyond the threshold', async () => {
    const head = await server.ledger.log.headPosition();
    const ready = await fetch(`${origin(server.url)}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', position: head, head, lag: 0, maxLag: 10 });

    // The embedded read model commits with each append and never lags; a server store's can.
    const checkpoint = jest.spyOn(server.ledger.readModel, 'checkpoint');
    try {
      checkpoint.mockReturnValue(head - 10);
      expect((await fetch(`${origin(server.url)}/readyz`)).status).toBe(200);

      checkpoint.mockReturnValue(head - 11);
      const lagging = await fetch(`${origin(server.url)}/readyz`);
      expect(lagging.status).toBe(503);
      expect(await lagging.json()).toEqual({ status: 'lagging', position: head - 11, head, lag: 11, maxLag: 10 });
      expect(await metricValue(server.url, 'plan_ledger_projection_lag_events')).toBe(11);
    } finally {
      checkpoint.mockRestore();
    }
    expect(await metricValue(server.url, 'plan_ledger_projection_lag_events')).toBe(0);
  });

  it('/readyz is 503 when the store does not answer', async () => {
    jest.spyOn(server.ledger.log, 'headPosition').mockRejectedValueOnce(new Error('connection refused'));
    const response = await fetch(`${origin(server.url)}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'store unavailable' });
  });
});

describe('/metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ metrics: { public: false, operations: ['Editions', 'Missing', 'Record'] } });
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  });
  afterAll(() => server.stop());

  it('counts and times GraphQL operations by name, type and outcome', async () => {
    await server.gql(`query Editions { editions { fiscalYear } }`);
    await server.gql(`query Editions { editions { fiscalYear } }`);
    await server.gql(`query Missing { indicatorRevision(id: "0-0-0/none") }`);
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="Editions",type="query",outcome="ok"}')).toBe(2);
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="Missing",type="query",outcome="error"}')).toBe(1);
    expect(await metricValue(server.url, 'plan_ledger_graphql_request_duration_seconds_count{operation="Editions",type="query"}')).toBe(2);
  });

  it('counts appended events from the store subscription, and reports the projection position', async () => {
    const before = (await metricValue(server.url, 'plan_ledger_events_appended_total')) ?? 0;
    await server.gql(`mutation Record { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: 18, reason: "recount" }) { id } }`);
    const head = await server.ledger.log.headPosition();
    const deadline = Date.now() + 5000;
    while (((await metricValue(server.url, 'plan_ledger_events_appended_total')) ?? 0) < before + 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await metricValue(server.url, 'plan_ledger_events_appended_total')).toBe(before + 1);
    expect(await metricValue(server.url, 'plan_ledger_store_head_position')).toBe(head);
    expect(await metricValue(server.url, 'plan_ledger_projection_position')).toBe(head);
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="Record",type="mutation",outcome="ok"}')).toBe(1);
  });

  it('reports how much of the present is held in memory', async () => {
    await server.gql(`{ measure(code: "5-1-1") { indicators { values { target } } } }`);
    const entries = (await metricValue(server.url, 'plan_ledger_present_cache_entries')) ?? 0;
    const bytes = (await metricValue(server.url, 'plan_ledger_present_cache_bytes')) ?? 0;
    // The measure and each of its indicators.
    expect(entries).toBeGreaterThanOrEqual(3);
    expect(bytes).toBeGreaterThan(entries * 64);
    expect({ entries, bytes }).toEqual(server.ledger.readModel.present?.size());
  });

  it('labels only the operations the server knows: any other name counts as other, so junk names cannot fill the label space', async () => {
    for (let n = 0; n < 250; n += 1) await server.gql(`query Junk${n} { editions { fiscalYear } }`);
    await server.gql(`query Editions { editions { fiscalYear } }`);
    await server.gql(`query FiscalYearsCompared { editions { fiscalYear } }`);
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="other",type="query",outcome="ok"}')).toBe(250);
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="Junk7",type="query",outcome="ok"}')).toBeNull();
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="Editions",type="query",outcome="ok"}')).toBe(3);
    // An explorer example's name is known without being listed.
    expect(await metricValue(server.url, 'plan_ledger_graphql_requests_total{operation="FiscalYearsCompared",type="query",outcome="ok"}')).toBe(1);
  });

  it('is not public: no token is 401, a token without the admin role 403, each with its code', async () => {
    const anonymous = await fetch(`${origin(server.url)}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const auditor = await fetch(`${origin(server.url)}/metrics`, { headers: { authorization: `Bearer ${await tokenFor('auditor')}` } });
    expect(auditor.status).toBe(403);
    expect(await auditor.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const forged = await fetch(`${origin(server.url)}/metrics`, { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
  });

  it('is public where PLAN_LEDGER_METRICS_PUBLIC says so', async () => {
    const open = await startTestServer({ metrics: { public: true, operations: [] } });
    try {
      expect((await fetch(`${origin(open.url)}/metrics`)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });

  it('is in the Prometheus text format, with process metrics', async () => {
    const response = await fetch(`${origin(server.url)}/metrics`, { headers: { authorization: server.adminAuthorization } });
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^plan_ledger_process_cpu_user_seconds_total \d/m);
  });
});

describe('request logs', () => {
  it('are one JSON line per request with the operation name, and never the Authorization header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const server = await startTestServer({ logger: pino({ level: 'info' }, sink) });
    try {
      await server.gql(`query Editions { editions { fiscalYear } }`, {}, { authorization: server.adminAuthorization });
      await fetch(`${origin(server.url)}/healthz`);
      await until(() => lines.length > 0);
    } finally {
      await server.stop();
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 30,
      operationName: 'Editions',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(lines.join('')).not.toContain(server.adminAuthorization.slice('Bearer '.length));
  });
});

describe('start-up', () => {
  it('fails cleanly when the port is taken, closing the store subscription it opened', async () => {
    const first = await startTestServer();
    const port = Number(new URL(first.url).port);
    const store = new SqliteEventStore({ path: ':memory:' });
    const ledger = await Ledger.embedded(store);
    const subscribe = store.subscribe.bind(store);
    const closed = jest.fn();
    jest.spyOn(store, 'subscribe').mockImplementation((after, handler) => {
      const subscription = subscribe(after, handler);
      return { close: () => subscription.close().then(closed) };
    });
    try {
      await expect(startServer({ ledger, port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(closed).toHaveBeenCalledTimes(1);
    } finally {
      await ledger.close();
      await first.stop();
    }
  });
});
