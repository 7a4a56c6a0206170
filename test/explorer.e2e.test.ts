// The explorer as HTTP serves it: HTML for a browser, GraphQL for everything else, assets from
// node_modules, and a policy that lets the page reach nothing but this server.
import { parse, validate } from 'graphql';
import { ledgerSchema } from '../src/graphql/schema';
import { exampleTabs } from '../src/http/explorer/example-operations';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestServer, type TestServer } from './support/test-server';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('GET /graphql', () => {
  it('is the explorer for a browser', async () => {
    const response = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['data:,', '/explorer/assets/graphiql.css', '/explorer/assets/react.js', '/explorer/assets/react-dom.js', '/explorer/assets/graphiql.js']);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('is GraphQL for anything else', async () => {
    const query = encodeURIComponent('{ editions { fiscalYear } }');
    const response = await fetch(`${server.url}?query=${query}`, { headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { editions: [] } });
  });

  it('is GraphQL for a browser that sends a query', async () => {
    const query = encodeURIComponent('{ editions { fiscalYear } }');
    const response = await fetch(`${server.url}?query=${query}`, { headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  });
});

describe('explorer assets', () => {
  it.each([
    ['react.js', 'text/javascript'],
    ['react-dom.js', 'text/javascript'],
    ['graphiql.js', 'text/javascript'],
    ['graphiql.css', 'text/css'],
  ])('%s is served from node_modules', async (name, type) => {
    const response = await fetch(`${server.url.replace('/graphql', '')}/explorer/assets/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('nothing else is', async () => {
    const response = await fetch(`${server.url.replace('/graphql', '')}/explorer/assets/..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });

  it("names of Object.prototype's members are 404, with nothing logged at error level", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logged = await startTestServer({ logger: pino({ level: 'info' }, sink) });
    try {
      const base = logged.url.replace('/graphql', '');
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
        expect((await fetch(`${base}/explorer/assets/${name}`)).status).toBe(404);
      }
    } finally {
      await logged.stop();
    }
    const levels = lines.flatMap((line) => line.split('\n')).filter(Boolean).map((line) => (JSON.parse(line) as { level: number }).level);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.filter((level) => level >= 50)).toEqual([]);
  });
});

describe('example operations', () => {
  it.each(exampleTabs().map((tab) => [tab.query.match(/(?:query|subscription) (\w+)/)?.[1] ?? '?', tab.query] as const))(
    '%s is valid against the served schema',
    async (_name, query) => {
      expect(validate(await ledgerSchema(), parse(query))).toEqual([]);
    },
  );
});
