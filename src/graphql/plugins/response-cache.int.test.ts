import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Ledger } from '../../application/ledger';
import { SqliteEventStore } from '../../store/sqlite/sqlite-event-store';
import { sampleText } from '../../../test/support/sample';
import { createRequestContext, type RequestContext } from '../context';
import { createApolloServer } from '../apollo-server';
import { responseCachePlugin } from './response-cache';

const NPO = `query Npo($id: ID!, $year: Int!) { indicator(id: $id) { id value(fiscalYear: $year) { actual } } }`;
const RECORD = `mutation Record($value: Float!) {
  recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: $value, reason: "count corrected" }) { id }
}`;

describe('responseCachePlugin over HTTP', () => {
  let ledger: Ledger;
  let url: string;
  let stop: () => Promise<void>;
  /** How many operations actually ran their resolvers. */
  let executions = 0;

  beforeAll(async () => {
    ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    const server = await createApolloServer();
    server.addPlugin(responseCachePlugin({ headPosition: () => ledger.readModel.checkpoint() }));
    const counter: ApolloServerPlugin<RequestContext & BaseContext> = {
      async requestDidStart() {
        return {
          async executionDidStart() {
            executions += 1;
          },
        };
      },
    };
    server.addPlugin(counter);
    ({ url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      // Mutations need an actor allowed to edit; reads do not care who asks.
      context: async () => createRequestContext(ledger, 'editor-1'),
    }));
    stop = () => server.stop();
  });
  afterAll(async () => {
    await stop();
    await ledger.close();
  });

  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('etag'), text, json: text ? JSON.parse(text) : null };
  };
  const npo = (year: number, headers?: Record<string, string>) => post(NPO, { id: '5-1-1/NPO法人数', year }, headers);

  it('answers a repeated query from the cache, without running the resolvers', async () => {
    const first = await npo(2021);
    const before = executions;
    const second = await npo(2021);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.etag).toBe(first.etag);
    expect(executions).toBe(before);
    expect(first.json.data.indicator.value.actual).toBe(17);
  });

  it('keeps different variables apart', async () => {
    const a = await npo(2021);
    const b = await npo(2023);
    expect(b.etag).not.toBe(a.etag);
    expect(b.json.data.indicator.value.actual).toBeNull();
    expect((await npo(2021)).json.data.indicator.value.actual).toBe(17);
  });

  it('answers 304 only to an If-None-Match naming the current tag', async () => {
    const { etag } = await npo(2021);
    expect(etag).toMatch(/^"\d+-[\w-]+"$/);
    const before = executions;
    const notModified = await npo(2021, { 'if-none-match': etag ?? '' });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(executions).toBe(before);
    const otherTag = await npo(2021, { 'if-none-match': '"1-somethingelse"' });
    expect(otherTag.status).toBe(200);
    const otherVariables = await npo(2022, { 'if-none-match': etag ?? '' });
    expect(otherVariables.status).toBe(200);
  });

  it('lets mutations through every time, and a write invalidates every cached answer and tag', async () => {
    const before = await npo(2021);
    const executed = executions;
    const first = await post(RECORD, { value: 18 });
    const second = await post(RECORD, { value: 18 });
    expect(first.json.errors).toBeUndefined();
    expect(second.json.errors).toBeUndefined();
    expect(executions).toBe(executed + 2);
    expect(first.etag).toBeNull();

    const after = await npo(2021);
    expect(after.json.data.indicator.value.actual).toBe(18);
    expect(after.etag).not.toBe(before.etag);
    const stale = await npo(2021, { 'if-none-match': before.etag ?? '' });
    expect(stale.status).toBe(200);
    expect(stale.json.data.indicator.value.actual).toBe(18);
  });

  it('neither caches nor tags an answer with errors', async () => {
    const bad = `query Bad { auditTrail(first: 100000) { totalCount } }`;
    const first = await post(bad, {});
    expect(first.json.errors).toBeDefined();
    expect(first.etag).toBeNull();
    const before = executions;
    await post(bad, {});
    expect(executions).toBe(before + 1);
  });
});
