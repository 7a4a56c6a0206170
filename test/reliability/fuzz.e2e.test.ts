// Thousands of hostile requests against the real server process: broken JSON, wrong types, NaN and
// Infinity, huge strings and lists, deep nesting, impossible fiscal years, negative staff-years,
// unknown ids, SQL-looking strings, invalid UTF-8, wrong content types, GET with mutations, oversize
// bodies, and random operations built from the schema with arguments of the wrong type. The server
// must stay up, answer each one in the GraphQL error shape with an extensions.code and nothing of its
// insides (no stack frames, no file paths), and leave the log exactly as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { ledgerSchema } from '../../src/graphql/schema';
import { inPool, pickFrom, RawClient, seededRandom, storeHead, type RawResponse } from '../support/reliability';
import { startServerProcess, tokenFor, type ServerProcess } from '../support/server-process';
import {
  deepJson,
  INVALID_UTF8,
  invalidRecordInput,
  jsonBody,
  NASTY_STRINGS,
  randomOperation,
  recordValueBody,
  WEIRD_NUMBERS,
  type HostileCase,
  type Random,
} from './hostile-requests';

const SEED = 20_261_124;
const CONCURRENCY = 8;
const JSON_TYPE = { 'content-type': 'application/json' };
const MiB = 1024 * 1024;
const HEALTH = `{ editions { fiscalYear label } }`;

/** Frames of a stack trace, or paths of the server's files, anywhere in an answer. */
const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|\(?\/(?:work|home|usr|tmp)\/|[\\/]src[\\/]|node_modules|\.[jt]s:\d+/;

interface Tokens {
  admin: string;
  viewer: string;
  editorElsewhere: string;
  wrongSecret: string;
  expired: string;
}

function authHeader(random: Random, tokens: Tokens): Record<string, string> {
  const r = random();
  if (r < 0.7) return { authorization: `Bearer ${tokens.admin}` };
  if (r < 0.78) return {};
  if (r < 0.84) return { authorization: `Bearer ${tokens.viewer}` };
  if (r < 0.88) return { authorization: `Bearer ${tokens.editorElsewhere}` };
  return {
    authorization: pickFrom(random, [
      'Bearer',
      'Bearer ',
      'Basic YWRtaW46YWRtaW4=',
      'Bearer not.a.jwt',
      `Bearer ${tokens.wrongSecret}`,
      `Bearer ${tokens.expired}`,
      `Bearer ${tokens.admin.slice(0, -4)}AAAA`,
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290Iiwicm9sZSI6ImFkbWluIn0.',
      `Bearer ${'x'.repeat(20_000)}`,
    ]),
  };
}

function brokenJson(random: Random): string {
  const valid = jsonBody(HEALTH, { a: 1 });
  return pickFrom(random, [
    valid.slice(0, Math.floor(random() * valid.length)),
    `${valid}}`,
    `${valid},`,
    valid.replace(/"/g, "'"),
    `/* comment */ ${valid}`,
    '{"query": "{ editions { label } }",}',
    '{query: "{ editions { label } }"}',
    '{"query": "{ editions { label } }", "variables": {"v": NaN}}',
    '{"query": "{ editions { label } }", "variables": {"v": Infinity}}',
    '{"query": "{ editions { label } }", "variables": {"v": -Infinity}}',
    '{"query": "{ editions { label } }", "variables": {"v": undefined}}',
    '{"query": "{ editions { label } }", "variables": {"v": 0x10}}',
    '',
    ' ',
    '{',
    '}',
    '"',
    'null',
    'true',
    '123',
    '"just a string"',
    '[]',
    '[1, 2, 3]',
    '{"query": "\\u12"}',
    '{"query": "\\x41"}',
    String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(random() * 256))),
  ]);
}

