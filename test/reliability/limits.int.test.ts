// The request limits (src/graphql/plugins/limits, configured by src/config/limits.ts) on an Apollo
// server built the way the HTTP server is wired: the ledger's schema, the real error formatter, and
// the limits' validation rules, parse options and plugins.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer, type BaseContext, type GraphQLResponse } from '@apollo/server';
import express from 'express';
import { getIntrospectionQuery } from 'graphql';
import { Ledger } from '../../src/application/ledger';
import { DEFAULT_LIMITS, loadLimits, type Limits } from '../../src/config/limits';
import { createRequestContext, type RequestContext } from '../../src/graphql/context';
import { createErrorFormatter } from '../../src/graphql/format-error';
import { apolloLimitOptions, limitedJsonBody, limitPlugins, operationCost, operationDepths } from '../../src/graphql/plugins/limits';
import type { PointInTimeView } from '../../src/graphql/point-in-time-view';
import { ledgerSchema } from '../../src/graphql/schema';
import { exampleTabs } from '../../src/http/explorer/example-operations';
import { RawClient } from '../support/reliability';
import { sampleText } from '../support/sample';

type Context = RequestContext & BaseContext;

const PRODUCTION_LIKE: Limits = { ...DEFAULT_LIMITS, introspection: true };

let ledger: Ledger;

beforeAll(async () => {
  const { SqliteEventStore } = await import('../../src/store/sqlite/sqlite-event-store');
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  await ledger.importReport(sampleText(), { municipality: '062073', actor: 'test:importer' });
});
afterAll(() => ledger.close());

async function apollo(limits: Limits): Promise<ApolloServer<Context>> {
  const server = new ApolloServer<Context>({
    schema: await ledgerSchema(),
    formatError: createErrorFormatter({ logger: undefined, development: false }),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    ...apolloLimitOptions(limits),
    plugins: limitPlugins<Context>(limits),
  });
  await server.start();
  return server;
}

interface Answer {
  status: number | undefined;
  data: Record<string, unknown> | null | undefined;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;
}

async function run(
  server: ApolloServer<Context>,
  query: string,
  variables: Record<string, unknown> = {},
  contextValue: Context = createRequestContext(ledger, 'tester'),
): Promise<Answer> {
  const response: GraphQLResponse = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { status: response.http.status, data, errors: errors as Answer['errors'] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** README's ```graphql blocks, the contract examples' queries and the explorer's tabs. */
function exampleOperations(): Array<{ name: string; query: string; variables: Record<string, unknown> }> {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const fromReadme = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => ({ name: `README #${i + 1}`, query: m[1] ?? '', variables: {} }));
  const contract = readFileSync(join(__dirname, '..', 'contract-examples.e2e.test.ts'), 'utf8');
  const indicatorValues = /const INDICATOR_VALUES = `([^`]*)`/.exec(contract)?.[1] ?? '';
  const fromContract = [...contract.matchAll(/data(?:<[^>]*>)?\(`([\s\S]*?)`(?:, (\{[^}]*\}))?/g)].map((m, i) => ({
    name: `contract example #${i + 1}`,
    query: (m[1] ?? '').replace('${INDICATOR_VALUES}', indicatorValues),
    variables: m[2] ? { id: '総務一般管理費' } : {},
  }));
  // The explorer's tabs give their variables default values in the document itself.
  const fromExplorer = exampleTabs().map((tab, i) => ({ name: `explorer tab #${i + 1}`, query: tab.query, variables: {} }));
  return [...fromReadme, ...fromContract, ...fromExplorer];
}

