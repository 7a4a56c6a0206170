import { Ledger } from '../src/application/ledger';
import { copyLog } from '../src/application/copy-log';
import { PostgresEventStore } from '../src/store/postgres/postgres-event-store';
import { dropSchema, freshSchemaName } from '../src/store/postgres/testing/test-database';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { dumpReadModel } from './support/read-model-dump';
import { describeWithPostgres } from './support/postgres';
import { sampleText } from './support/sample';

describeWithPostgres('plan-ledger copy', (url) => {
  it('moves a ledger SQLite → PostgreSQL → SQLite with the chain intact and the same read model', async () => {
    const originalStore = new SqliteEventStore({ path: ':memory:' });
    const original = await Ledger.embedded(originalStore);
    await original.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await original.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2022, kind: 'ACTUAL', value: 18, text: null, reason: 'counted' }, 'editor');
    const schema = freshSchemaName();
    const postgres = new PostgresEventStore({ connectionString: url, schema });
    const backStore = new SqliteEventStore({ path: ':memory:' });
    const back = await Ledger.embedded(backStore);
    try {
      const there = await copyLog(originalStore, postgres);
      expect(there.copied).toBe(await original.log.headPosition());
      expect(there.target).toEqual(there.source);
      const again = await copyLog(originalStore, postgres);
      expect(again.copied).toBe(0);

      const home = await copyLog(postgres, backStore);
      expect(home.target).toEqual(there.source);
      expect(dumpReadModel(back)).toEqual(dumpReadModel(original));
    } finally {
      await Promise.all([original.close(), back.close(), postgres.close()]);
      await dropSchema(url, schema);
    }
  });
});
