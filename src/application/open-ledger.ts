import { join } from 'node:path';
import { parseStoreLocation } from '../config/store-url';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { Ledger } from './ledger';

export interface LedgerConfig {
  /** PLAN_LEDGER_STORE. */
  store?: string;
  /** PLAN_LEDGER_READ_MODEL, for server stores: sqlite:PATH. */
  readModel?: string;
}

export async function openLedger(config: LedgerConfig = {}): Promise<Ledger> {
  const location = parseStoreLocation(config.store);
  switch (location.kind) {
    case 'sqlite':
      return Ledger.embedded(new SqliteEventStore({ path: location.path }));
    default: {
      const readModel = config.readModel?.replace(/^sqlite:/, '') || join('data', 'read-model.db');
      throw new Error(`the ${location.kind} store is not wired yet (read model would be ${readModel})`);
    }
  }
}
