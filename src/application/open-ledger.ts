import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseStoreLocation } from '../config/store-url';
import type { EventStore } from '../store/event-store';
import { KurrentDbEventStore } from '../store/kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from '../store/postgres/postgres-event-store';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { Ledger } from './ledger';

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
  const location = parseStoreLocation(config.store);
  if (location.kind === 'sqlite') return Ledger.embedded(new SqliteEventStore({ path: location.path }));
  const store: EventStore =
    location.kind === 'postgres'
      ? new PostgresEventStore({ connectionString: location.url, ...(config.postgresSchema ? { schema: config.postgresSchema } : {}) })
      : new KurrentDbEventStore({ connectionString: location.url });
  return Ledger.withReadModel(store, readModelPath(config.readModel), options);
}
