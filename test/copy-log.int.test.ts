import { Ledger } from '../src/application/ledger';
import { copyLog } from '../src/application/copy-log';
import { PostgresEventStore } from '../src/store/postgres/postgres-event-store';
import { dropSchema, freshSchemaName } from '../src/store/postgres/testing/test-database';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { dumpTables } from './support/read-model-dump';
import { describeWithPostgres } from './support/postgres';
import { sampleText } from './support/sample';

describeWithPostgres('plan-ledger copy', (url) => {
  it('moves a ledger SQLite → PostgreSQL → SQLite with the chain intact and the same read model', async () => {
    const original = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await original.importReport(sampleText(), { actor: 'importer' });
    await original.recordValue({ indicatorId: '5-1-1/NPO法人数', fiscalYear: 2022, kind: 'ACTUAL', value: 18, text: null, reason: 'counted' }, 'editor');
    const schema = freshSchemaName();
    const postgres = new PostgresEventStore({ connectionString: url, schema });
    const back = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    try {
      const there = await copyLog(original.store, postgres);
      expect(there.copied).toBe(await original.store.headPosition());
      expect(there.target).toEqual(there.source);
      const again = await copyLog(original.store, postgres);
      expect(again.copied).toBe(0);

      const home = await copyLog(postgres, back.store);
      expect(home.target).toEqual(there.source);
      expect(dumpTables(back.db, back.projections.tableNames())).toEqual(dumpTables(original.db, original.projections.tableNames()));
    } finally {
      await Promise.all([original.close(), back.close(), postgres.close()]);
      await dropSchema(url, schema);
    }
  });
});
