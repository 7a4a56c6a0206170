// Subscription.ledgerEvents over graphql-ws on /graphql, fed by the store: one client subscribes,
// another appends over HTTP, the first sees the event, shaped exactly like an auditTrail node.
import type { Client } from 'graphql-ws';
import { Ledger } from '../src/application/ledger';
import { loadAuthConfig } from '../src/auth/auth-config';
import { Authenticator } from '../src/auth/authenticator';
import { recordValue } from '../src/application/record-value';
import { startServer } from '../src/http/start-server';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { sampleText } from './support/sample';
import { TEST_JWT_SECRET, tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';
import { subscribe, until, wsClient } from './support/ws-client';

const NPO = '062073:5-1-1/NPO法人数';
const EVENT_FIELDS = 'id position streamId streamRevision type recordedAt actor reason edition data hash previousHash cursor';
const LEDGER_EVENTS = `subscription Live($prefix: String) { ledgerEvents(streamPrefix: $prefix) { ${EVENT_FIELDS} } }`;
const RECORD = `mutation Record($id: ID!, $value: Float!, $reason: String!) {
  recordValue(input: { indicatorId: $id, fiscalYear: 2021, kind: ACTUAL, value: $value, reason: $reason }) { id }
}`;

interface LiveEvent {
  ledgerEvents: Record<string, unknown> & { position: string; streamId: string; actor: string; reason: string; cursor: string };
}

let server: TestServer;
let clients: Client[] = [];

/** An auditor's socket unless told otherwise: the live log is audit data. */
const client = (connectionParams?: Record<string, unknown>): Client => {
  const created = wsClient(server.wsUrl, connectionParams ?? { authorization: server.adminAuthorization });
  clients.push(created);
  return created;
};

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  clients = [];
  await until(() => server.subscriptionCount() === 0);
});
afterAll(() => server.stop());

async function record(value: number, reason: string): Promise<void> {
  const result = await server.gql(RECORD, { id: NPO, value, reason });
  expect(result.errors).toBeUndefined();
}

describe('Subscription.ledgerEvents', () => {
  it('delivers an event appended by another client, shaped like its auditTrail node', async () => {
    const live = subscribe<LiveEvent>(client({ authorization: `Bearer ${await tokenFor('auditor', 'kansa')}` }), LEDGER_EVENTS);
    await until(() => server.subscriptionCount() === 1);

    await record(19, 'count corrected by the NPO register');

    const { data, errors } = await live.next();
    expect(errors).toBeUndefined();
    const event = data!.ledgerEvents;
    // The actor is the writer's token subject, never anything the request body says.
    expect(event).toMatchObject({ streamId: '062073-indicator-5-1-1/NPO法人数', reason: 'count corrected by the NPO register', actor: 'test-admin' });

    const trail = await server.gql<{ auditTrail: { edges: Array<{ node: unknown }> } }>(
      `query($stream: String) { auditTrail(filter: { streamId: $stream }, first: 500) { edges { node { ${EVENT_FIELDS} } } } }`,
      { stream: event.streamId },
    );
    const node = trail.data!.auditTrail.edges.at(-1)!.node;
    expect(event).toEqual(node);
    // The same key order too: a client diffing the JSON text sees no difference either.
    expect(JSON.stringify(event)).toBe(JSON.stringify(node));
  });

  it('starts from the head at subscription time and follows the log in order', async () => {
    await record(20, 'before anyone listened');
    const live = subscribe<LiveEvent>(client(), LEDGER_EVENTS);
    await until(() => server.subscriptionCount() === 1);

    await record(21, 'first after subscribing');
    await record(22, 'second after subscribing');

    const first = (await live.next()).data!.ledgerEvents;
    const second = (await live.next()).data!.ledgerEvents;
    expect([first.reason, second.reason]).toEqual(['first after subscribing', 'second after subscribing']);
    expect(Number(second.position)).toBe(Number(first.position) + 1);

    // A client that lost its socket resumes from the cursor of the last event it saw.
    const missed = await server.gql<{ auditTrail: { edges: Array<{ node: { position: string } }> } }>(
      `query($after: String) { auditTrail(first: 10, after: $after) { edges { node { position } } } }`,
      { after: first.cursor },
    );
    expect(missed.data!.auditTrail.edges.map((e) => e.node.position)).toEqual([second.position]);
  });

  it('keeps only streams whose id starts with streamPrefix', async () => {
    const edits = subscribe<LiveEvent>(client(), LEDGER_EVENTS, { prefix: '062073-indicator-5-1-1/' });
    const elsewhere = subscribe<LiveEvent>(client(), LEDGER_EVENTS, { prefix: 'project-' });
    await until(() => server.subscriptionCount() === 2);

    await record(23, 'seen by the indicator subscriber only');

    expect((await edits.next()).data!.ledgerEvents.reason).toBe('seen by the indicator subscriber only');
    await expect(elsewhere.next(300)).rejects.toThrow(/no subscription result/);
  });

  it('fans out to every subscriber from one store subscription', async () => {
    const subscribers = [subscribe<LiveEvent>(client(), LEDGER_EVENTS), subscribe<LiveEvent>(client(), LEDGER_EVENTS), subscribe<LiveEvent>(client(), LEDGER_EVENTS)];
    await until(() => server.subscriptionCount() === 3);
    const storeSubscribe = jest.spyOn(server.ledger.log, 'subscribe');

    await record(24, 'one append, three listeners');

    for (const live of subscribers) expect((await live.next()).data!.ledgerEvents.reason).toBe('one append, three listeners');
    expect(storeSubscribe).not.toHaveBeenCalled();
    storeSubscribe.mockRestore();
  });

  it('is refused to viewers and anonymous callers, and a bad token cannot even connect', async () => {
    const anonymous = subscribe(client({}), LEDGER_EVENTS);
    expect((await anonymous.next()).errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    const viewer = subscribe(client({ authorization: `Bearer ${await tokenFor('viewer', 'citizen')}` }), LEDGER_EVENTS);
    expect((await viewer.next()).errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    const forged = subscribe(client({ authorization: 'Bearer not.a.token' }), LEDGER_EVENTS);
    await expect(forged.ended).rejects.toMatchObject({ code: 4403 });
    expect(server.subscriptionCount()).toBe(0);
  });

  it('ends the server side of a subscription when the client leaves', async () => {
    const live = subscribe<LiveEvent>(client(), LEDGER_EVENTS);
    await until(() => server.subscriptionCount() === 1);
    live.unsubscribe();
    await until(() => server.subscriptionCount() === 0);
  });

  it('answers queries over the same socket, with the same error codes as HTTP', async () => {
    const socket = client();
    const revision = subscribe<{ indicatorRevision: number }>(socket, `query($id: ID!) { indicatorRevision(id: $id) }`, { id: NPO });
    expect((await revision.next()).data!.indicatorRevision).toBeGreaterThanOrEqual(0);

    const unknown = subscribe(socket, `query { indicatorRevision(id: "no/such indicator") }`);
    expect((await unknown.next()).errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });

    const badLiteral = subscribe(socket, `query { measure(code: "5-1-1", at: { recordedAt: "yesterday" }) { code } }`);
    await expect(badLiteral.ended).rejects.toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'at.recordedAt' } })]);

    const badVariable = subscribe(socket, `subscription($p: String) { ledgerEvents(streamPrefix: $p) { id } }`, { p: 42 });
    await expect(badVariable.ended).rejects.toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'p' } })]);

    const unknownField = subscribe(socket, `subscription { ledgerEvent { id } }`);
    const refused = await unknownField.ended.then(() => [], (errors: Array<{ message: string; extensions: unknown }>) => errors);
    expect(refused).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    expect(refused[0]?.message).not.toMatch(/Did you mean/);

    const unparsable = subscribe(socket, `subscription {`);
    await expect(unparsable.ended).rejects.toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
  });
});

