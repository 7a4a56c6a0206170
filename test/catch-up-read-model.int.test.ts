// With a server store each API node keeps its own read model, fed by a checkpointed subscription.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { PostgresEventStore } from '../src/store/postgres/postgres-event-store';
import { dropSchema, freshSchemaName } from '../src/store/postgres/testing/test-database';
import { describeWithPostgres } from './support/postgres';
import { dumpReadModel } from './support/read-model-dump';
import { sampleText } from './support/sample';

describeWithPostgres('catch-up read models on a PostgreSQL store', (url) => {
  let schema: string;
  let dir: string;
  const open: Ledger[] = [];

  const node = async (name: string, options: { follow?: boolean } = {}) => {
    const ledger = await Ledger.withReadModel(new PostgresEventStore({ connectionString: url, schema }), join(dir, `${name}.db`), options);
    open.push(ledger);
    return ledger;
  };

  beforeEach(() => {
    schema = freshSchemaName();
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-catch-up-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
    await dropSchema(url, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a write through one node from the other, and a mutation reads its own write', async () => {
    const a = await node('a');
    const b = await node('b');
    const summary = await a.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    // Read-your-writes: the writing node has projected its own append before answering.
    expect(a.readModel.checkpoint()).toBe(summary.position);
    await b.waitForPosition(summary.position);
    expect(dumpReadModel(b)).toEqual(dumpReadModel(a));
    const edit = await b.recordValue('062073', 
      { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2022, kind: 'ACTUAL', value: 18, text: null, reason: 'counted' },
      'editor',
    );
    await a.waitForPosition(edit.position);
    const actual = a.readModel.valuesNow(['062073:5-1-1/NPO法人数']).get('062073:5-1-1/NPO法人数')?.values.find((v) => v.fiscalYear === 2022 && v.kind === 'ACTUAL');
    expect(actual?.value).toBe(18);
  });

  it('resumes from its checkpoint after a restart, and rebuilds to the same tables', async () => {
    const writer = await node('writer');
    const reader = await node('reader');
    const first = await writer.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await reader.waitForPosition(first.position);
    await reader.close();
    open.splice(open.indexOf(reader), 1);
    const edit = await writer.recordValue('062073', 
      { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2023, kind: 'TARGET', value: 20, text: null, reason: 'revised' },
      'editor',
    );
    const restarted = await node('reader');
    await restarted.waitForPosition(edit.position);
    const incremental = dumpReadModel(restarted);
    await restarted.rebuild();
    expect(dumpReadModel(restarted)).toEqual(incremental);
    const valueEvents = restarted.readModel.databaseForTests().prepare(`SELECT COUNT(*) FROM rm_audit_log WHERE type GLOB 'Target*' OR type GLOB 'Actual*'`).pluck().get();
    expect(incremental['rm_value_statements']).toHaveLength(Number(valueEvents));
    expect(restarted.readModel.checkpoint()).toBe(await writer.log.headPosition());
  });
});

describeWithPostgres('a read model file built from another log', (url) => {
  it('is rebuilt rather than trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-identity-'));
    const [first, second] = [freshSchemaName(), freshSchemaName()];
    const path = join(dir, 'read-model.db');
    try {
      const a = await Ledger.withReadModel(new PostgresEventStore({ connectionString: url, schema: first }), path);
      await a.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
      await a.close();
      const b = await Ledger.withReadModel(new PostgresEventStore({ connectionString: url, schema: second }), path);
      try {
        expect(b.readModel.checkpoint()).toBe(0);
        expect(b.readModel.databaseForTests().prepare('SELECT COUNT(*) FROM rm_audit_log').pluck().get()).toBe(0);
      } finally {
        await b.close();
      }
    } finally {
      await Promise.all([dropSchema(url, first), dropSchema(url, second)]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
