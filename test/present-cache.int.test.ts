// The present held in memory answers exactly what the read model does, whatever changed since it was
// filled: imports of newer and older editions, direct edits, another connection's writes, a rebuild.
// A ledger with it and one without, on the same file, are asked the same questions after each change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { Ledger } from '../src/application/ledger';
import { createRequestContext, type RequestContext } from '../src/graphql/context';
import { createApolloServer } from '../src/graphql/apollo-server';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { editionText } from './support/editions';

const VALUES = 'values { fiscalYear target actual targetText actualText achievementRate targetRevised }';
const HISTORY = (fy: number, kind: string) =>
  `${kind.toLowerCase()}${fy}: history(fiscalYear: ${fy}, kind: ${kind}) { eventId value text previousValue previousText edition recordedAt actor reason }`;
const HISTORIES = [2020, 2021, 2022, 2023].flatMap((fy) => [HISTORY(fy, 'TARGET'), HISTORY(fy, 'ACTUAL')]).join('\n');
const EVERYTHING_OF_NOW = `{
  measures {
    code title department editions goals { number title } results
    indicators { id name unit kind direction ${VALUES} ${HISTORIES} }
    projects { id name editions indicators { id name ${VALUES} ${HISTORIES} } cost { ${VALUES} } }
  }
}`;
const ONE_MEASURE = `{ measure(code: "5-1-1") { code editions indicators { id ${VALUES} ${HISTORY(2022, 'TARGET')} } } }`;

describe('the present held in memory', () => {
  let dir: string;
  let cached: Ledger;
  let uncached: Ledger;
  let server: ApolloServer<RequestContext>;
  let statements = 0;

  const ask = async (ledger: Ledger, query: string) => {
    const response = await server.executeOperation({ query }, { contextValue: createRequestContext(ledger, 'tester') });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    return response.body.singleResult.data;
  };
  const expectSameAnswers = async () => expect(await ask(cached, EVERYTHING_OF_NOW)).toEqual(await ask(uncached, EVERYTHING_OF_NOW));
  const edit = (ledger: Ledger, fiscalYear: number, kind: 'TARGET' | 'ACTUAL', value: number) =>
    ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear, kind, value, text: null, reason: 'corrected' }, 'editor');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'present-cache-'));
    const path = join(dir, 'ledger.db');
    cached = await Ledger.embedded(new SqliteEventStore({ path, backgroundCheckpoints: false, verbose: () => (statements += 1) }));
    uncached = await Ledger.embedded(new SqliteEventStore({ path, backgroundCheckpoints: false }), { presentCacheBytes: 0 });
    server = await createApolloServer();
    await cached.importReport(editionText(2022), { municipality: '062073', actor: 'importer' });
    await expectSameAnswers();
  });
  afterAll(async () => {
    await server.stop();
    await cached.close();
    await uncached.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated question of now without reading SQLite', async () => {
    const first = await ask(cached, ONE_MEASURE);
    statements = 0;
    expect(await ask(cached, ONE_MEASURE)).toEqual(first);
    expect(statements).toBe(0);
  });

  it('follows an older edition imported later, which restates what newer ones said', async () => {
    await cached.importReport(editionText(2021), { municipality: '062073', actor: 'importer' });
    await expectSameAnswers();
  });

  it('follows direct edits, each dropping only what it changed', async () => {
    await edit(cached, 2022, 'TARGET', 31);
    await expectSameAnswers();
    await edit(cached, 2022, 'ACTUAL', 17);
    await expectSameAnswers();
  });

  it('follows a newer edition', async () => {
    await cached.importReport(editionText(2023), { municipality: '062073', actor: 'importer' });
    await expectSameAnswers();
  });

  it("follows another connection's writes once it sees the read model's new position", async () => {
    await expectSameAnswers();
    await edit(uncached, 2023, 'TARGET', 44);
    // Another process's writes are seen at the next read of the position (at most 25 ms later).
    cached.readModel.position.changed();
    await expectSameAnswers();
  });

  it('follows a rebuild', async () => {
    await expectSameAnswers();
    await cached.rebuild();
    await edit(cached, 2021, 'TARGET', 12);
    await expectSameAnswers();
  });
});
