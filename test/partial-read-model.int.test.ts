// PLAN_LEDGER_MUNICIPALITIES: a node keeps a read model of some municipalities of a national log, as a
// prefecture's node serves its own cities. Events of the others move its checkpoint and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOW } from '../projections/queries/as-of';
import { Ledger } from '../src/application/ledger';
import { ledgerConfigFromEnv, ledgerOptions, openLedger } from '../src/application/open-ledger';
import { ConfigurationError } from '../src/shared/configuration-error';
import { PostgresEventStore } from '../src/store/postgres/postgres-event-store';
import { dropSchema, freshSchemaName } from '../src/store/postgres/testing/test-database';
import { describeWithPostgres } from './support/postgres';
import { sampleText } from './support/sample';

describe('PLAN_LEDGER_MUNICIPALITIES', () => {
  it('takes codes and unambiguous names, and names a bad one', () => {
    const options = ledgerOptions(ledgerConfigFromEnv({ PLAN_LEDGER_MUNICIPALITIES: '072036, 上山市' }));
    expect([...(options.municipalities ?? [])].sort()).toEqual(['062073', '072036']);
    expect(() => ledgerOptions(ledgerConfigFromEnv({ PLAN_LEDGER_MUNICIPALITIES: '062074' }))).toThrow(
      new ConfigurationError('PLAN_LEDGER_MUNICIPALITIES: 062074 is not a municipality code: the check digit of 06207 is 3'),
    );
  });

  it('is refused beside the embedded store, whose read model is the log itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-partial-'));
    try {
      await expect(openLedger({ store: `sqlite:${join(dir, 'ledger.db')}`, municipalities: '062073' })).rejects.toThrow(/server store/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithPostgres('a read model of some municipalities on a national PostgreSQL log', (url) => {
  let schema: string;
  let dir: string;
  const open: Ledger[] = [];
  const node = async (name: string, municipalities: string[] | null) => {
    const store = new PostgresEventStore({ connectionString: url, schema });
    const ledger = await Ledger.withReadModel(store, join(dir, `${name}.db`), { municipalities: municipalities && new Set(municipalities) });
    open.push(ledger);
    return ledger;
  };

  beforeEach(() => {
    schema = freshSchemaName();
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-partial-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
    await dropSchema(url, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it("holds only its municipalities, follows the whole log's position, and is rebuilt when the list changes", async () => {
    const national = await node('national', null);
    for (const m of ['062073', '072036', '131016']) await national.importReport(sampleText(), { municipality: m, actor: 'importer' });
    const head = await national.log.headPosition();

    const fukushima = await node('fukushima', ['072036']);
    await fukushima.waitForPosition(head);
    expect(fukushima.readModel.checkpoint()).toBe(head);
    expect(fukushima.readModel.municipalities()).toEqual(['072036']);
    const measures = [...fukushima.readModel.entityRecords('measure', NOW, null).keys()];
    expect(measures.length).toBeGreaterThan(0);
    expect(measures.every((id) => id.startsWith('072036:'))).toBe(true);
    expect(national.readModel.municipalities()).toEqual(['062073', '072036', '131016']);
    await fukushima.close();
    open.splice(open.indexOf(fukushima), 1);

    const wider = await node('fukushima', ['072036', '062073']);
    expect(wider.readModel.staleBecause).toBe('it kept other municipalities (PLAN_LEDGER_MUNICIPALITIES changed)');
    await wider.waitForPosition(head);
    expect(wider.readModel.municipalities()).toEqual(['062073', '072036']);
  });
});