function wrongShape(random: Random): string {
  return pickFrom(random, [
    '{}',
    '{"query": null}',
    '{"query": 123}',
    '{"query": true}',
    '{"query": ["{ editions { label } }"]}',
    '{"query": {"kind": "Document"}}',
    `{"query": ${JSON.stringify(HEALTH)}, "variables": "v=1"}`,
    `{"query": ${JSON.stringify(HEALTH)}, "variables": [1, 2]}`,
    `{"query": ${JSON.stringify(HEALTH)}, "variables": 5}`,
    `{"query": ${JSON.stringify(HEALTH)}, "operationName": 5}`,
    `{"query": ${JSON.stringify(HEALTH)}, "operationName": "Missing"}`,
    `{"query": ${JSON.stringify(HEALTH)}, "extensions": "x"}`,
    `{"query": ${JSON.stringify(HEALTH)}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`,
    '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}}}',
    `[{"query": ${JSON.stringify(HEALTH)}}, {"query": ${JSON.stringify(HEALTH)}}]`,
    '{"query": "query A { editions { label } } query B { editions { label } }"}',
    '{"query": "query A { editions { label } } query A { editions { label } }", "operationName": "A"}',
    '{"query": "{ editions { label } }", "__proto__": {"polluted": true}}',
    '{"query": "{ editions { label } }", "constructor": {"prototype": {"polluted": true}}}',
    '{"query": "subscription { ledgerEvents { position } }"}',
    '{"query": "mutation { recordValue }"}',
    '{"query": "fragment F on Query { editions { label } }"}',
    '{"query": "{ editions { label } } # \\u0000"}',
  ]);
}

function numbersCase(random: Random): { body: string; mayAnswerData: boolean } {
  const where = random();
  if (where < 0.35) {
    const value = pickFrom(random, WEIRD_NUMBERS.notFinite);
    return {
      body: jsonBody(`mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2024, kind: ACTUAL, value: ${value}, reason: "numbers" }) { id } }`),
      mayAnswerData: false,
    };
  }
  if (where < 0.55) {
    const year = pickFrom(random, WEIRD_NUMBERS.notAYear);
    return { body: jsonBody(`mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: ${year}, kind: TARGET, value: 1, reason: "numbers" }) { id } }`), mayAnswerData: false };
  }
  if (where < 0.75) {
    // As raw JSON in the variables: NaN and Infinity are not JSON; 1e400 is, and parses to Infinity.
    const value = pickFrom(random, WEIRD_NUMBERS.notFinite);
    return {
      body: `{"query": "mutation($v: Float) { recordValue(input: { indicatorId: \\"5-1-1/NPO法人数\\", fiscalYear: 2024, kind: ACTUAL, value: $v, reason: \\"numbers\\" }) { id } }", "variables": {"v": ${value}}}`,
      mayAnswerData: false,
    };
  }
  // Reads with extreme years: refused or answered, never an internal error.
  const year = pickFrom(random, WEIRD_NUMBERS.notAYear);
  return { body: jsonBody(`{ compareFiscalYears(base: ${year}, compare: 2022) { base } indicator(id: "5-1-1/NPO法人数") { value(fiscalYear: 2021) { target } } }`), mayAnswerData: true };
}

function invalidUtf8Body(random: Random): Buffer {
  const bad = pickFrom(random, INVALID_UTF8);
  const where = random();
  if (where < 0.3) return bad;
  if (where < 0.6) return Buffer.concat([Buffer.from('{"query": "{ measure(code: \\"'), bad, Buffer.from('\\") { code } }"}')]);
  if (where < 0.85) {
    return Buffer.concat([
      Buffer.from('{"query": "mutation($r: String!) { recordValue(input: { indicatorId: \\"nope/x\\", fiscalYear: 2024, kind: ACTUAL, value: 1, reason: $r }) { id } }", "variables": {"r": "'),
      bad,
      Buffer.from('"}}'),
    ]);
  }
  return Buffer.concat([Buffer.from('{"query": "'), bad, Buffer.from('"}')]);
}

