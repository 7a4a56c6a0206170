// If-None-Match answers 304 only for an answer the server kept under that tag: `*` is no way to get a
// refused read, or a question never answered, to look as if the client held it.
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ responseCache: true });
  await server.ledger.importReport(sampleText(), { actor: 'importer' });
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
