// The served GraphQL POST path (src/http/graphql-post.ts): JSON POSTs go from node:http to Apollo, and
// repeated reads are answered from the response cache before Apollo runs. What a client sees must be
// what the full pipeline would have sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { decodeJwt } from 'jose';
import pino from 'pino';
import { mintToken } from '../src/auth/mint-token';
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { ResponseCache } from '../src/graphql/plugins/response-cache';
import { sampleText } from './support/sample';
import { TEST_JWT_SECRET } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';
import { until } from './support/ws-client';

const MEASURE = 'query Measure($code: String!) { measure(code: $code) { code title indicators { id values { fiscalYear target actual } } } }';
const RECORD = `mutation Record($value: Float!) {
  recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: $value, reason: "count corrected" }) { id }
}`;

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

describe('GraphQL POSTs on the served stack with the response cache', () => {
  let server: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    server = await startTestServer({ responseCache: true, logger: pino({ level: 'info' }, sink) });
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  });
  afterAll(() => server.stop());

  const post = async (body: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const measure = (code: string, headers?: Record<string, string>) => post(JSON.stringify({ query: MEASURE, variables: { code } }), headers);
  const metric = async (name: string): Promise<string> => {
    const text = await (await fetch(new URL('/metrics', server.url), { headers: { authorization: server.adminAuthorization } })).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .join('\n');
  };

  it('answers a repeated read with the same bytes and headers as the first answer, counted as a cache hit', async () => {
    const first = await measure('5-1-1');
    const hitsBefore = await metric('plan_ledger_graphql_cache_answers_total{answer="hit"}');
    const second = await measure('5-1-1');
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.measure.code).toBe('5-1-1');
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    for (const name of ['content-type', 'etag', 'cache-control', 'access-control-allow-origin', 'content-length']) {
      expect([name, second.headers.get(name)]).toEqual([name, first.headers.get(name)]);
    }
    expect(first.headers.get('etag')).toMatch(/^"\d+-[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const hitsAfter = await metric('plan_ledger_graphql_cache_answers_total{answer="hit"}');
    expect(Number(hitsAfter.split(' ')[1] ?? 0)).toBe(Number(hitsBefore.split(' ')[1] ?? 0) + 1);
  });

  it('answers an If-None-Match naming the current tag with an empty 304, and a stale tag with data', async () => {
    const { headers } = await measure('5-1-2');
    const etag = headers.get('etag') ?? '';
    const notModified = await measure('5-1-2', { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);

    const write = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: server.adminAuthorization },
      body: JSON.stringify({ query: RECORD, variables: { value: 40 } }),
    });
    expect(write.headers.get('cache-control')).toBe('no-store');
    expect(write.headers.get('etag')).toBeNull();
    expect(((await write.json()) as { errors?: unknown }).errors).toBeUndefined();
    const afterWrite = await measure('5-1-2', { 'if-none-match': etag });
    expect(afterWrite.status).toBe(200);
    expect(afterWrite.headers.get('etag')).not.toBe(etag);
  });

  it('runs a mutation whatever If-None-Match it carries, even the tag its question would have', async () => {
    const body = JSON.stringify({ query: RECORD, variables: { value: 41 } });
    const send = () =>
      fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: server.adminAuthorization, 'if-none-match': etag }, body });
    const cache = new ResponseCache({ headPosition: () => server.ledger.readModel.position.current() });
    const named = cache.name({ query: RECORD, operationName: null, variables: { value: 41 }, headers: { get: (name) => (name === 'authorization' ? server.adminAuthorization : undefined) } });
    const etag = named?.etag ?? '';
    const head = await server.ledger.log.headPosition();
    const first = await send();
    expect(first.status).toBe(200);
    expect(await server.ledger.log.headPosition()).toBe(head + 1);
  });

  it('never serves a kept answer to a caller whose credentials fail', async () => {
    const anonymous = { authorization: '' };
    await measure('5-1-1', anonymous);
    const bad = await measure('5-1-1', { authorization: 'Bearer not.a.token' });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('verifies the credentials of every hit: a token that expired after its answer was kept gets 401, not the answer', async () => {
    const token = await mintToken(new TextEncoder().encode(TEST_JWT_SECRET), { sub: 'test-short-lived', role: 'viewer' }, { expiresIn: '2s' });
    const authorization = { authorization: `Bearer ${token}` };
    const hits = async () => Number((await metric('plan_ledger_graphql_cache_answers_total{answer="hit"}')).split(' ')[1] ?? 0);
    expect((await measure('5-1-2', authorization)).status).toBe(200);
    const hitsBefore = await hits();
    expect((await measure('5-1-2', authorization)).status).toBe(200);
    expect(await hits()).toBe(hitsBefore + 1);
    const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 100));
    const expired = await measure('5-1-2', authorization);
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('leaves a persisted-query hash that is not its query\'s to Apollo, even when the query is kept', async () => {
    await measure('5-1-1');
    const withHash = await post(JSON.stringify({ query: MEASURE, variables: { code: '5-1-1' }, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }));
    expect(withHash.status).toBe(400);
    expect(JSON.parse(withHash.text).errors[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST naming the problem, and writes nothing', async () => {
    const head = await server.ledger.log.headPosition();
    const broken = await post('{"query": "mutation { importReport ');
    expect(broken.status).toBe(400);
    const error = JSON.parse(broken.text).errors[0];
    expect(error.extensions.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/not JSON/);
    expect(await server.ledger.log.headPosition()).toBe(head);
  });

  it('sends requests it does not take (another content type, a chunked body) to the full stack', async () => {
    const asText = await post(JSON.stringify({ query: '{ editions { fiscalYear } }' }), { 'content-type': 'text/plain' });
    expect(asText.status).toBe(400);
    const chunked = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ query: '{ editions { fiscalYear } }' })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(200);
    expect(((await chunked.json()) as { data: { editions: unknown[] } }).data.editions.length).toBeGreaterThan(0);
  });

  it('logs cache answers and Apollo answers alike, with the operation name', async () => {
    lines.length = 0;
    await measure('5-1-3');
    await measure('5-1-3');
    await until(() => lines.length >= 2);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry).toMatchObject({ operationName: 'Measure', req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 } });
    }
  });
});

describe('the response cache and another process writing the same embedded file', () => {
  it('answers with the other writer’s value once the position is re-read (within 25 ms), never a stale tag after that', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-cache-'));
    const path = join(dir, 'ledger.db');
    const server = await startTestServer({ path, responseCache: true });
    const other = await Ledger.embedded(new SqliteEventStore({ path }));
    try {
      await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
      const ask = async () => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ indicator(id: "5-1-1/NPO法人数") { value(fiscalYear: 2021) { actual } } }' }),
        });
        return { etag: response.headers.get('etag'), actual: ((await response.json()) as { data: { indicator: { value: { actual: number } } } }).data.indicator.value.actual };
      };
      const before = await ask();
      expect((await ask()).etag).toBe(before.etag);
      await other.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 99, text: null, reason: 'corrected elsewhere' }, 'other-process');
      await new Promise((resolve) => setTimeout(resolve, 30));
      const after = await ask();
      expect(after.actual).toBe(99);
      expect(after.etag).not.toBe(before.etag);
    } finally {
      await other.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
