// A page served from another origin, in headless Chromium, calls the API as a browser app does: a POST
// with a token (preflighted), a GET, and a revalidation that gets 304 through the ETag it could read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleText } from './support/sample';
import { describeInChromium, launchChromium, type Browser } from './support/chromium';
import { startTestServer, type TestServer } from './support/test-server';

describeInChromium('a browser app on another origin, in headless Chromium', browserApp);

interface Seen {
  status: number;
  etag: string | null;
  body: unknown;
}

function browserApp(): void {
  let api: TestServer;
  let app: Server;
  let appOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestServer({ responseCache: true });
    await api.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    // The app's own origin: another port is another origin.
    app = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>app</title>'));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
    await api?.stop();
  });

  it('reads with POST and GET, writes with a token, and revalidates with a 304', async () => {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(appOrigin);
    const seen = await page.evaluate(
      async ({ url, authorization }) => {
        const read = async (response: Response) => ({ status: response.status, etag: response.headers.get('etag'), body: response.status === 304 ? null : await response.json() });
        const query = '{ measure(code: "5-1-1") { title } }';
        const post = (body: unknown, headers: Record<string, string> = {}) =>
          fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(read);
        const first = await post({ query });
        const get = await fetch(`${url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } }).then(read);
        const write = await post(
          { query: 'mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: 18, reason: "from the app" }) { id } }' },
          { authorization },
        );
        const fresh = await post({ query });
        const revalidated = await post({ query }, { 'if-none-match': fresh.etag ?? '' });
        return { first, get, write, fresh, revalidated };
      },
      { url: api.url, authorization: api.adminAuthorization },
    );
    const expected = { data: { measure: { title: '多様な担い手が参画するまちづくりの推進' } } };
    expect(seen.first).toMatchObject<Partial<Seen>>({ status: 200, body: expected });
    expect(seen.first.etag).toMatch(/^"\d+-/);
    expect(seen.get).toMatchObject<Partial<Seen>>({ status: 200, body: expected });
    expect(seen.write).toMatchObject<Partial<Seen>>({ status: 200, body: { data: { recordValue: { id: '062073:5-1-1/NPO法人数' } } } });
    expect(seen.fresh.etag).not.toBe(seen.first.etag);
    expect(seen.revalidated).toEqual({ status: 304, etag: seen.fresh.etag, body: null });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
}
