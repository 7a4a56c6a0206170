// How the server serves the page (jest's global setup has just built it): its deep links answer the
// built index.html with a fresh nonce under the explorer's CSP, its assets come from this server with
// long caching, and the API's paths stay the API's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_BUILD_DIR } from '../src/http/page/page-routes';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let origin: string;

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(() => server?.stop());

const get = (path: string, accept = 'text/html') => fetch(`${origin}${path}`, { headers: { accept } });

describe('the page, as served', () => {
  it.each(['/', '/062073', '/062073/indicator/5-1-1%2FNPO%E6%B3%95%E4%BA%BA%E6%95%B0', '/062073/edition/2022', '/062073/compare/2021/2022', '/compare/2021', '/062073/audit'])(
    'answers %s with the page and its nonce under the CSP',
    async (path) => {
      const response = await get(path);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(nonce).toBeTruthy();
      expect(html).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain('PLAN_LEDGER_NONCE');
      expect(html).toContain('<meta name="plan-ledger-graphql" content="/graphql">');
      // Nothing from elsewhere: every script and stylesheet is this server's.
      expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => !url?.startsWith('/') && !url?.startsWith('data:'))).toEqual([]);
    },
  );

  it('gives each response its own nonce', async () => {
    const nonces = await Promise.all([get('/062073'), get('/062073')].map(async (r) => (await r).headers.get('content-security-policy')));
    expect(nonces[0]).not.toEqual(nonces[1]);
  });

  it('serves the hashed assets for a year, and nothing else under their path', async () => {
    const script = readdirSync(join(PAGE_BUILD_DIR, 'assets')).find((name) => /^index-.*\.js$/.test(name));
    const response = await get(`/page/assets/${script}`, '*/*');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/page/assets/nothing.js', '*/*')).status).toBe(404);
  });

  it('leaves the API its paths: the explorer, GraphQL, probes, and 404 elsewhere', async () => {
    expect(await (await get('/graphql')).text()).toContain('GraphQL explorer');
    expect((await server.gql('{ editions { fiscalYear } }')).data).toEqual({ editions: [] });
    expect((await get('/healthz', 'application/json')).status).toBe(200);
    expect((await get('/062073/nothing')).status).toBe(404);
    expect((await get('/page')).status).toBe(404);
  });
});
