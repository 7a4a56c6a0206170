// If-None-Match answers 304 only for an answer the server kept under that tag: `*` is no way to get a
// refused read, or a question never answered, to look as if the client held it.
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ responseCache: true });
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => server.stop());

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('If-None-Match', () => {
  it('`*` on a read refused to the caller gets the refusal, not 304', async () => {
    const response = await post('{ auditTrail(first: 1) { totalCount } }', { 'if-none-match': '*' });
    expect(response.status).not.toBe(304);
    expect(JSON.stringify(await response.json())).toMatch(/UNAUTHENTICATED/);
  });

  it('`*` on a question not answered yet gets the answer, then 304 once it is kept', async () => {
    const query = '{ measure(code: "5-1-1") { title } }';
    const first = await post(query, { 'if-none-match': '*' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { measure: { title: '多様な担い手が参画するまちづくりの推進' } } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"\d+-/);
    expect((await post(query, { 'if-none-match': '*' })).status).toBe(304);
    expect((await post(query, { 'if-none-match': etag ?? '' })).status).toBe(304);
  });
});

describe('tags', () => {
  it('differ between the two media types an answer is sent as, and errors carry none', async () => {
    const body = JSON.stringify({ query: '{ measure(code: "5-1-2") { title } }' });
    const as = (accept: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
    const json = await as('application/json');
    const graphqlResponse = await as('application/graphql-response+json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(graphqlResponse.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(json.headers.get('etag')).toMatch(/^"\d+-/);
    expect(graphqlResponse.headers.get('etag')).toMatch(/^"\d+-/);
    expect(json.headers.get('etag')).not.toBe(graphqlResponse.headers.get('etag'));
    // Each revalidates its own representation only.
    expect((await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'if-none-match': json.headers.get('etag') ?? '' }, body })).status).toBe(304);
    expect((await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'if-none-match': json.headers.get('etag') ?? '' }, body })).status).toBe(200);

    const refused = await fetch(`${server.url}?query=${encodeURIComponent('{ nope }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('etag')).toBeNull();
    const missing = await fetch(server.url.replace('/graphql', '/nothing-here'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
  });
});
