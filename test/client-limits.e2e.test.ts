// Limits per client address: requests per second (429 with Retry-After), and connections that take too
// long to say what they want.
import { connect } from 'node:net';
import { DEFAULT_CLIENT_LIMITS } from '../src/config/client-limits';
import { startTestServer, type TestServer } from './support/test-server';

const origin = (url: string) => url.replace(/\/graphql$/, '');

describe('requests per second per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clientLimits: { ...DEFAULT_CLIENT_LIMITS, requestsPerSecond: 5 } });
  });
  afterAll(() => server.stop());

  it('answers the one too many 429 with Retry-After and its code, while health probes stay unlimited', async () => {
    const post = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://app.example.jp' }, body: '{"query":"{ editions { fiscalYear } }"}' });
    const statuses = [];
    for (let n = 0; n < 5; n += 1) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/PLAN_LEDGER_RATE_LIMIT_RPS/) }] });
    expect((await fetch(`${origin(server.url)}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await post()).status).toBe(200);
  });
});

describe('slow requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clientLimits: { ...DEFAULT_CLIENT_LIMITS, requestsPerSecond: 0, headersTimeoutMs: 1000, httpRequestTimeoutMs: 1500 } });
  });
  afterAll(() => server.stop());

  /** Sends `head` and never the rest; resolves with what the server answered and when it closed. */
  function dribble(head: string): Promise<{ answer: string; ms: number }> {
    const { port, hostname } = new URL(server.url);
    const started = Date.now();
    return new Promise((resolve) => {
      const socket = connect(Number(port), hostname, () => socket.write(head));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
    });
  }

  it('closes a connection whose headers do not arrive within PLAN_LEDGER_HEADERS_TIMEOUT_MS, with 408', async () => {
    const { answer, ms } = await dribble('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5000);
  });

  it('closes a connection whose body does not arrive within PLAN_LEDGER_HTTP_REQUEST_TIMEOUT_MS, with 408', async () => {
    const { answer, ms } = await dribble('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5000);
  });
});
