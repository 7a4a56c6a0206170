import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { sampleText } from '../../test/support/sample';
import { Ledger } from './ledger';

const NPO = '5-1-1/NPO法人数';
const edit = (value: number) => ({ indicatorId: NPO, fiscalYear: 2022, kind: 'ACTUAL' as const, value, text: null, reason: 'count' });

describe('the folded-stream cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const previousOf = (ledger: Ledger, position: number) =>
    JSON.parse(ledger.readModel.databaseForTests().prepare<[number], string>('SELECT data FROM events WHERE position = ?').pluck().get(position) ?? '{}') as { previousValue: number | null };

  it('decides on what it folded in after each commit, without reading the stream again', async () => {
    const store = new SqliteEventStore({ path: join(dir, 'ledger.db') });
    const ledger = await Ledger.embedded(store);
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await ledger.recordValue('062073', edit(19), 'editor');
    const readStream = jest.spyOn(store, 'readStream');
    const second = await ledger.recordValue('062073', edit(20), 'editor');
    const third = await ledger.recordValue('062073', edit(21), 'editor');
    expect(readStream).not.toHaveBeenCalled();
    expect(previousOf(ledger, second.position).previousValue).toBe(19);
    expect(previousOf(ledger, third.position).previousValue).toBe(20);
    expect(third.revision).toBe(second.revision + 1);
    expect(ledger.streamStates?.size).toBeGreaterThan(0);
    await ledger.close();
  });

  it('folds from the log again when another writer appended to the stream', async () => {
    const path = join(dir, 'ledger.db');
    const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await ledger.recordValue('062073', edit(19), 'editor');
    // Another process on the same file: this ledger's cache never sees its commit.
    const other = await Ledger.embedded(new SqliteEventStore({ path }));
    await other.recordValue('062073', edit(30), 'someone-else');
    await other.close();
    await ledger.catchUp();
    const result = await ledger.recordValue('062073', edit(31), 'editor');
    expect(previousOf(ledger, result.position).previousValue).toBe(30);
    expect((await ledger.verify()).ok).toBe(true);
    await ledger.close();
  });
});