function hugeCase(random: Random): { body: string; mayAnswerData: boolean } {
  // Up to 3 MiB: within the default body limit (10 MiB), so they reach the resolvers.
  const size = pickFrom(random, [256 * 1024, MiB, 3 * MiB]);
  const unit = pickFrom(random, ['あ', 'a', "'; DROP TABLE events; --"]);
  const big = unit.repeat(Math.ceil(size / Buffer.byteLength(unit)));
  return pickFrom(random, [
    { body: recordValueBody({ indicatorId: big, fiscalYear: 2024, kind: 'ACTUAL', value: 1, reason: 'huge id' }), mayAnswerData: false },
    { body: recordValueBody({ indicatorId: 'nope/huge', fiscalYear: 2024, kind: 'ACTUAL', value: 1, text: big, reason: big }), mayAnswerData: false },
    { body: jsonBody(`query($c: String!) { measure(code: $c) { code } projects(filter: { nameContains: $c }) { totalCount } }`, { c: big }), mayAnswerData: true },
    { body: jsonBody(`query($c: [String!]) { departments }`, { c: Array.from({ length: 200_000 }, (_, i) => `d${i}`) }), mayAnswerData: false },
    { body: jsonBody(`query($n: Int) { auditTrail(first: $n) { totalCount } }`, { n: Array.from({ length: 100_000 }, (_, i) => i) }), mayAnswerData: false },
    { body: jsonBody(`mutation { importReport(input: { municipality: "062073", text: ${JSON.stringify(big)} }) { edition } }`), mayAnswerData: false },
    { body: jsonBody(`{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: departments`).join(' ')} }`), mayAnswerData: true },
  ]);
}

function deepCase(random: Random): { body: string; mayAnswerData: boolean } {
  const depth = pickFrom(random, [200, 2_000, 20_000]);
  return pickFrom(random, [
    { body: `{"query": "query($v: Int) { departments }", "variables": {"v": ${deepJson(depth)}}}`, mayAnswerData: false },
    { body: `{"query": "{ departments }", "variables": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`, mayAnswerData: true },
    { body: jsonBody(`{ auditTrail(first: ${'['.repeat(depth)}1${']'.repeat(depth)}) { totalCount } }`), mayAnswerData: false },
    { body: jsonBody(`{ ${'plan { chapters { policies { measures { policy { '.repeat(Math.min(depth, 400) / 5)}code${' } } } } }'.repeat(Math.min(depth, 400) / 5)} }`), mayAnswerData: true },
    { body: jsonBody(`{ project(id: "国際交流推進費") { ${'cost { project { '.repeat(Math.min(depth, 2_000) / 2)}name${' } }'.repeat(Math.min(depth, 2_000) / 2)} } }`), mayAnswerData: true },
    { body: jsonBody(`{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`), mayAnswerData: false },
    // 2^30 selections once expanded, all merging into 31 fields: refused by the cost limit, or answered cheaply.
    { body: jsonBody(`query Q { ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} x${i}: departments ...F${i + 1} }`).join(' ')} fragment F30 on Query { departments }`), mayAnswerData: true },
    { body: jsonBody(`query Q { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`), mayAnswerData: false },
  ]);
}

function contentTypeCase(random: Random): HostileCase['request'] {
  const body = pickFrom(random, [jsonBody(HEALTH), recordValueBody({ indicatorId: 'nope/x', fiscalYear: 2024, kind: 'ACTUAL', value: 1, reason: 'ct' }), 'query=%7Beditions%7Blabel%7D%7D', '<query>{ editions { label } }</query>', HEALTH]);
  const type = pickFrom(random, [
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'application/xml',
    'application/graphql',
    'application/octet-stream',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/jsonp',
    'application/json, text/plain',
    '',
    '*/*',
    'image/png',
  ]);
  return { headers: type ? { 'content-type': type } : {}, body };
}

