// What one WebSocket client may hold open: messages within the HTTP body limit, a bounded number of
// operations per socket and of sockets per address, ids that cannot be made to echo megabytes, and
// live subscriptions that end when the token that opened them expires.
import WebSocket from 'ws';
import { Ledger } from '../src/application/ledger';
import { loadAuthConfig } from '../src/auth/auth-config';
import { Authenticator } from '../src/auth/authenticator';
import { mintToken } from '../src/auth/mint-token';
import { DEFAULT_LIMITS } from '../src/config/limits';
import { startServer, type RunningServer } from '../src/http/start-server';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { sampleText } from './support/sample';
import { TEST_JWT_SECRET, tokenFor } from './support/server-process';
import { subscribe, until, wsClient } from './support/ws-client';

const LIVE = 'subscription { ledgerEvents { position reason } }';
const limits = { ...DEFAULT_LIMITS, introspection: true, maxBodyBytes: 64 * 1024, maxOperationsPerSocket: 3, maxSocketsPerClient: 4 };

let ledger: Ledger;
let server: RunningServer;
let wsUrl: string;
let auditor: string;

/** A raw graphql-ws socket, acknowledged, with its close code and reason once it closes. */
async function rawSocket(): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }>; received: string[] }> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const received: string[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on('message', (data: Buffer) => received.push(data.toString()));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: auditor } }));
  await until(() => received.some((m) => m.includes('connection_ack')));
  return { socket, closed, received };
}

beforeAll(async () => {
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  const authenticator = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_SECRET: TEST_JWT_SECRET }));
  server = await startServer({ ledger, port: 0, host: '127.0.0.1', authenticator, limits });
  wsUrl = server.url.replace(/^http/, 'ws');
  auditor = `Bearer ${await tokenFor('auditor', 'kansa')}`;
});
afterAll(async () => {
  await server.stop();
  await ledger.close();
});

describe('WebSocket limits', () => {
  it('closes a socket whose message is larger than the HTTP body limit (1009), having run nothing', async () => {
    const { socket, closed } = await rawSocket();
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ editions { fiscalYear } } #${'x'.repeat(limits.maxBodyBytes)}` } }));
    expect((await closed).code).toBe(1009);
  });

  it('closes a socket that names an operation with an overlong id (4400) without echoing it', async () => {
    const { socket, closed, received } = await rawSocket();
    const id = 'i'.repeat(10_000);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: '{ editions { fiscalYear } }' } }));
    const { code, reason } = await closed;
    expect(code).toBe(4400);
    expect(reason).toMatch(/id longer than 128/);
    expect(received.filter((m) => m.includes(id))).toEqual([]);
  });

  it('refuses an operation past PLAN_LEDGER_WS_MAX_OPERATIONS on one socket, naming the limit; the others keep running', async () => {
    const client = wsClient(wsUrl, { authorization: auditor });
    try {
      const open = [1, 2, 3].map(() => subscribe(client, LIVE));
      await until(() => server.subscriptionCount() === 3);
      const refused = subscribe(client, LIVE);
      await expect(refused.ended).rejects.toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_WS_MAX_OPERATIONS', maximum: 3, measured: 4 }) }),
      ]);
      expect(server.subscriptionCount()).toBe(3);
      for (const live of open) live.unsubscribe();
    } finally {
      await client.dispose();
    }
    await until(() => server.subscriptionCount() === 0);
  });

  it('refuses the upgrade past PLAN_LEDGER_WS_MAX_SOCKETS_PER_CLIENT with 429, and admits again once one closes', async () => {
    const held = await Promise.all([1, 2, 3, 4].map(() => rawSocket()));
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('open', () => reject(new Error('a fifth socket was accepted')));
    });
    expect(status).toBe(429);
    held[0]?.socket.close();
    await held[0]?.closed;
    const admitted = await rawSocket();
    admitted.socket.close();
    for (const { socket } of held) socket.close();
    await Promise.all([admitted.closed, ...held.map((h) => h.closed)]);
  });

  it('ends a live subscription when its token expires (4403), and delivers nothing after', async () => {
    const shortLived = await mintToken(new TextEncoder().encode(TEST_JWT_SECRET), { sub: 'kansa-short', role: 'auditor' }, { expiresIn: '2s' });
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const received: string[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data: Buffer) => received.push(data.toString()));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${shortLived}` } }));
    await until(() => received.some((m) => m.includes('connection_ack')));
    socket.send(JSON.stringify({ id: 'live', type: 'subscribe', payload: { query: LIVE } }));
    await until(() => server.subscriptionCount() === 1);

    await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 18, text: null, reason: 'before expiry' }, 'editor');
    await until(() => received.some((m) => m.includes('before expiry')));

    expect(await closed).toBe(4403);
    await until(() => server.subscriptionCount() === 0);
    await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 19, text: null, reason: 'after expiry' }, 'editor');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.filter((m) => m.includes('after expiry'))).toEqual([]);
  });
});
