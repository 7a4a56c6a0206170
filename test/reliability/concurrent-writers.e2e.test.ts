// Twenty clients write the same indicator at once over real HTTP, each with the expectedRevision it
// read from Query.indicatorRevision: one wins each race, every other attempt is a CONFLICT that names
// the current revision, a loser that reads again and retries gets in eventually, and the store holds
// exactly one new event per success, in a chain that verifies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { indicatorStreamId } from '../../src/domain/ids';
import { Ledger } from '../../src/application/ledger';
import { SqliteEventStore } from '../../src/store/sqlite/sqlite-event-store';
import { RawClient, storeHead, type GqlBody } from '../support/reliability';
import { startServerProcess, tokenFor, type ServerProcess } from '../support/server-process';

const INDICATOR = '5-1-1/NPO法人数';
const CLIENTS = 20;
const REVISION = `query($id: ID!) { indicatorRevision(id: $id) }`;
const RECORD = `mutation($input: RecordValueInput!) { recordValue(input: $input) { id } }`;

interface Attempt {
  client: number;
  value: number;
  expectedRevision: number;
  outcome: 'ok' | 'CONFLICT' | string;
  currentRevision?: unknown;
}

describe('concurrent writers with expectedRevision', () => {
  let dir: string;
  let path: string;
  let server: ServerProcess | null = null;
  let clients: RawClient[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-writers-'));
    path = join(dir, 'ledger.db');
    server = await startServerProcess({ PLAN_LEDGER_STORE: `sqlite:${path}` });
    // One connection per client: the requests really are in flight together.
    clients = Array.from({ length: CLIENTS }, () => new RawClient(server!.url, { maxSockets: 1 }));
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function readRevision(client: RawClient, token: string): Promise<number> {
    const { json } = await client.gql(REVISION, { id: INDICATOR }, token);
    const revision = json.data?.['indicatorRevision'];
    if (typeof revision !== 'number') throw new Error(`indicatorRevision answered ${JSON.stringify(json)}`);
    return revision;
  }

  async function write(client: RawClient, token: string, attempt: Omit<Attempt, 'outcome'>): Promise<Attempt> {
    const { json } = await client.gql(
      RECORD,
      {
        input: {
          indicatorId: INDICATOR,
          fiscalYear: 2031,
          kind: 'ACTUAL',
          value: attempt.value,
          reason: `writer ${attempt.client} value ${attempt.value}`,
          expectedRevision: attempt.expectedRevision,
        },
      },
      token,
    );
    return { ...attempt, ...outcomeOf(json) };
  }

  function outcomeOf(json: GqlBody): Pick<Attempt, 'outcome' | 'currentRevision'> {
    if (!json.errors && json.data?.['recordValue']) return { outcome: 'ok' };
    const error = json.errors?.[0];
    return { outcome: String(error?.extensions?.['code'] ?? error?.message ?? 'no answer'), currentRevision: error?.extensions?.['currentRevision'] };
  }

  it('lets one of twenty identical reads win, answers CONFLICT to the rest, and loses nothing when the losers retry', async () => {
    const started = Date.now();
    const token = await tokenFor('admin', 'writer');
    const auditor = await tokenFor('auditor', 'kansa');
    // The store names the stream by its municipality.
    const streamId = `062073-${indicatorStreamId(INDICATOR)}`;
    const headBefore = storeHead(path);
    const revisionBefore = await readRevision(clients[0]!, token);

    // Round 1: everyone read the same revision, everyone writes at once.
    const reads = await Promise.all(clients.map((client) => readRevision(client, token)));
    expect(new Set(reads)).toEqual(new Set([revisionBefore]));
    const first = await Promise.all(clients.map((client, i) => write(client, token, { client: i, value: 1000 + i, expectedRevision: reads[i]! })));
    expect(first.filter((a) => a.outcome === 'ok')).toHaveLength(1);
    const losers = first.filter((a) => a.outcome !== 'ok');
    expect(losers.map((a) => a.outcome)).toEqual(Array(CLIENTS - 1).fill('CONFLICT'));
    expect(losers.map((a) => a.currentRevision)).toEqual(Array(CLIENTS - 1).fill(revisionBefore + 1));

    // Round 2 on: each loser reads again and retries with a new value, until every client has written once.
    const attempts: Attempt[] = [...first];
    let waiting = losers.map((a) => a.client);
    let rounds = 1;
    while (waiting.length > 0 && rounds < 200) {
      rounds += 1;
      const tries = await Promise.all(
        waiting.map(async (i) => {
          const client = clients[i]!;
          return write(client, token, { client: i, value: 1000 * rounds + i, expectedRevision: await readRevision(client, token) });
        }),
      );
      attempts.push(...tries);
      waiting = tries.filter((a) => a.outcome !== 'ok').map((a) => a.client);
    }
    expect(waiting).toEqual([]);

    const successes = attempts.filter((a) => a.outcome === 'ok');
    const conflicts = attempts.filter((a) => a.outcome === 'CONFLICT');
    expect(successes).toHaveLength(CLIENTS);
    expect(conflicts).toHaveLength(attempts.length - successes.length);
    expect(new Set(successes.map((a) => a.client)).size).toBe(CLIENTS);

    // The API agrees: the revision moved by one per success, and the audit trail lists each success once.
    expect(await readRevision(clients[0]!, token)).toBe(revisionBefore + successes.length);
    const trail = await clients[0]!.gql(
      `query($stream: String!) { auditTrail(filter: { streamId: $stream }, first: 500) { totalCount edges { node { streamRevision reason data } } } }`,
      { stream: streamId },
      auditor,
    );
    expect(trail.json.errors).toBeUndefined();
    const nodes = (trail.json.data?.['auditTrail'] as { edges: Array<{ node: { streamRevision: number; reason: string; data: { value: number } } }> }).edges.map((e) => e.node);
    const newNodes = nodes.filter((n) => n.streamRevision > revisionBefore);
    expect(newNodes.map((n) => n.data.value).sort()).toEqual(successes.map((a) => a.value).sort());

    // And so does the store itself: exactly one new event per success, all on this stream, nothing else appended.
    const db = new Database(path, { readonly: true });
    const appended = db
      .prepare<[number], { stream_id: string; stream_revision: number; value: number; reason: string }>(
        `SELECT stream_id, stream_revision, json_extract(data, '$.value') AS value, json_extract(metadata, '$.reason') AS reason
         FROM events WHERE position > ? ORDER BY position`,
      )
      .all(headBefore.position);
    db.close();
    expect(appended).toHaveLength(successes.length);
    expect(new Set(appended.map((e) => e.stream_id))).toEqual(new Set([streamId]));
    expect(appended.map((e) => e.stream_revision)).toEqual(successes.map((_, i) => revisionBefore + 1 + i));
    expect(appended.map((e) => e.reason).sort()).toEqual(successes.map((a) => `writer ${a.client} value ${a.value}`).sort());
    expect(storeHead(path).position).toBe(headBefore.position + successes.length);
    const verified = await clients[0]!.gql(`{ verifyLedger { ok headPosition } }`, undefined, auditor);
    expect(verified.json).toEqual({ data: { verifyLedger: { ok: true, headPosition: String(headBefore.position + successes.length) } } });

    await server!.kill('SIGTERM');
    server = null;
    const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
    try {
      expect(await ledger.verify()).toMatchObject({ ok: true, headPosition: headBefore.position + successes.length });
    } finally {
      await ledger.close();
    }
    console.log(
      `concurrent writers: ${CLIENTS} clients, ${attempts.length} attempts in ${rounds} rounds: ${successes.length} acknowledged = ${appended.length} new events, ` +
        `${conflicts.length} CONFLICT, 0 lost, chain verified (${Date.now() - started} ms)`,
    );
  }, 120_000);
});