function getCase(random: Random, tokens: Tokens): HostileCase['request'] {
  const query = pickFrom(random, [
    `mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2024, kind: ACTUAL, value: 99, reason: "via GET" }) { id } }`,
    `mutation { importReport(input: { municipality: "062073", text: "所属" }) { edition } }`,
    `mutation M { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2024, kind: ACTUAL, value: 98, reason: "via GET" }) { id } } query Q { editions { label } }`,
  ]);
  const params = new URLSearchParams({ query, ...(query.includes('query Q') ? { operationName: 'M' } : {}) });
  if (random() < 0.2) params.set('variables', pickFrom(random, ['{', 'null', '[1]', '{"v": NaN}']));
  const headers: Record<string, string> = { ...authHeader(random, tokens) };
  if (random() < 0.6) headers['apollo-require-preflight'] = '1';
  return { method: 'GET', path: `/graphql?${params.toString()}`, headers };
}

/** Everything the fuzzer sends, in a seeded order. */
async function hostileCases(random: Random, tokens: Tokens): Promise<HostileCase[]> {
  const schema = await ledgerSchema();
  const cases: HostileCase[] = [];
  const add = (category: string, count: number, make: () => Omit<HostileCase, 'category'>) => {
    for (let i = 0; i < count; i++) cases.push({ category, ...make() });
  };
  add('random operations from the schema, wrong argument types', 2_400, () => {
    const op = randomOperation(schema, random);
    return { request: { headers: { ...JSON_TYPE, ...authHeader(random, tokens) }, body: jsonBody(op.query, op.variables) }, mayAnswerData: !op.mutation };
  });
  add('recordValue inputs invalid in one way (admin token)', 900, () => {
    const { input } = invalidRecordInput(random);
    return { request: { headers: { ...JSON_TYPE, authorization: `Bearer ${tokens.admin}` }, body: recordValueBody(input) }, mayAnswerData: false };
  });
  add('broken JSON', 400, () => ({ request: { headers: JSON_TYPE, body: brokenJson(random) }, mayAnswerData: false }));
  // Not broken: body-parser skips a UTF-8 byte-order mark, as RFC 8259 allows a parser to.
  add('JSON after a byte-order mark', 10, () => ({ request: { headers: JSON_TYPE, body: `\ufeff${jsonBody(HEALTH)}` }, mayAnswerData: true }));
  add('wrong request shapes', 250, () => ({ request: { headers: { ...JSON_TYPE, ...authHeader(random, tokens) }, body: wrongShape(random) }, mayAnswerData: true }));
  add('NaN, Infinity and other numbers', 300, () => {
    const { body, mayAnswerData } = numbersCase(random);
    return { request: { headers: { ...JSON_TYPE, authorization: `Bearer ${tokens.admin}` }, body }, mayAnswerData };
  });
  add('SQL-looking and odd strings', 300, () => {
    const s = pickFrom(random, NASTY_STRINGS);
    return {
      request: {
        headers: JSON_TYPE,
        body: jsonBody(
          `query($s: String!, $id: ID!) { measure(code: $s) { code } project(id: $id) { name } indicator(id: $id) { id } projects(filter: { nameContains: $s, department: $s }) { totalCount } auditTrail(filter: { streamId: $s, actor: $s, eventType: $s }) { totalCount } measures(department: $s) { code } }`,
          { s, id: s },
        ),
      },
      mayAnswerData: true,
    };
  });
  add('invalid UTF-8', 150, () => ({ request: { headers: JSON_TYPE, body: invalidUtf8Body(random) }, mayAnswerData: true }));
  add('wrong content types', 250, () => ({ request: contentTypeCase(random), mayAnswerData: true }));
  add('GET with mutations', 200, () => ({ request: getCase(random, tokens), mayAnswerData: false }));
  add('other methods and paths', 100, () => ({
    request: {
      method: pickFrom(random, ['PUT', 'DELETE', 'PATCH', 'POST']),
      path: pickFrom(random, ['/graphql', '/graphql/', '/graphql/../admin', '/graphql%00', '/GRAPHQL', '/', '/api', '/graphql?query=%7B']),
      headers: JSON_TYPE,
      body: jsonBody(HEALTH),
    },
    mayAnswerData: true,
  }));
  add('huge strings and lists', 40, () => {
    const { body, mayAnswerData } = hugeCase(random);
    return { request: { headers: { ...JSON_TYPE, authorization: `Bearer ${tokens.admin}` }, body }, mayAnswerData };
  });
  add('deep nesting', 60, () => {
    const { body, mayAnswerData } = deepCase(random);
    return { request: { headers: { ...JSON_TYPE, authorization: `Bearer ${tokens.admin}` }, body }, mayAnswerData };
  });
  // Shuffle (Fisher-Yates, seeded), then add the oversize bodies last: they close their connections.
  for (let i = cases.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [cases[i], cases[j]] = [cases[j] as HostileCase, cases[i] as HostileCase];
  }
  for (const size of [51 * MiB, 64 * MiB]) {
    const pad = 'x'.repeat(size);
    cases.push({ category: 'oversize bodies', request: { headers: JSON_TYPE, body: jsonBody(HEALTH, { pad }) }, mayAnswerData: false });
  }
  return cases;
}

