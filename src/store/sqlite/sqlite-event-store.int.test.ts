import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-sqlite-'));
  const path = join(dir, 'ledger.db');
  return {
    store: new SqliteEventStore({ path }),
    openSibling: () => new SqliteEventStore({ path }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteEventStore', () => {
  it('refuses to update or delete a logged event, whoever asks', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    await store.append([{ streamId: 'x', expectedRevision: 'any', events: [{ id: 'e1', type: 'T', version: 1, data: {}, metadata: { actor: 'a', reason: null, edition: null, source: null, correlationId: 'c', causationId: null } }] }]);
    expect(() => store.db.prepare("UPDATE events SET type = 'U'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    await store.close();
  });
});
