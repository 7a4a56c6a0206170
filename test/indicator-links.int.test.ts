// Identity across editions: the 2022 report renames NPO法人数 to NPO法人の数 (same measure, same row). Until
// a person links them the ledger holds two indicators, one dropped and one added; after the link the
// renamed one carries what was stated under its old name, in every read, after a rebuild, and through
// the present held in memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { absences } from '../projections/queries/catalog-queries';
import { valuesOf } from '../projections/queries/value-queries';
import { Ledger } from '../src/application/ledger';
import { DomainError } from '../src/domain/domain-error';
import { createApolloServer } from '../src/graphql/apollo-server';
import { createRequestContext, type RequestContext } from '../src/graphql/context';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { editionText, renamed2022Text, RENAMED, viewAsOfEdition } from './support/editions';
import { dumpReadModel } from './support/read-model-dump';

const { from: FROM, to: TO } = RENAMED;
const INDICATOR = `query($id: ID!) {
  indicator(id: $id) {
    id name linkedFrom
    values { fiscalYear target actual targetText actualText targetRevised targetEdition actualEdition }
    target2023: history(fiscalYear: 2023, kind: TARGET) { eventId value edition actor }
    actual2021: history(fiscalYear: 2021, kind: ACTUAL) { eventId value edition }
    change(fiscalYear: 2023, kind: TARGET, fromEdition: 2021, toEdition: 2022) { from to delta changed }
  }
}`;
const CHANGES = `{
  editionChanges(edition: 2022) {
    addedIndicators { id } droppedIndicators { id }
    revisions { indicator { id } fiscalYear kind fromEdition from to }
  }
}`;
/** The ids editionChanges lists as added and dropped. */
function listed(data: Record<string, unknown>): { added: string[]; dropped: string[] } {
  const changes = data['editionChanges'] as { addedIndicators: { id: string }[]; droppedIndicators: { id: string }[] };
  return { added: changes.addedIndicators.map((i) => i.id), dropped: changes.droppedIndicators.map((i) => i.id) };
}
const OTHER = '5-1-1/第7次上山市振興計画の市民浸透度';
const OWNER = `{ measure(code: "5-1-1") { indicators { id name values { fiscalYear target actual } } } }`;