interface Verdict {
  problem: string | null;
  codes: string[];
  answeredData: boolean;
  /** Node's HTTP parser refused the request before the application saw it (headers over 16 KiB). */
  refusedByNode?: boolean;
}

/** What is wrong with an answer, if anything. */
function judge(kase: HostileCase, response: RawResponse): Verdict {
  const fail = (problem: string): Verdict => ({ problem: `${problem} (HTTP ${response.status}): ${response.body.slice(0, 300)}`, codes: [], answeredData: false });
  if (response.status === 431 && response.body === '') return { problem: null, codes: [], answeredData: false, refusedByNode: true };
  if (LEAK.test(response.body)) return fail('leaks a stack frame or a file path');
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    return fail('not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not a JSON object');
  const { data, errors } = json as { data?: unknown; errors?: unknown };
  if (response.status >= 500) {
    const timeout = Array.isArray(errors) && errors.every((e: { extensions?: { code?: unknown } }) => e?.extensions?.code === 'TIMEOUT');
    if (!timeout) return fail('a server error');
  }
  if (errors === undefined) {
    if (!kase.mayAnswerData) return fail('accepted a request that must be refused');
    if (typeof data !== 'object' || data === null) return fail('neither data nor errors');
    return { problem: null, codes: [], answeredData: true };
  }
  if (!Array.isArray(errors) || errors.length === 0) return fail('errors is not a non-empty list');
  const codes: string[] = [];
  for (const error of errors as Array<{ message?: unknown; extensions?: { code?: unknown; stacktrace?: unknown } }>) {
    if (typeof error?.message !== 'string') return fail('an error without a message');
    if (typeof error.extensions?.code !== 'string') return fail('an error without extensions.code');
    if (error.extensions.stacktrace !== undefined) return fail('an error with a stacktrace');
    codes.push(error.extensions.code);
  }
  // A refused mutation has no result; a partly answered read is fine.
  if (!kase.mayAnswerData && data !== undefined && data !== null && Object.values(data as object).some((v) => v !== null)) {
    return fail('a mutation answered with a result');
  }
  return { problem: null, codes, answeredData: data !== undefined && data !== null };
}

