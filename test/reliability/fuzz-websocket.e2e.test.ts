// Hostile graphql-ws clients against the real server process: frames that are not JSON or not
// messages, messages before the handshake, handshakes twice or with junk, ids that are numbers,
// duplicates or 10,000 characters long, frames over the body limit, floods of operations on one socket,
// and random operations built from the schema with arguments of the wrong type. The server must stay
// up, answer only in graphql-ws messages whose errors carry an extensions.code and nothing of its
// insides, close a socket only with the protocol's codes (never 4500, an internal error), keep within
// its caps, and leave the log exactly as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ledgerSchema } from '../../src/graphql/schema';
import { inPool, pickFrom, seededRandom, storeHead } from '../support/reliability';
import { startServerProcess, tokenFor, type ServerProcess } from '../support/server-process';
import { deepJson, INVALID_UTF8, NASTY_STRINGS, randomOperation, type Random } from './hostile-requests';

const SEED = 20_261_202;
const SOCKETS = 240;
const CONCURRENCY = 8;
const MAX_BODY = 256 * 1024;
const MAX_OPERATIONS = 20;
const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|\(?\/(?:work|home|usr|tmp)\/|[\\/]src[\\/]|node_modules|\.[jt]s:\d+/;
/** What graphql-ws and the server's own guards close sockets with: all of them the client's doing. */
const CLIENT_CLOSES = new Set([1002, 1003, 1007, 1009, 4400, 4401, 4403, 4406, 4408, 4409, 4429]);

type Frame = string | Buffer;

interface Script {
  /** Sent at once; when it is a proper handshake the rest waits for its acknowledgement. */
  handshake: Frame[];
  rest: Frame[];
}

interface Outcome {
  received: string[];
  /** Set when the server closed the socket (not this client). */
  serverClose: number | null;
}

const LONG_ID = 'i'.repeat(10_000);
const message = (value: unknown): string => JSON.stringify(value);
const subscribe = (id: unknown, payload: unknown) => message({ id, type: 'subscribe', payload });

function handshake(random: Random, tokens: { viewer: string }): Frame[] {
  const r = random();
  if (r < 0.6) return [message({ type: 'connection_init', payload: { authorization: `Bearer ${tokens.viewer}` } })];
  if (r < 0.7) return [message({ type: 'connection_init' })];
  if (r < 0.75) return [message({ type: 'connection_init', payload: 'not an object' })];
  if (r < 0.8) return [message({ type: 'connection_init', payload: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290Iiwicm9sZSI6ImFkbWluIn0.' } })];
  if (r < 0.85) return [message({ type: 'connection_init' }), message({ type: 'connection_init' })];
  if (r < 0.9) return [message({ type: 'connection_init', payload: { authorization: pickFrom(random, NASTY_STRINGS) } })];
  return [];
}

function hostileFrames(random: Random, schema: Awaited<ReturnType<typeof ledgerSchema>>): Frame[] {
  const id = () => `op-${Math.floor(random() * 1e6)}`;
  switch (Math.floor(random() * 10)) {
    case 0:
      return [pickFrom(random, ['garbage{', '', '[]', 'null', '"text"', '{"type":', deepJson(5000)])];
    case 1:
      return [pickFrom(random, INVALID_UTF8)];
    case 2:
      return [
        pickFrom(random, [
          message({ type: 'subscribe', payload: { query: '{ editions { fiscalYear } }' } }),
          subscribe(5, { query: '{ editions { fiscalYear } }' }),
          message({ type: 'no-such-type', id: id() }),
          subscribe(id(), { query: 123 }),
          subscribe(id(), null),
          message({ id: id(), type: 'complete' }),
          message({ type: 'ping', payload: { nested: NASTY_STRINGS } }),
          message({ type: 'pong', payload: 'x'.repeat(1000) }),
        ]),
      ];
    case 3:
      return [subscribe(LONG_ID, { query: '{ editions { fiscalYear } }' })];
    case 4: {
      const same = id();
      const live = { query: 'subscription { ledgerEvents { position } }' };
      return [subscribe(same, live), subscribe(same, live)];
    }
    case 5:
      return [subscribe(id(), { query: `{ editions { fiscalYear } } #${'x'.repeat(MAX_BODY)}` })];
    case 6:
      return Array.from({ length: MAX_OPERATIONS + 10 }, () => subscribe(id(), { query: 'subscription { ledgerEvents { position } }' }));
    case 7:
      return [subscribe(id(), { query: `{ ${'measures { projects { '.repeat(40)}code${' } }'.repeat(40)} }` })];
    default: {
      const operation = randomOperation(schema, random);
      return [subscribe(id(), { query: operation.query, ...(operation.variables ? { variables: operation.variables } : {}) })];
    }
  }
}

/**
 * Sends the handshake, then the rest once it is acknowledged (or after a moment without an answer, so
 * messages before the handshake are tried too); waits for the server to answer or close, and closes
 * what is left open.
 */
function play(url: string, script: Script): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const outcome: Outcome = { received: [], serverClose: null };
    let restSent = false;
    const sendRest = () => {
      if (restSent || socket.readyState !== WebSocket.OPEN) return;
      restSent = true;
      for (const frame of script.rest) socket.send(frame);
      settle();
    };
    let closingOurselves = false;
    let quiet: NodeJS.Timeout | null = null;
    const settle = () => {
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(() => {
        closingOurselves = true;
        socket.close(1000);
      }, 250);
    };
    socket.on('open', () => {
      for (const frame of script.handshake) socket.send(frame);
      setTimeout(sendRest, 300);
    });
    socket.on('message', (data: Buffer) => {
      const received = data.toString('utf8');
      outcome.received.push(received);
      if (received.includes('"connection_ack"')) sendRest();
      else settle();
    });
    socket.on('close', (code) => {
      if (quiet) clearTimeout(quiet);
      if (!closingOurselves) outcome.serverClose = code;
      resolve(outcome);
    });
    socket.on('error', () => undefined);
  });
}

/** What is wrong with one socket's outcome, or null. */
function judge(outcome: Outcome): string | null {
  if (outcome.serverClose !== null && !CLIENT_CLOSES.has(outcome.serverClose) && outcome.serverClose !== 1000) {
    return `closed with ${outcome.serverClose}`;
  }
  let operations = 0;
  for (const text of outcome.received) {
    if (LEAK.test(text)) return `leaked: ${text.slice(0, 300)}`;
    if (text.includes(LONG_ID)) return 'echoed an overlong id';
    let parsed: { type?: unknown; payload?: unknown };
    try {
      parsed = JSON.parse(text) as { type?: unknown; payload?: unknown };
    } catch {
      return `not JSON: ${text.slice(0, 100)}`;
    }
    if (parsed.type === 'next' || parsed.type === 'error') operations += 1;
    const errors = parsed.type === 'error' ? parsed.payload : parsed.type === 'next' ? (parsed.payload as { errors?: unknown } | undefined)?.errors : undefined;
    if (errors === undefined) continue;
    if (!Array.isArray(errors)) return `errors not a list: ${text.slice(0, 200)}`;
    for (const error of errors as Array<{ extensions?: { code?: unknown } }>) {
      if (typeof error.extensions?.code !== 'string') return `an error without extensions.code: ${text.slice(0, 300)}`;
      if (error.extensions.code === 'INTERNAL_SERVER_ERROR') return `INTERNAL_SERVER_ERROR: ${text.slice(0, 300)}`;
    }
  }
  if (text(outcome).length > 2 * MAX_BODY) return `answered ${text(outcome).length} characters`;
  return operations > 10 * (MAX_OPERATIONS + 10) ? `answered ${operations} operations` : null;
}

const text = (outcome: Outcome): string => outcome.received.join('');

describe('hostile WebSocket fuzz', () => {
  let dir: string;
  let path: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-ws-fuzz-'));
    path = join(dir, 'ledger.db');
    server = await startServerProcess({
      PLAN_LEDGER_STORE: `sqlite:${path}`,
      PLAN_LEDGER_MAX_BODY_BYTES: String(MAX_BODY),
      PLAN_LEDGER_WS_MAX_OPERATIONS: String(MAX_OPERATIONS),
      PLAN_LEDGER_WS_MAX_SOCKETS_PER_CLIENT: '1000',
    });
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`survives ${SOCKETS} hostile sockets: protocol answers with coded errors only, no internal error, nothing leaked, the log unchanged`, async () => {
    if (!server) throw new Error('no server');
    const url = server.url.replace(/^http/, 'ws');
    const random = seededRandom(SEED);
    const schema = await ledgerSchema();
    const tokens = { viewer: await tokenFor('viewer', 'fuzz-viewer') };
    const before = storeHead(path);
    const scripts = Array.from({ length: SOCKETS }, (): Script => ({ handshake: handshake(random, tokens), rest: hostileFrames(random, schema) }));
    const problems: string[] = [];
    const closes = new Map<number, number>();
    let refusedOperations = 0;
    await inPool(scripts, CONCURRENCY, async (script) => {
      const outcome = await play(url, script);
      refusedOperations += outcome.received.filter((m) => m.includes('PLAN_LEDGER_WS_MAX_OPERATIONS')).length;
      const frames = [...script.handshake, ...script.rest];
      if (outcome.serverClose !== null) closes.set(outcome.serverClose, (closes.get(outcome.serverClose) ?? 0) + 1);
      const problem = judge(outcome);
      if (problem) problems.push(`${problem}\n    frames: ${frames.map((f) => (typeof f === 'string' ? f.slice(0, 120) : `<${f.length} bytes>`)).join(' | ')}`);
    });
    expect(problems.slice(0, 10)).toEqual([]);
    // The caps held: oversize frames closed the socket, floods were refused past the operations cap.
    expect(closes.get(1009)).toBeGreaterThan(0);
    expect(refusedOperations).toBeGreaterThan(0);
    // Still up, and the log as it was.
    const health = await server.gql<{ editions: unknown[] }>('{ editions { fiscalYear } }');
    expect(health.data?.editions.length).toBe(1);
    expect(storeHead(path)).toEqual(before);
    console.log(`websocket fuzz: ${SOCKETS} sockets (seed ${SEED}): 0 wrong answers; server closes ${JSON.stringify(Object.fromEntries([...closes].sort()))}; ${refusedOperations} operations refused past the cap; log unchanged at ${before.position}`);
  }, 120_000);
});