describe('linking an indicator renamed between editions', () => {
  let dir: string;
  let ledger: Ledger;
  /** The same file without the present held in memory: every read of now from SQLite. */
  let uncached: Ledger;
  let server: ApolloServer<RequestContext>;

  const ask = async (query: string, variables: Record<string, unknown> = {}, on: Ledger = ledger) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: createRequestContext(on, 'tester') });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    return response.body.singleResult.data as Record<string, unknown>;
  };
  const qualified = (id: string) => `062073:${id}`;
  const link = () => ledger.linkIndicator('062073', { from: FROM, to: TO, reason: '令和4年度に名称変更' }, 'editor-1');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'links-'));
    const path = join(dir, 'ledger.db');
    ledger = await Ledger.embedded(new SqliteEventStore({ path, backgroundCheckpoints: false }));
    uncached = await Ledger.embedded(new SqliteEventStore({ path, backgroundCheckpoints: false }), { presentCacheBytes: 0 });
    server = await createApolloServer();
    await ledger.importReport(editionText(2021), { municipality: '062073', actor: 'importer' });
    await ledger.importReport(renamed2022Text(), { municipality: '062073', actor: 'importer' });
  });
  afterAll(async () => {
    await server.stop();
    await uncached.close();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the rename as one indicator dropped and another added until a person links them', async () => {
    // Read through the present in memory, so the link below must drop what it kept.
    await ask(INDICATOR, { id: TO });
    await ask(OWNER);
    expect(absences(ledger.readModel.databaseForTests()).map((a) => a.id)).toContain(qualified(FROM));
    const { added, dropped } = listed(await ask(CHANGES));
    expect(added).toContain(qualified(TO));
    expect(dropped).toContain(qualified(FROM));
  });

  it('refuses a link the domain would not take, naming the field', async () => {
    await expect(ledger.linkIndicator('062073', { from: FROM, to: OTHER, reason: 'r' }, 'e')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
      message: expect.stringMatching(/the 2021 edition reported both .*: they are two indicators/),
    });
    await expect(ledger.linkIndicator('062073', { from: '5-1-1/ない', to: TO, reason: 'r' }, 'e')).rejects.toBeInstanceOf(DomainError);
  });

  it('records ONE event with the actor and the reason', async () => {
    const head = await ledger.log.headPosition();
    const { position } = await link();
    expect(position).toBe(head + 1);
    const { auditTrail } = await ask(`{ auditTrail(filter: { eventType: "IndicatorLinked" }) { totalCount edges { node { type actor reason data } } } }`);
    expect(auditTrail).toEqual({
      totalCount: 1,
      edges: [{ node: { type: 'IndicatorLinked', actor: 'editor-1', reason: '令和4年度に名称変更', data: { indicatorId: FROM, ownerId: '5-1-1', to: TO, toOwnerId: '5-1-1' } } }],
    });
  });

  it('carries what was stated under the old name: values, history and change', async () => {
    const { indicator } = await ask(INDICATOR, { id: TO });
    expect(indicator).toMatchObject({ id: qualified(TO), name: 'NPO法人の数', linkedFrom: [qualified(FROM)] });
    const { values, target2023, actual2021, change } = indicator as Record<string, unknown>;
    expect(values).toContainEqual(expect.objectContaining({ fiscalYear: 2021, target: 17, actual: 17, targetEdition: 2021 }));
    expect(values).toContainEqual(expect.objectContaining({ fiscalYear: 2023, target: 19, targetRevised: true, targetEdition: 2022 }));
    expect(target2023).toEqual([expect.objectContaining({ value: 18, edition: 2021 }), expect.objectContaining({ value: 19, edition: 2022 })]);
    // Stated by the 2021 report under the old name, and again by the 2022 report's 令和3年度実績 column under the new.
    expect(actual2021).toEqual([expect.objectContaining({ value: 17, edition: 2021 }), expect.objectContaining({ value: 17, edition: 2022 })]);
    expect(change).toEqual({ from: 18, to: 19, delta: 1, changed: true });
  });

  it('answers the old id with the indicator it continues as', async () => {
    const { indicator } = await ask(INDICATOR, { id: FROM });
    expect(indicator).toEqual((await ask(INDICATOR, { id: TO }))['indicator']);
  });

  it('no longer reports the rename as dropped and added, and reports the revision across it', async () => {
    expect(absences(ledger.readModel.databaseForTests()).map((a) => a.id)).not.toContain(qualified(FROM));
    const data = await ask(CHANGES);
    const { added, dropped } = listed(data);
    expect([...added, ...dropped].filter((id) => id.startsWith('062073:5-1-1/'))).toEqual([]);
    expect((data['editionChanges'] as { revisions: unknown[] }).revisions).toContainEqual({
      indicator: { id: qualified(TO) }, fiscalYear: 2023, kind: 'TARGET', fromEdition: 2021, from: 18, to: 19,
    });
  });

  it('lists only the renamed indicator under its owner, under its old name as of the old edition', async () => {
    const { measure } = await ask(OWNER);
    const ids = (measure as { indicators: { id: string }[] }).indicators.map((i) => i.id);
    expect(ids).toContain(qualified(TO));
    expect(ids).not.toContain(qualified(FROM));
    const asOf2021 = viewAsOfEdition(ledger.readModel.databaseForTests(), 2021);
    expect(asOf2021.indicators[qualified(TO)]).toMatchObject({ name: 'NPO法人数' });
    expect(asOf2021.indicators[qualified(FROM)]).toBeUndefined();
  });

  // The link moves the statements, which keep their positions: a view of a time before the link shows
  // them under the indicator they continue as, as if the link had always been known (README).
  it('shows the merged history in views of a time before the link too', async () => {
    const before = (await ledger.log.headPosition()) - 1;
    const then = valuesOf(ledger.readModel.databaseForTests(), [qualified(TO), qualified(FROM)], { position: before, edition: null });
    expect(then.filter((v) => v.indicatorId === qualified(FROM))).toEqual([]);
    expect(then).toContainEqual(expect.objectContaining({ indicatorId: qualified(TO), fiscalYear: 2021, kind: 'ACTUAL', value: 17 }));
  });

  it('puts later statements made under the old id on the renamed indicator', async () => {
    await ledger.recordValue('062073', { indicatorId: FROM, fiscalYear: 2020, kind: 'ACTUAL', value: 15, text: '15 団体', reason: 'found the 2020 count' }, 'editor-1');
    const { indicator } = await ask(INDICATOR, { id: TO });
    expect((indicator as { values: unknown[] }).values).toContainEqual(expect.objectContaining({ fiscalYear: 2020, actual: 15 }));
  });

  it('refuses to link the old name a second time', async () => {
    await expect(ledger.linkIndicator('062073', { from: FROM, to: OTHER, reason: 'r' }, 'e')).rejects.toMatchObject({
      field: 'from',
      message: expect.stringMatching(/already/),
    });
  });

  it('answers from the present in memory what SQLite answers', async () => {
    for (const query of [OWNER, CHANGES]) expect(await ask(query)).toEqual(await ask(query, {}, uncached));
    for (const id of [FROM, TO]) expect(await ask(INDICATOR, { id })).toEqual(await ask(INDICATOR, { id }, uncached));
  });

  it('rebuilds the same read model from the log', async () => {
    const incremental = dumpReadModel(ledger);
    expect(incremental['rm_indicator_links']).toHaveLength(1);
    await ledger.rebuild();
    expect(dumpReadModel(ledger)).toEqual(incremental);
  });
});
