// The README's client section, run: its snippets are the files of examples/client, included verbatim;
// GraphQL Code Generator runs the README's codegen.ts against schema/schema.graphql in a temp dir,
// tsc type-checks the client against what it generated (strictScalars: no `unknown` scalar), and the
// snippets run against a server: the fetch wrapper, the pagination loop, Apollo Client with automatic
// persisted queries, graphql-ws, and the generated manifest as trusted documents.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gql } from '@apollo/client';
import WebSocket from 'ws';
import { loadPersistedDocumentsConfig } from '../src/config/persisted-documents';
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

const ROOT = resolve(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples', 'client');
const snippets = readdirSync(EXAMPLES).filter((name) => name.endsWith('.ts')).sort();

type LedgerModule = typeof import('../examples/client/ledger');
type ApolloModule = typeof import('../examples/client/apollo');
interface OperationsModule {
  IndicatorRevisionDocument: Parameters<LedgerModule['ledger']>[0];
  saveActual(id: string, fiscalYear: number, value: number, token: string): Promise<string | null>;
}
interface EventNode { position: string; type: string; eventType: string; payload: { __typename: string; value?: number | null } }
interface AllEventsModule { allEvents(token: string): AsyncGenerator<EventNode> }
interface LiveModule {
  liveClient(url: string, token: string): { dispose(): Promise<void> | void };
  watchIndicators(client: unknown, changed: (id: string) => void, signal: AbortSignal): Promise<void>;
}

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', command), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

let dir: string;
let codegen: ReturnType<typeof run>;
let tsc: ReturnType<typeof run>;
let server: TestServer;
let token: string;
const load = <T>(name: string): T => require(join(dir, 'src', name)) as T;

beforeAll(async () => {
  // The layout the README's codegen.ts expects: schema/schema.graphql and the client under src/.
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-client-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'schema'));
  copyFileSync(join(ROOT, 'schema', 'schema.graphql'), join(dir, 'schema', 'schema.graphql'));
  for (const name of snippets) copyFileSync(join(EXAMPLES, name), join(dir, name === 'codegen.ts' ? name : join('src', name)));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  codegen = run('@graphql-codegen/cli/cjs/bin.js', ['--config', 'codegen.ts', '--silent'], dir);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node', lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [], strict: true, noUncheckedIndexedAccess: true, skipLibCheck: true, noEmit: true },
    include: ['src'],
  }));
  tsc = run('typescript/bin/tsc', ['-p', '.'], dir);
  server = await startTestServer({ responseCache: true });
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  token = await tokenFor('admin', 'readme-client');
  load<LedgerModule>('ledger.ts').ENDPOINT.url = server.url;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the README client section', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it.each(snippets)('includes examples/client/%s verbatim', (name) => {
    expect(readme).toContain(`\`\`\`ts\n// examples/client/${name}\n${readFileSync(join(EXAMPLES, name), 'utf8')}\`\`\``);
  });

  it('generates types with its codegen.ts (strictScalars) that the client type-checks against', () => {
    expect(codegen).toEqual({ status: 0, output: expect.any(String) });
    expect(tsc).toEqual({ status: 0, output: '' });
  });
});

describe('its snippets against a server', () => {
  it('the fetch wrapper reads and writes, and names an error by code', async () => {
    const { ledger, LedgerError } = load<LedgerModule>('ledger.ts');
    const { IndicatorRevisionDocument, saveActual } = load<OperationsModule>('operations.ts');
    expect(await ledger(IndicatorRevisionDocument, { id: '5-1-1/NPO法人数' })).toEqual({ indicatorRevision: expect.any(Number) });
    await expect(ledger(IndicatorRevisionDocument, { id: 'no/such' })).rejects.toEqual(expect.any(LedgerError));
    await expect(ledger(IndicatorRevisionDocument, { id: 'no/such' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await saveActual('5-1-1/NPO法人数', 2021, 529, token)).toBe('NPO法人数');
  });

  it('the pagination loop reads the whole trail, typed payloads included', async () => {
    const { allEvents } = load<AllEventsModule>('all-events.ts');
    const events: EventNode[] = [];
    for await (const event of allEvents(token)) events.push(event);
    const { data } = await server.gql<{ auditTrail: { totalCount: number } }>('{ auditTrail(first: 0) { totalCount } }');
    expect(events).toHaveLength(data!.auditTrail.totalCount);
    expect(events.at(-1)).toMatchObject({ eventType: 'ActualRevised', payload: { __typename: 'ActualRevisedPayload', value: 529 } });
  });

  it('Apollo Client reads with automatic persisted queries', async () => {
    const { createLedgerClient } = load<ApolloModule>('apollo.ts');
    const client = createLedgerClient(server.url, () => token);
    const { data } = await client.query({ query: gql('query Revision { indicatorRevision(id: "5-1-1/NPO法人数") }') });
    expect(data).toEqual({ indicatorRevision: expect.any(Number) });
  });

  it('the graphql-ws client sees a write', async () => {
    Object.assign(globalThis, { WebSocket }); // a browser has it; Node 20 does not
    const { liveClient, watchIndicators } = load<LiveModule>('live.ts');
    const client = liveClient(server.wsUrl, token);
    const abort = new AbortController();
    const seen: string[] = [];
    const watching = watchIndicators(client, (id) => seen.push(id), abort.signal);
    const deadline = Date.now() + 5000;
    while (server.subscriptionCount() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await load<OperationsModule>('operations.ts').saveActual('5-1-1/NPO法人数', 2021, 530, token);
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    await watching;
    await client.dispose();
    expect(seen).toEqual(['5-1-1/NPO法人数']);
  });

  it('the generated manifest serves as PLAN_LEDGER_TRUSTED_DOCUMENTS', async () => {
    const config = loadPersistedDocumentsConfig({ PLAN_LEDGER_TRUSTED_DOCUMENTS: join(dir, 'src', 'gql', 'persisted-documents.json') });
    expect(config.trusted?.size).toBe(4);
    const trusted = await startTestServer({ persistedDocuments: config });
    try {
      const [hash] = [...config.trusted!].find(([, text]) => text.startsWith('query IndicatorRevision')) ?? [];
      const post = (body: unknown) => fetch(trusted.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      expect(await post({ variables: { id: 'no/such' }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
      // The generated document's own hash, as __meta__.hash carries it.
      expect(await post({ variables: { id: 'no/such' }, extensions: { persistedQuery: { version: 1, sha256Hash: `sha256:${hash}` } } })).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
      expect(await post({ query: '{ editions { label } }' })).toMatchObject({ errors: [{ extensions: { code: 'OPERATION_NOT_TRUSTED' } }] });
    } finally {
      await trusted.stop();
    }
  });
});