describe('hostile input fuzz', () => {
  let dir: string;
  let path: string;
  let server: ServerProcess | null = null;
  /** Requests the fuzz run saw answered with INTERNAL_SERVER_ERROR: a client's mistake taken for the server's. */
  const internalErrors: HostileCase[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-fuzz-'));
    path = join(dir, 'ledger.db');
    server = await startServerProcess({ PLAN_LEDGER_STORE: `sqlite:${path}` });
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives 5,000+ malformed requests: every answer a coded GraphQL error (or a 4xx JSON error), nothing leaked, the log unchanged', async () => {
    const started = Date.now();
    const random = seededRandom(SEED);
    const secret = new TextEncoder().encode('another-secret-that-is-at-least-32-bytes');
    const tokens: Tokens = {
      admin: await tokenFor('admin', 'fuzz-admin'),
      viewer: await tokenFor('viewer', 'fuzz-viewer'),
      editorElsewhere: await tokenFor('editor', 'fuzz-editor', ['福祉課']),
      wrongSecret: await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('intruder').sign(secret),
      expired: await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('late').setExpirationTime('-1h').sign(new TextEncoder().encode('plan-ledger-test-secret-0123456789abcdef')),
    };
    const live = server!;
    const headBefore = storeHead(path);
    const cases = await hostileCases(random, tokens);
    expect(cases.length).toBeGreaterThanOrEqual(5_000);

    const client = new RawClient(live.url, { maxSockets: CONCURRENCY });
    const problems: Array<{ category: string; problem: string; request: string }> = [];
    const byCategory = new Map<string, { sent: number; statuses: Map<number, number>; codes: Map<string, number>; data: number; ms: number }>();
    let transportErrors = 0;
    let refusedByNode = 0;
    try {
      await inPool(cases, CONCURRENCY, async (kase) => {
        const stats = byCategory.get(kase.category) ?? { sent: 0, statuses: new Map(), codes: new Map(), data: 0, ms: 0 };
        byCategory.set(kase.category, stats);
        stats.sent += 1;
        let response: RawResponse;
        const sentAt = Date.now();
        try {
          response = await client.send(kase.request, 20_000);
          stats.ms += Date.now() - sentAt;
        } catch (error) {
          // An oversize upload may be cut off by the server closing the connection once it has refused it.
          const bytes = kase.request.body === undefined ? 0 : Buffer.byteLength(kase.request.body);
          if (bytes > 10 * MiB && /EPIPE|ECONNRESET|socket hang up/.test(String(error))) {
            transportErrors += 1;
            return;
          }
          problems.push({ category: kase.category, problem: `no answer: ${String(error)}`, request: String(kase.request.body ?? kase.request.path).slice(0, 200) });
          return;
        }
        stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1);
        const verdict = judge(kase, response);
        if (verdict.problem) {
          problems.push({ category: kase.category, problem: verdict.problem, request: `${kase.request.method ?? 'POST'} ${kase.request.path ?? ''} ${String(kase.request.body ?? '').slice(0, 300)}` });
          return;
        }
        if (verdict.refusedByNode) refusedByNode += 1;
        if (verdict.answeredData) stats.data += 1;
        if (verdict.codes.includes('INTERNAL_SERVER_ERROR')) internalErrors.push(kase);
        for (const code of verdict.codes) stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
      });
    } finally {
      client.close();
    }

    // Still up, still answering, and the log is exactly as it was.
    const after = new RawClient(live.url);
    try {
      const health = await after.gql(HEALTH);
      expect(health.json).toEqual({ data: { editions: [{ fiscalYear: 2021, label: '令和3年度' }] } });
      expect((await after.send({ method: 'GET', path: '/healthz' })).status).toBe(200);
    } finally {
      after.close();
    }
    expect(live.child.exitCode).toBeNull();
    const headAfter = storeHead(path);
    if (headAfter.position !== headBefore.position) {
      const db = new Database(path, { readonly: true });
      const appended = db
        .prepare<[number], { type: string; stream_id: string; metadata: string }>('SELECT type, stream_id, metadata FROM events WHERE position > ? LIMIT 10')
        .all(headBefore.position);
      db.close();
      problems.unshift({ category: 'log', problem: `${headAfter.position - headBefore.position} events were appended: ${JSON.stringify(appended)}`, request: '' });
    }

    const summary = [...byCategory].map(
      ([category, s]) => `${category}: ${s.sent} (HTTP ${[...s.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}; ${s.ms} ms of requests)`,
    );
    const allCodes = new Map<string, number>();
    for (const s of byCategory.values()) for (const [code, n] of s.codes) allCodes.set(code, (allCodes.get(code) ?? 0) + n);
    if (problems.length > 0) {
      problems.sort((a, b) => (a.category === 'log' ? -1 : b.category === 'log' ? 1 : 0));
      const examples = problems.slice(0, 15).map((p) => `- [${p.category}] ${p.problem}\n    request: ${p.request}`);
      throw new Error(`${problems.length} of ${cases.length} answers were wrong:\n${examples.join('\n')}\n\n${summary.join('\n')}`);
    }
    expect(headAfter).toEqual(headBefore);
    const readsAnswered = [...byCategory.values()].reduce((n, s) => n + s.data, 0);
    console.log(
      `fuzz: ${cases.length} hostile requests (seed ${SEED}, ${CONCURRENCY} keep-alive connections) in ${Date.now() - started} ms: 0 wrong answers, ` +
        `0 5xx, ${readsAnswered} valid reads answered with data, ${refusedByNode} refused by Node with an empty 431 (headers over 16 KiB), ` +
        `${transportErrors} oversize uploads cut off after their 413, ${internalErrors.length} INTERNAL_SERVER_ERROR; server up; ` +
        `log unchanged (head ${headBefore.position}, ${headBefore.hash?.slice(0, 12)}…); error codes ${JSON.stringify(Object.fromEntries([...allCodes].sort(([, a], [, b]) => b - a)))}\n  ${summary.join('\n  ')}`,
    );
  }, 180_000);

  // Kept as its own test since the fuzz run found two answers that were well-formed but called a
  // client's mistake an internal error (and logged it as one): a persisted-query hash that did not match
  // the query (Apollo raised it without extensions.code), and a subscription sent over HTTP.
  it("answers a client's malformed request with a client error code, never INTERNAL_SERVER_ERROR", async () => {
    const client = new RawClient(server!.url);
    const replays = internalErrors.length > 0 ? internalErrors : [];
    // Always check the known case too, whether or not the seed produced it.
    const known: HostileCase = {
      category: 'persisted query hash mismatch',
      request: { headers: JSON_TYPE, body: `{"query": ${JSON.stringify(HEALTH)}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}` },
      mayAnswerData: false,
    };
    try {
      const answers = await Promise.all(
        [known, ...replays].map(async (kase) => ({ kase, body: JSON.parse((await client.send(kase.request)).body) as { errors?: Array<{ extensions?: { code?: string } }> } })),
      );
      const internal = answers.filter((a) => a.body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'));
      expect(internal.map((a) => `${a.kase.category}: ${String(a.kase.request.body).slice(0, 200)}`)).toEqual([]);
      // Persisted queries are on (#18): a hash that is not the query's is the client's bad request.
      expect(answers[0]?.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    } finally {
      client.close();
    }
  });
});

