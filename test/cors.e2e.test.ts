// Browser apps on another origin: preflights answered for /graphql, ETag readable, and an allow-list
// that admits only the origins it names.
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

const PREFLIGHT = {
  method: 'OPTIONS',
  headers: { origin: 'http://app.example.jp', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,if-none-match' },
};

describe('CORS for any origin (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ responseCache: true });
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  });
  afterAll(() => server.stop());

  it('answers the preflight of a POST with a token, before the explorer route could', async () => {
    const response = await fetch(server.url, PREFLIGHT);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,authorization,if-none-match,apollo-require-preflight,x-apollo-operation-name');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('exposes the ETag on POSTs (the fast path, fresh and cached) and GETs', async () => {
    const query = '{ measure(code: "5-1-1") { title } }';
    const post = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://app.example.jp' }, body: JSON.stringify({ query }) });
    for (const response of [await post(), await post()]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toBe('etag');
      expect(response.headers.get('etag')).toMatch(/^"\d+-/);
    }
    const get = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: { origin: 'http://app.example.jp', 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-expose-headers')).toBe('etag');
  });
});

describe('CORS with PLAN_LEDGER_CORS_ORIGINS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ cors: { anyOrigin: false, origins: new Set(['http://app.example.jp']) } });
  });
  afterAll(() => server.stop());

  it('admits a listed origin by name, varying by Origin', async () => {
    const preflight = await fetch(server.url, PREFLIGHT);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.example.jp');
    const post = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://app.example.jp' }, body: '{"query":"{ editions { fiscalYear } }"}' });
    expect(post.headers.get('access-control-allow-origin')).toBe('http://app.example.jp');
    expect(post.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives any other origin no Access-Control-Allow-Origin, so its browser refuses the answer', async () => {
    const preflight = await fetch(server.url, { ...PREFLIGHT, headers: { ...PREFLIGHT.headers, origin: 'http://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{"query":"{ editions { fiscalYear } }"}' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});
