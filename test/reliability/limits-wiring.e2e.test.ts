// The request limits on the real server process, configured only through the environment (README,
// "Security and reliability").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from '../support/reliability';
import { startServerProcess, type ServerProcess } from '../support/server-process';

const JSON_TYPE = { 'content-type': 'application/json' };

describe('limits on the real server', () => {
  let dir: string;
  const servers: ServerProcess[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const server = await startServerProcess({ PLAN_LEDGER_STORE: `sqlite:${join(dir, `ledger-${servers.length}.db`)}`, ...env });
    servers.push(server);
    return server;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-limits-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses too deep, too costly and too long documents before running them, naming the limit', async () => {
    const server = await start({ PLAN_LEDGER_MAX_DEPTH: '6', PLAN_LEDGER_MAX_COMPLEXITY: '3000', PLAN_LEDGER_MAX_TOKENS: '1000' });
    const client = new RawClient(server.url);
    try {
      const deep = await client.gql(`{ project(id: "国際交流推進費") { cost { project { cost { project { cost { project { name } } } } } } } }`);
      expect(deep.status).toBe(400);
      expect(deep.json.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_MAX_DEPTH', maximum: 6, measured: 8 });

      const costly = await client.gql(`{ measures { projects { indicators { values { target } } } } }`);
      expect(costly.status).toBe(400);
      expect(costly.json.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_MAX_COMPLEXITY', maximum: 3000 });

      const long = await client.gql(`{ ${'departments '.repeat(1000)} }`);
      expect(long.status).toBe(400);
      expect(long.json.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: expect.stringContaining('1000 tokens') });

      expect((await client.gql(`{ measure(code: "5-1-1") { indicators { name values { fiscalYear target actual } } } }`)).json.errors).toBeUndefined();
    } finally {
      client.close();
    }
  });

  it('answers a body over PLAN_LEDGER_MAX_BODY_BYTES with 413 at once, even before it has been sent', async () => {
    const server = await start({ PLAN_LEDGER_MAX_BODY_BYTES: '1mib' });
    const client = new RawClient(server.url, { maxSockets: 1 });
    try {
      const started = Date.now();
      const announced = await client.send({ headers: { ...JSON_TYPE, 'content-length': 600 * 1024 * 1024 }, body: '{"query": "{' }, 5_000);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(announced.status).toBe(413);
      expect(JSON.parse(announced.body)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'PLAN_LEDGER_MAX_BODY_BYTES', maximum: 1024 * 1024 } }] });
    } finally {
      client.close();
    }
  });

  it('switches introspection off in production unless PLAN_LEDGER_INTROSPECTION=true', async () => {
    const production = await start({ NODE_ENV: 'production' });
    const enabled = await start({ NODE_ENV: 'production', PLAN_LEDGER_INTROSPECTION: 'true' });
    const a = new RawClient(production.url);
    const b = new RawClient(enabled.url);
    try {
      const refused = await a.gql(`{ __schema { queryType { name } } }`);
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'PLAN_LEDGER_INTROSPECTION' } })]);
      expect((await b.gql(`{ __schema { queryType { name } } }`)).json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    } finally {
      a.close();
      b.close();
    }
  });

  it('refuses to start with a limit it cannot read, naming the variable', async () => {
    await expect(start({ PLAN_LEDGER_MAX_DEPTH: 'deep' })).rejects.toThrow(/PLAN_LEDGER_MAX_DEPTH="deep" must be a whole number/);
  });
});