// Who may do what, at the API. These assert the final behaviour of issue #5 and pass once src/auth is
// wired into the server (the lead's part); until then they fail, and the first one writes.
describe('authorization at the API (passes once src/auth is wired into the server)', () => {
  let dir: string;
  let path: string;
  let server: ServerProcess | null = null;
  let client: RawClient;
  const RECORD = `mutation($input: RecordValueInput!) { recordValue(input: $input) { id } }`;
  const IMPORT = `mutation { importReport(input: { municipality: "062073", text: "所属", dryRun: true }) { edition } }`;
  const AUDIT = `{ auditTrail(first: 1) { totalCount } }`;
  const input = (value: number) => ({ indicatorId: '5-1-1/NPO法人数', fiscalYear: 2026, kind: 'ACTUAL', value, reason: `auth test ${value}` });
  const codeOf = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => body.errors?.[0]?.extensions?.['code'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-auth-'));
    path = join(dir, 'ledger.db');
    server = await startServerProcess({ PLAN_LEDGER_STORE: `sqlite:${path}` });
    client = new RawClient(server.url);
  });
  afterAll(async () => {
    client.close();
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses recordValue without a token as UNAUTHENTICATED, and appends nothing', async () => {
    const head = storeHead(path);
    const { json } = await client.gql(RECORD, { input: input(1) });
    expect(codeOf(json)).toBe('UNAUTHENTICATED');
    expect(storeHead(path)).toEqual(head);
  });

  it.each([
    ['a malformed header', 'Token abc'],
    ['a token that is not a JWT', 'Bearer not.a.jwt'],
    ['a token signed with another secret', 'other-secret'],
    ['an expired token', 'expired'],
    ['an unsigned token (alg none)', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290Iiwicm9sZSI6ImFkbWluIn0.'],
  ])('refuses recordValue with %s as UNAUTHENTICATED', async (_what, header) => {
    let authorization = header;
    if (header === 'other-secret') {
      authorization = `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode('another-secret-that-is-at-least-32-bytes'))}`;
    } else if (header === 'expired') {
      authorization = `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('-1h').sign(new TextEncoder().encode('plan-ledger-test-secret-0123456789abcdef'))}`;
    }
    const head = storeHead(path);
    const response = await client.send({ headers: { ...JSON_TYPE, authorization }, body: JSON.stringify({ query: RECORD, variables: { input: input(2) } }) });
    expect(codeOf(JSON.parse(response.body) as { errors?: Array<{ extensions?: Record<string, unknown> }> })).toBe('UNAUTHENTICATED');
    expect(storeHead(path)).toEqual(head);
  });

  it('refuses recordValue and importReport to a viewer as FORBIDDEN', async () => {
    const viewer = await tokenFor('viewer', 'etsuran');
    const head = storeHead(path);
    expect(codeOf((await client.gql(RECORD, { input: input(3) }, viewer)).json)).toBe('FORBIDDEN');
    expect(codeOf((await client.gql(IMPORT, undefined, viewer)).json)).toBe('FORBIDDEN');
    expect(storeHead(path)).toEqual(head);
  });

  it('refuses recordValue to an editor of another department as FORBIDDEN, and importReport to any editor', async () => {
    const elsewhere = await tokenFor('editor', 'fukushi', ['福祉課']);
    const head = storeHead(path);
    expect(codeOf((await client.gql(RECORD, { input: input(4) }, elsewhere)).json)).toBe('FORBIDDEN');
    expect(codeOf((await client.gql(IMPORT, undefined, await tokenFor('editor', 'seisaku', ['市政戦略課']))).json)).toBe('FORBIDDEN');
    expect(storeHead(path)).toEqual(head);
  });

  it("lets an editor record a value for an indicator of their own department, as themselves (one event)", async () => {
    const own = await tokenFor('editor', 'seisaku-tanaka', ['市政戦略課']);
    const head = storeHead(path);
    const { json } = await client.gql(RECORD, { input: input(5) }, own);
    expect(json.errors).toBeUndefined();
    expect(storeHead(path).position).toBe(head.position + 1);
    const trail = await client.gql(`{ auditTrail(filter: { actor: "seisaku-tanaka" }) { totalCount edges { node { actor reason } } } }`, undefined, await tokenFor('auditor', 'kansa'));
    expect(trail.json.data).toEqual({ auditTrail: { totalCount: 1, edges: [{ node: { actor: 'seisaku-tanaka', reason: 'auth test 5' } }] } });
  });

  it.each([
    ['auditTrail', AUDIT],
    ['verifyLedger', `{ verifyLedger { ok } }`],
  ])('shows %s to auditors and admins only', async (_field, query) => {
    expect(codeOf((await client.gql(query)).json)).toBe('UNAUTHENTICATED');
    expect(codeOf((await client.gql(query, undefined, await tokenFor('viewer', 'etsuran'))).json)).toBe('FORBIDDEN');
    expect(codeOf((await client.gql(query, undefined, await tokenFor('editor', 'seisaku', ['市政戦略課']))).json)).toBe('FORBIDDEN');
    for (const role of ['auditor', 'admin'] as const) {
      const { json } = await client.gql(query, undefined, await tokenFor(role, `as-${role}`));
      expect(json.errors).toBeUndefined();
    }
  });

  it('lets a viewer, and a caller without a token, read the plan', async () => {
    const read = `{ measure(code: "5-1-1") { title indicators { name values { fiscalYear target actual } } } }`;
    for (const token of [undefined, await tokenFor('viewer', 'etsuran')]) {
      const { json } = await client.gql(read, undefined, token);
      expect(json.errors).toBeUndefined();
      expect(json.data?.['measure']).toMatchObject({ title: '多様な担い手が参画するまちづくりの推進' });
    }
  });
});
