// Automatic persisted queries as Apollo Client does them (a hash first, the document once told it is
// unknown), answered from the response cache too; and trusted documents, which refuse every other one.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { print } from 'graphql';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { subscribe, wsClient } from './support/ws-client';
import { DEFAULT_APQ_CACHE_MB } from '../src/config/persisted-documents';
import { sampleText } from './support/sample';
import { startTestServer, type GqlResponse, type TestServer } from './support/test-server';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const EDITIONS = 'query Editions { editions { fiscalYear label } }';

interface Exchange {
  body: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
  status: number;
  etag: string | null;
  codes: unknown[];
}

/** An Apollo Client with its persisted-query link, and every request it made with what came back. */
function apolloClient(url: string): { client: ApolloClient; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const answer = (await response.clone().json()) as GqlResponse<unknown>;
    exchanges.push({
      body: JSON.parse(String(init?.body)) as Exchange['body'],
      status: response.status,
      etag: response.headers.get('etag'),
      codes: (answer.errors ?? []).map((error) => error.extensions?.['code']),
    });
    return response;
  };
  const link = new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: url, fetch: recordingFetch }));
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), exchanges };
}

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as GqlResponse<{ editions: unknown[] }> };
};
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('automatic persisted queries', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ responseCache: true });
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  });
  afterAll(() => server.stop());

  it('registers on the hash and the document, then answers the hash alone (from the response cache too)', async () => {
    const first = apolloClient(server.url);
    const { data } = await first.client.query({ query: gql(EDITIONS) });
    expect(data).toEqual({ editions: [expect.objectContaining({ fiscalYear: 2021 })] });
    expect(first.exchanges.map((e) => [e.body.query === undefined ? 'hash' : 'document', e.codes])).toEqual([
      ['hash', ['PERSISTED_QUERY_NOT_FOUND']],
      ['document', []],
    ]);

    // Another page load: one round trip, the hash only, answered with the same tag the document got.
    const second = apolloClient(server.url);
    expect((await second.client.query({ query: gql(EDITIONS) })).data).toEqual(data);
    expect(second.exchanges).toEqual([expect.objectContaining({ status: 200, codes: [] })]);
    expect(second.exchanges[0]?.body.query).toBeUndefined();
    expect(second.exchanges[0]?.etag).toBe(first.exchanges[1]?.etag);
    expect(second.exchanges[0]?.etag).toMatch(/^"\d+-/);
  });

  it('registers a document the response cache answered, so the next hash alone is known', async () => {
    const query = 'query CachedFirst { editions { label } }';
    await server.gql(query); // kept in the response cache, never seen as a persisted query
    const hash = sha256(query);
    expect((await post(server.url, { query, extensions: persisted(hash) })).etag).toMatch(/^"\d+-/);
    const hashOnly = await post(server.url, { extensions: persisted(hash) });
    expect(hashOnly.body).toEqual({ data: { editions: [{ label: expect.any(String) }] } });
  });

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND and a hash that is not the document 400', async () => {
    const unknown = await post(server.url, { extensions: persisted(sha256('query Never { editions { label } }')) });
    expect(unknown.body.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    const mismatch = await post(server.url, { query: EDITIONS, extensions: persisted(sha256('something else')) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('with APQ switched off (PLAN_LEDGER_APQ_CACHE_MB=0)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ persistedDocuments: { apqCacheBytes: 0, trusted: null } });
  });
  afterAll(() => server.stop());

  it('says so, and Apollo Client falls back to sending documents', async () => {
    const unsupported = await post(server.url, { extensions: persisted(sha256(EDITIONS)) });
    expect(unsupported.body.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_SUPPORTED' });
    const { client } = apolloClient(server.url);
    expect((await client.query({ query: gql(EDITIONS) })).data).toEqual({ editions: [] });
  });
});

describe('trusted documents (PLAN_LEDGER_TRUSTED_DOCUMENTS)', () => {
  let server: TestServer;
  // As Apollo Client prints it, with the __typename its cache adds, and so hashes it.
  const trustedText = print(gql('query Trusted { editions { fiscalYear __typename } }'));
  beforeAll(async () => {
    server = await startTestServer({
      responseCache: true,
      persistedDocuments: { apqCacheBytes: DEFAULT_APQ_CACHE_MB * 1024 * 1024, trusted: new Map([[sha256(trustedText), trustedText]]) },
    });
  });
  afterAll(() => server.stop());

  it('runs a listed document by its hash alone, or by its text', async () => {
    expect((await post(server.url, { extensions: persisted(sha256(trustedText)) })).body).toEqual({ data: { editions: [] } });
    expect((await server.gql(trustedText)).data).toEqual({ editions: [] });
    const { client, exchanges } = apolloClient(server.url);
    expect((await client.query({ query: gql('query Trusted { editions { fiscalYear } }') })).data).toEqual({ editions: [] });
    expect(exchanges).toHaveLength(1);
  });

  it('refuses any other document with OPERATION_NOT_TRUSTED, however it is sent', async () => {
    const other = 'query Other { editions { label } }';
    const byText = await post(server.url, { query: other });
    expect(byText.status).toBe(403);
    expect(byText.body).toEqual({ errors: [{ message: expect.stringContaining('trusted documents'), extensions: { code: 'OPERATION_NOT_TRUSTED' } }] });
    // Apollo Client's way: the unknown hash, then the document, which is refused.
    const { client, exchanges } = apolloClient(server.url);
    await expect(client.query({ query: gql(other) })).rejects.toThrow(/trusted documents/);
    expect(exchanges.map((e) => e.codes)).toEqual([['PERSISTED_QUERY_NOT_FOUND'], ['OPERATION_NOT_TRUSTED']]);
    // Nor is anything registered: the hash stays unknown.
    expect((await post(server.url, { extensions: persisted(sha256(other)) })).body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses other documents over WebSocket too', async () => {
    const client = wsClient(server.wsUrl, { authorization: server.adminAuthorization });
    try {
      const live = subscribe(client, 'subscription { ledgerEvents { type } }');
      await expect(live.ended).rejects.toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_NOT_TRUSTED' } })]);
    } finally {
      await client.dispose();
    }
  });
});
