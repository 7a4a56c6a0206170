// verifyLedger on a log large enough that walking it takes a while: the walk runs in a worker thread,
// so the server keeps answering other requests meanwhile (#19 item 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateLedger } from '../src/cli/commands/generate/generate-ledger';
import { startTestServer, type TestServer } from './support/test-server';

interface Verification {
  ok: boolean;
  events: number;
  full: boolean;
  fromPosition: string;
  toPosition: string | null;
  headPosition: string | null;
  brokenAt: string | null;
  problem: string | null;
}
const FIELDS = 'ok events full fromPosition toPosition headPosition brokenAt problem';

describe('verifyLedger on a large log', () => {
  let dir: string;
  let server: TestServer;
  let head: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-verify-e2e-'));
    server = await startTestServer({ path: join(dir, 'ledger.db') });
    // Through the real import path, as `plan-ledger generate` writes a national ledger: some 7,700 events.
    head = (await generateLedger(server.ledger, { municipalities: 4, years: 3, editions: 2 })).position;
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = (args = '') => server.gql<{ verifyLedger: Verification }>(`{ verifyLedger${args} { ${FIELDS} } }`);

  it('answers a trivial query while a full walk is in progress', async () => {
    const finished: string[] = [];
    const started = jest.spyOn(server.ledger, 'verify');
    const walk = verify('(full: true)').then((response) => {
      finished.push('verifyLedger');
      return response;
    });
    // Ask once the walk has begun: a walk on the event loop holds this request (and the test's own
    // client, in this process) until it ends.
    while (started.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const trivial = await server.gql<{ __typename: string }>('{ __typename }', {}, { authorization: '' });
    finished.push('__typename');
    expect(trivial.data).toEqual({ __typename: 'Query' });
    const walked = await walk;
    expect(finished).toEqual(['__typename', 'verifyLedger']);
    started.mockRestore();
    expect(walked.errors).toBeUndefined();
    expect(walked.data!.verifyLedger).toEqual({
      ok: true,
      events: head,
      full: true,
      fromPosition: '0',
      toPosition: String(head),
      headPosition: String(head),
      brokenAt: null,
      problem: null,
    });
  }, 60_000);

  it('walks only what was appended since the head verified last', async () => {
    await verify('(full: true)');
    const edit = await server.gql('mutation($id: ID!) { recordValue(input: { indicatorId: $id, fiscalYear: 2022, kind: ACTUAL, value: 1, reason: "correction" }) { id } }', {
      id: firstIndicator(),
    });
    expect(edit.errors).toBeUndefined();
    const routine = await verify();
    expect(routine.data!.verifyLedger).toMatchObject({ ok: true, full: false, events: 1, fromPosition: String(head), toPosition: String(head + 1) });
    head += 1;
    // Nothing new: nothing walked, and the kept head still matches the log.
    expect((await verify()).data!.verifyLedger).toMatchObject({ ok: true, events: 0, fromPosition: String(head), toPosition: String(head) });
  }, 60_000);

  it('refuses a request that asks verifyLedger more than once, before walking', async () => {
    const aliases = Array.from({ length: 9 }, (_, i) => `v${i}: verifyLedger(full: true) { ok }`).join(' ');
    const response = await server.gql(`{ ${aliases} }`);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({
      message: expect.stringMatching(/verifyLedger may be asked at most once per request, and this one asks it 9 times/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', field: 'verifyLedger' },
    });
    const viaFragments = await server.gql('query { ...A ... on Query { verifyLedger { ok } } } fragment A on Query { verifyLedger { events } }');
    expect(viaFragments.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'verifyLedger' });
  });

  it('fails a routine walk whose kept head does not match the log, naming it', async () => {
    const db = new Database(join(dir, 'ledger.db'));
    db.prepare('UPDATE verified_head SET hash = ?').run('0'.repeat(64));
    db.close();
    const response = await verify();
    expect(response.data!.verifyLedger).toMatchObject({
      ok: false,
      brokenAt: String(head),
      problem: expect.stringMatching(new RegExp(`the verified head kept for position ${head} \\(0{64}\\) does not match the log`)),
    });
    // A full walk checks the kept head too, and does not replace it with the head it reached.
    expect((await verify('(full: true)')).data!.verifyLedger).toMatchObject({ ok: false, brokenAt: String(head) });
  }, 60_000);

  function firstIndicator(): string {
    const db = new Database(join(dir, 'ledger.db'), { readonly: true });
    try {
      // The generator's streams are named by municipality: 012025-indicator-5-1-1/….
      const stream = db
        .prepare<[], string>("SELECT stream_id FROM events WHERE stream_id GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-indicator-*' ORDER BY position LIMIT 1")
        .pluck()
        .get();
      if (stream === undefined) throw new Error('no indicator in the generated log');
      return `${stream.slice(0, 6)}:${stream.slice('012025-indicator-'.length)}`;
    } finally {
      db.close();
    }
  }
});
