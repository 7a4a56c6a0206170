import { ProjectionRunner } from '../projections/runner';
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { importInOrder, permutations, renamed2022Text, RENAMED, YEARS } from './support/editions';
import { dumpTables } from './support/read-model-dump';
import { sampleText } from './support/sample';

describe('rebuild', () => {
  let ledger: Ledger;

  beforeEach(async () => {
    ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await ledger.recordValue('062073', 
      { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2022, kind: 'ACTUAL', value: 19, text: '19 団体', reason: 'mid-year count' },
      'editor-1',
    );
    await ledger.recordValue('062073', 
      { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2023, kind: 'TARGET', value: 20, text: null, reason: 'plan revised' },
      'editor-2',
    );
  });
  afterEach(() => ledger.close());

  it('yields tables identical to the incremental projections', async () => {
    // A renaming edition and its link fill the link tables; a statement made under the old id after the
    // link lands on the new one, as the replay's end moves the earlier ones there.
    await ledger.importReport(renamed2022Text(), { municipality: '062073', actor: 'importer' });
    await ledger.linkIndicator('062073', { from: RENAMED.from, to: RENAMED.to, reason: 'renamed' }, 'editor-1');
    await ledger.recordValue('062073', { indicatorId: RENAMED.from, fiscalYear: 2020, kind: 'ACTUAL', value: 15, text: null, reason: 'found' }, 'editor-1');
    const tables = ledger.readModel.tableNames();
    const incremental = dumpTables(ledger.readModel.databaseForTests(), tables);
    expect(Object.values(incremental).every((rows) => rows.length > 0)).toBe(true);
    const position = await ledger.rebuild();
    expect(position).toBe(await ledger.log.headPosition());
    expect(dumpTables(ledger.readModel.databaseForTests(), tables)).toEqual(incremental);
  });

  // A replay fills the current-value tables from the statements in one pass at the end, where live
  // appends upsert them event by event; older editions imported after newer ones restate identity fields.
  it.each(permutations(YEARS).map((order) => [order.join(' → '), order] as const))(
    'yields tables identical to the incremental projections after the editions in the order %s',
    async (_, order) => {
      const editions = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
      try {
        await importInOrder(editions, order);
        await editions.recordValue('062073', 
          { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2022, kind: 'TARGET', value: 21, text: null, reason: 'revised again' },
          'editor-1',
        );
        const tables = editions.readModel.tableNames();
        const incremental = dumpTables(editions.readModel.databaseForTests(), tables);
        await editions.rebuild();
        expect(dumpTables(editions.readModel.databaseForTests(), tables)).toEqual(incremental);
      } finally {
        await editions.close();
      }
    },
  );

  it('catches up from its checkpoint instead of starting over', async () => {
    const head = await ledger.log.headPosition();
    expect(ledger.readModel.checkpoint()).toBe(head);
    expect(await ledger.catchUp()).toBe(head);
  });

  it('refuses to apply an event that skips a position', () => {
    const next = ledger.readModel.checkpoint() + 2;
    expect(() =>
      new ProjectionRunner(ledger.readModel.databaseForTests(), 'same-database').applyInTransaction([
        { id: 'x', type: 'TargetSet', version: 1, data: {}, metadata: { actor: 'a', reason: null, edition: null, source: null, correlationId: 'c', causationId: null }, streamId: 's', streamRevision: 0, position: next, recordedAt: new Date().toISOString(), hash: 'h', previousHash: null },
      ]),
    ).toThrow(/missing/);
  });
});