describe('stopping the server', () => {
  it('closes open subscriptions and stops accepting connections', async () => {
    const own = await startTestServer();
    const socket = wsClient(own.wsUrl, { authorization: own.adminAuthorization });
    const live = subscribe(socket, LEDGER_EVENTS);
    await until(() => own.subscriptionCount() === 1);

    await own.stop();

    await expect(live.ended).rejects.toMatchObject({ code: 1001 });
    await expect(fetch(own.url.replace('/graphql', '/healthz'))).rejects.toThrow();
    await socket.dispose();
  });
});

describe('with a read model that follows the store on its own (as with PostgreSQL or KurrentDB)', () => {
  it('delivers an event only once queries can see it', async () => {
    // follow: false leaves the read model behind until something asks it to catch up, the widest
    // possible gap between the log and what queries read.
    const store = new SqliteEventStore({ path: ':memory:' });
    const ledger = await Ledger.withReadModel(store, ':memory:', { follow: false });
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    const authenticator = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_SECRET: TEST_JWT_SECRET }));
    const own = await startServer({ ledger, port: 0, host: '127.0.0.1', authenticator });
    const socket = wsClient(own.url.replace(/^http/, 'ws'), { authorization: `Bearer ${await tokenFor('auditor')}` });
    try {
      const live = subscribe<LiveEvent>(socket, LEDGER_EVENTS);
      await until(() => own.subscriptionCount() === 1);

      // Another node appends straight to the shared store.
      await recordValue({ store, states: null, municipality: '062073', prefix: '062073-' }, { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 77, text: null, reason: 'from another node' }, { actor: 'node-2', effectiveEdition: 2021 });

      expect((await live.next()).data!.ledgerEvents.reason).toBe('from another node');
      const response = await fetch(own.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ indicator(id: "${NPO}") { value(fiscalYear: 2021) { actual } } }` }),
      });
      expect(await response.json()).toEqual({ data: { indicator: { value: { actual: 77 } } } });
    } finally {
      await socket.dispose();
      await own.stop();
      await ledger.close();
    }
  });
});