describe('limits configuration (validated at start-up)', () => {
  it('has defaults with room for a report import, and introspection on outside production', () => {
    const limits = loadLimits({});
    expect(limits).toEqual({ ...DEFAULT_LIMITS, introspection: true });
    expect(limits.maxBodyBytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
  });

  it('switches introspection off in production unless PLAN_LEDGER_INTROSPECTION enables it', () => {
    expect(loadLimits({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadLimits({ NODE_ENV: 'production', PLAN_LEDGER_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadLimits({ NODE_ENV: 'development', PLAN_LEDGER_INTROSPECTION: 'off' }).introspection).toBe(false);
  });

  it('reads every variable, with sizes in bytes or kb/mb', () => {
    expect(
      loadLimits({
        PLAN_LEDGER_MAX_DEPTH: '7',
        PLAN_LEDGER_MAX_COMPLEXITY: '1234',
        PLAN_LEDGER_MAX_TOKENS: '900',
        PLAN_LEDGER_REQUEST_TIMEOUT_MS: '2500',
        PLAN_LEDGER_MAX_BODY_BYTES: '8mib',
        PLAN_LEDGER_INTROSPECTION: '0',
        PLAN_LEDGER_WS_MAX_OPERATIONS: '12',
        PLAN_LEDGER_WS_MAX_SOCKETS_PER_CLIENT: '34',
      }),
    ).toEqual({
      maxDepth: 7,
      maxComplexity: 1234,
      maxTokens: 900,
      requestTimeoutMs: 2500,
      maxBodyBytes: 8 * 1024 * 1024,
      introspection: false,
      maxOperationsPerSocket: 12,
      maxSocketsPerClient: 34,
    });
    expect(loadLimits({ PLAN_LEDGER_MAX_BODY_BYTES: '6000000' }).maxBodyBytes).toBe(6_000_000);
    expect(loadLimits({ PLAN_LEDGER_MAX_DEPTH: ' ' }).maxDepth).toBe(DEFAULT_LIMITS.maxDepth);
  });

  it.each([
    [{ PLAN_LEDGER_MAX_DEPTH: 'deep' }, /PLAN_LEDGER_MAX_DEPTH="deep" must be a whole number/],
    [{ PLAN_LEDGER_MAX_DEPTH: '1' }, /PLAN_LEDGER_MAX_DEPTH="1" must be at least 2/],
    [{ PLAN_LEDGER_MAX_COMPLEXITY: '-5' }, /PLAN_LEDGER_MAX_COMPLEXITY="-5" must be a whole number/],
    [{ PLAN_LEDGER_REQUEST_TIMEOUT_MS: '1e3' }, /PLAN_LEDGER_REQUEST_TIMEOUT_MS="1e3" must be a whole number/],
    [{ PLAN_LEDGER_MAX_BODY_BYTES: '5 gigabytes' }, /PLAN_LEDGER_MAX_BODY_BYTES="5 gigabytes" must be a number of bytes/],
    [{ PLAN_LEDGER_MAX_BODY_BYTES: '1kb' }, /PLAN_LEDGER_MAX_BODY_BYTES="1kb" must be at least 64 KiB/],
    [{ PLAN_LEDGER_INTROSPECTION: 'maybe' }, /PLAN_LEDGER_INTROSPECTION="maybe" must be true or false/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadLimits(env)).toThrow(message);
  });
});

describe('depth and cost', () => {
  let server: ApolloServer<Context>;
  beforeAll(async () => {
    server = await apollo(PRODUCTION_LIKE);
  });
  afterAll(() => server.stop());

  it('leaves every example in the README, the contract examples and the explorer well within the defaults', async () => {
    const { parse, Kind } = await import('graphql');
    const schema = await ledgerSchema();
    const examples = exampleOperations();
    expect(examples.length).toBeGreaterThanOrEqual(20);
    const measured = examples.flatMap(({ name, query, variables }) => {
      const document = parse(query);
      const depths = operationDepths(document);
      return document.definitions.flatMap((operation) => {
        if (operation.kind !== Kind.OPERATION_DEFINITION) return [];
        const cost = operationCost(schema, document, operation, variables);
        const label = `${name}${operation.name ? ` (${operation.name.value})` : ''}`;
        return [{ name: label, query, variables, operation, cost: 'cost' in cost ? cost.cost : Infinity, depth: depths.get(operation) ?? Infinity }];
      });
    });
    for (const { name, cost, depth } of measured) {
      // "Well within": a quarter of the cost limit and half the depth limit at most.
      expect({ name, fits: cost <= DEFAULT_LIMITS.maxComplexity / 4 && depth <= DEFAULT_LIMITS.maxDepth / 2 }).toEqual({ name, fits: true });
    }
    const costliest = measured.reduce((a, b) => (b.cost > a.cost ? b : a));
    console.log(
      `limits: ${measured.length} example operations; costliest ${costliest.name} = ${costliest.cost} of ${DEFAULT_LIMITS.maxComplexity}; deepest ${Math.max(...measured.map((m) => m.depth))} of ${DEFAULT_LIMITS.maxDepth}`,
    );
    // And the queries run against the sample (mutations would write; subscriptions need graphql-ws).
    for (const { name, query, variables, operation } of measured.filter((m) => m.operation.operation === 'query')) {
      const response = await server.executeOperation(
        { query, variables, ...(operation.name ? { operationName: operation.name.value } : {}) },
        { contextValue: createRequestContext(ledger, 'tester') },
      );
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental';
      expect({ name, errors }).toEqual({ name, errors: undefined });
    }
  });

  it('refuses a query nested deeper than PLAN_LEDGER_MAX_DEPTH before running it, naming the limit and the depth', async () => {
    // project > cost > project > cost ... has no list to multiply, so only depth stops it.
    const query = `{ project(id: "国際交流推進費") { cost { project { cost { project { cost { project { cost { project { cost { project { name } } } } } } } } } } } }`;
    const answer = await run(server, query);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: 'the query nests fields 12 deep; at most 10 are allowed',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_MAX_DEPTH', maximum: 10, measured: 12 },
      },
    ]);
  });

  it('counts depth through fragments, and not inside introspection', async () => {
    const viaFragments = `
      query Deep { project(id: "国際交流推進費") { ...A } }
      fragment A on Project { cost { project { ...B } } }
      fragment B on Project { cost { project { cost { project { cost { project { cost { project { name } } } } } } } } }`;
    const answer = await run(server, viaFragments);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ limit: 'PLAN_LEDGER_MAX_DEPTH', measured: 12 });
    expect(answer.errors?.[0]?.message).toMatch(/^operation Deep nests fields 12 deep/);
    const introspection = await run(server, getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
  });

  it('prices lists by their size: nested lists multiply, and are refused over PLAN_LEDGER_MAX_COMPLEXITY', async () => {
    const query = `{ measures { projects { measures { projects { measures { code } } } } } }`;
    const answer = await run(server, query);
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^the query would cost \d+; at most 50000 is allowed/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_MAX_COMPLEXITY', maximum: 50_000, measured: expect.any(Number) },
    });
    expect(answer.errors?.[0]?.extensions?.['measured']).toBeGreaterThan(50_000);
    expect(JSON.stringify(answer)).not.toMatch(/stacktrace|\bat \S+ \(|\/src\//);
  });

  it('prices the measures of one department as a tenth of all of them, so a whole department can be read at once', async () => {
    const { parse, getOperationAST } = await import('graphql');
    const schema = await ledgerSchema();
    // Every measure of a department with its indicators' values and its projects' costs (batched-reads.int.test.ts reads the same).
    const document = parse(`query($department: String) { measures(department: $department) {
      code indicators { id values { fiscalYear target actual achievementRate targetRevised } }
      projects { name indicators { id values { target actual } } cost { values { target } } staffing { values { target } } } } }`);
    const operation = getOperationAST(document)!;
    const one = operationCost(schema, document, operation, { department: '福祉課' });
    const all = operationCost(schema, document, operation, { department: null });
    expect('cost' in one && 'cost' in all).toBe(true);
    if ('cost' in one && 'cost' in all) {
      expect(one.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxComplexity / 2);
      expect(all.cost).toBeGreaterThan(DEFAULT_LIMITS.maxComplexity);
      expect(Math.round(all.cost / one.cost)).toBe(10);
    }
    expect((await run(server, document.loc!.source.body, { department: '福祉課' })).errors).toBeUndefined();
  });

  it('prices a connection by the `first` a client asks for, from variables too', async () => {
    const small = await apollo({ ...PRODUCTION_LIKE, maxComplexity: 2_000 });
    try {
      const query = `query Page($n: Int) { auditTrail(first: $n) { edges { node { position type actor data hash previousHash } } } }`;
      const ten = await run(small, query, { n: 10 });
      expect(ten.errors).toBeUndefined();
      expect((ten.data?.['auditTrail'] as { edges: unknown[] }).edges).toHaveLength(10);
      const fiveHundred = await run(small, query, { n: 500 });
      expect(fiveHundred.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_MAX_COMPLEXITY', maximum: 2000 });
      // A page larger than the API ever serves is priced as the largest page, and refused by the resolver itself.
      const tooLarge = await run(server, `{ auditTrail(first: 100000) { totalCount } }`);
      expect(tooLarge.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    } finally {
      await small.stop();
    }
  });

  it('counts each alias and each fragment spread, and refuses a fragment explosion without expanding it', async () => {
    const aliases = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: compareFiscalYears(base: 2021, compare: 2022) { indicators { targetDelta } }`).join(' ')} }`;
    const manyAliases = await run(server, aliases);
    expect(manyAliases.errors?.[0]?.extensions).toMatchObject({ limit: 'PLAN_LEDGER_MAX_COMPLEXITY' });

    // Each fragment spreads the next one twice: 2^16 selections from a few hundred bytes.
    const levels = 16;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Query { departments }` : `fragment F${i} on Query { ...F${i + 1} a${i}: departments ...F${i + 1} }`,
    );
    const explosion = await run(server, `query Boom { ...F0 } ${fragments.join(' ')}`);
    expect(explosion.status).toBe(400);
    expect(explosion.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/selects more than 10000 fields once its fragments are expanded/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_MAX_COMPLEXITY' },
    });
  });

  it('leaves a document whose operation cannot be chosen to Apollo (no operation name, or an unknown one)', async () => {
    const two = await run(server, `query A { editions { label } } query B { departments }`);
    expect(two.errors?.[0]?.extensions?.['code']).toBe('OPERATION_RESOLUTION_FAILURE');
    const response = await server.executeOperation(
      { query: `query A { editions { label } }`, operationName: 'Missing' },
      { contextValue: createRequestContext(ledger, 'tester') },
    );
    expect(response.http.status).toBeLessThan(500);
    expect(response.body.kind === 'single' ? response.body.singleResult.errors?.[0]?.extensions?.['code'] : null).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  it('stops parsing a document longer than PLAN_LEDGER_MAX_TOKENS', async () => {
    const long = `{ ${'departments '.repeat(DEFAULT_LIMITS.maxTokens)} }`;
    const answer = await run(server, long);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`more that ${DEFAULT_LIMITS.maxTokens} tokens`),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});

describe('introspection', () => {
  it('answers __schema when enabled, and refuses it (not __typename) when switched off, naming the setting', async () => {
    const open = await apollo(loadLimits({ NODE_ENV: 'development' }));
    const closed = await apollo(loadLimits({ NODE_ENV: 'production' }));
    try {
      expect((await run(open, `{ __schema { queryType { name } } }`)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const refused = await run(closed, `{ __schema { queryType { name } } }`);
      expect(refused.status).toBe(400);
      expect(refused.errors).toEqual([
        expect.objectContaining({
          locations: [{ line: 1, column: 3 }],
          message: expect.stringMatching(/^introspection \(__schema\) is switched off on this server/),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_INTROSPECTION' },
        }),
      ]);
      expect((await run(closed, `{ __type(name: "Measure") { name } }`)).errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await run(closed, `{ editions { __typename fiscalYear } }`)).errors).toBeUndefined();
    } finally {
      await Promise.all([open.stop(), closed.stop()]);
    }
  });
});

describe('time budget (PLAN_LEDGER_REQUEST_TIMEOUT_MS)', () => {
  /** A request context whose measures come from a store that takes `delayMs` to answer; counts the resolvers that read. */
  function slowContext(delayMs: number, calls: { views: number }): Context {
    const base = createRequestContext(ledger, 'tester');
    return {
      ...base,
      view(asOf) {
        calls.views += 1;
        const view = base.view(asOf);
        const slow = Object.create(view) as PointInTimeView;
        slow.allMeasures = async (municipality) => {
          await sleep(delayMs);
          return view.allMeasures(municipality);
        };
        return slow;
      },
    };
  }

  let server: ApolloServer<Context>;
  beforeAll(async () => {
    server = await apollo({ ...PRODUCTION_LIKE, requestTimeoutMs: 150 });
  });
  afterAll(() => server.stop());

  it('answers TIMEOUT (HTTP 503) at the deadline when a resolver is still waiting, and starts nothing after it', async () => {
    const calls = { views: 0 };
    const started = Date.now();
    const answer = await run(server, `{ measures { code indicators { name } } }`, {}, slowContext(1_000, calls));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(800);
    expect(answer.status).toBe(503);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: 'the query ran out of its time budget of 150 ms; ask for less, or page through it',
        extensions: { code: 'TIMEOUT', limit: 'PLAN_LEDGER_REQUEST_TIMEOUT_MS', maximum: 150, measured: expect.any(Number) },
      },
    ]);
    expect(answer.errors?.[0]?.extensions?.['measured']).toBeGreaterThanOrEqual(150);
    // Only the root resolver read anything: once the measures arrived, late, no resolver below them started.
    await sleep(1_000);
    expect(calls.views).toBe(1);
  });

  it('leaves a query that finishes in time alone', async () => {
    const answer = await run(server, `{ measures { code } }`, {}, slowContext(20, { views: 0 }));
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.['measures'] as unknown[]).length).toBe(8);
  });

  it('does not cut a mutation short: a write that has begun answers with its outcome', async () => {
    const base = createRequestContext(ledger, 'tester');
    const slowLedger = Object.create(ledger) as Ledger;
    slowLedger.recordValue = async (...args: Parameters<Ledger['recordValue']>) => {
      await sleep(400);
      return ledger.recordValue(...args);
    };
    const answer = await run(
      server,
      `mutation($input: RecordValueInput!) { recordValue(input: $input) { value(fiscalYear: 2030) { actual } } }`,
      { input: { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2030, kind: 'ACTUAL', value: 21, reason: 'time budget test' } },
      { ...base, ledger: slowLedger },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ recordValue: { value: { actual: 21 } } });
  });
});

describe('body size (PLAN_LEDGER_MAX_BODY_BYTES)', () => {
  it('accepts a multi-megabyte report import and refuses a larger body with 413 and a JSON error naming the limit', async () => {
    const limits = { maxBodyBytes: 6 * 1024 * 1024 };
    const app = express();
    app.post('/graphql', limitedJsonBody(limits), (req, res) => {
      res.json({ received: JSON.stringify(req.body).length });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const report = sampleText();
      const fiveMegabytes = report.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(report)));
      const body = JSON.stringify({ query: 'mutation($text: String!) { importReport(input: { municipality: "062073", text: $text }) { edition } }', variables: { text: fiveMegabytes } });
      expect(Buffer.byteLength(body)).toBeGreaterThan(5 * 1024 * 1024);
      const accepted = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(accepted.status).toBe(200);

      const oversize = JSON.stringify({ query: '{ editions { label } }', variables: { pad: 'x'.repeat(7 * 1024 * 1024) } });
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: oversize });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: `the request body is ${Buffer.byteLength(oversize)} bytes; at most ${limits.maxBodyBytes} are accepted`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'PLAN_LEDGER_MAX_BODY_BYTES', maximum: limits.maxBodyBytes, measured: Buffer.byteLength(oversize) },
          },
        ],
      });

      // A client announcing more than the limit gets its answer at once, not after sending it all.
      const raw = new RawClient(url, { maxSockets: 1 });
      try {
        const started = Date.now();
        const trickled = await raw.send({ headers: { 'content-type': 'application/json', 'content-length': 600 * 1024 * 1024 }, body: '{"query": "{' }, 5_000);
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(trickled.status).toBe(413);
        expect(trickled.headers['connection']).toBe('close');
        expect(JSON.parse(trickled.body)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', measured: 600 * 1024 * 1024 } }] });
        // Without a Content-Length (chunked), the body is refused once it grows past the limit.
        const chunked = await raw.send({ headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: oversize });
        expect(chunked.status).toBe(413);
        expect(JSON.parse(chunked.body)).toMatchObject({
          errors: [{ message: `the request body is more than ${limits.maxBodyBytes} bytes; at most ${limits.maxBodyBytes} are accepted`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      } finally {
        raw.close();
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
