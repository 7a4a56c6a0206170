import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { Ledger } from './ledger';
import { openStore } from './open-store';

export interface LedgerConfig {
  /** PLAN_LEDGER_STORE. */
  store?: string | undefined;
  /** PLAN_LEDGER_READ_MODEL, for server stores: sqlite:PATH. */
  readModel?: string | undefined;
  /** PLAN_LEDGER_POSTGRES_SCHEMA: one PostgreSQL database can hold several ledgers. */
  postgresSchema?: string | undefined;
}

export const DEFAULT_READ_MODEL = 'sqlite:data/read-model.db';

export function ledgerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  return {
    store: env['PLAN_LEDGER_STORE'],
    readModel: env['PLAN_LEDGER_READ_MODEL'],
    postgresSchema: env['PLAN_LEDGER_POSTGRES_SCHEMA'],
  };
}

function readModelPath(value: string | undefined): string {
  const text = (value ?? '').trim() || DEFAULT_READ_MODEL;
  if (!text.startsWith('sqlite:') || text.length === 'sqlite:'.length) {
    throw new Error(`PLAN_LEDGER_READ_MODEL must be sqlite:PATH, got ${JSON.stringify(text)}`);
  }
  const path = text.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** Opens the store PLAN_LEDGER_STORE names, with its read model caught up (and following the log, unless `follow: false`). */
export async function openLedger(config: LedgerConfig = ledgerConfigFromEnv(), options: { follow?: boolean } = {}): Promise<Ledger> {
  const store = openStore(config.store, { postgresSchema: config.postgresSchema });
  if (store instanceof SqliteEventStore) return Ledger.embedded(store);
  return Ledger.withReadModel(store, readModelPath(config.readModel), options);
}
