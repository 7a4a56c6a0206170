import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { Ledger, type LedgerOptions } from './ledger';
import { openStore } from './open-store';
import { ConfigurationError } from '../config/configuration-error';

export interface LedgerConfig {
  /** PLAN_LEDGER_STORE. */
  store?: string | undefined;
  /** PLAN_LEDGER_READ_MODEL, for server stores: sqlite:PATH. */
  readModel?: string | undefined;
  /** PLAN_LEDGER_POSTGRES_SCHEMA: one PostgreSQL database can hold several ledgers. */
  postgresSchema?: string | undefined;
  /** PLAN_LEDGER_PRESENT_CACHE_MB: memory for the present held in memory, in MiB (0: none). */
  presentCacheMb?: string | undefined;
}

export const DEFAULT_READ_MODEL = 'sqlite:data/read-model.db';

export function ledgerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  return {
    store: env['PLAN_LEDGER_STORE'],
    readModel: env['PLAN_LEDGER_READ_MODEL'],
    postgresSchema: env['PLAN_LEDGER_POSTGRES_SCHEMA'],
    presentCacheMb: env['PLAN_LEDGER_PRESENT_CACHE_MB'],
  };
}

/** The options the configuration sets: a bad value stops the start, naming the variable. */
export function ledgerOptions(config: LedgerConfig): LedgerOptions {
  const text = (config.presentCacheMb ?? '').trim();
  if (text === '') return {};
  if (!/^\d+$/.test(text)) throw new ConfigurationError(`PLAN_LEDGER_PRESENT_CACHE_MB must be a whole number of MiB (0 switches it off), got ${JSON.stringify(config.presentCacheMb)}`);
  return { presentCacheBytes: Number(text) * 1024 * 1024 };
}

function readModelPath(value: string | undefined): string {
  const text = (value ?? '').trim() || DEFAULT_READ_MODEL;
  if (!text.startsWith('sqlite:') || text.length === 'sqlite:'.length) {
    throw new ConfigurationError(`PLAN_LEDGER_READ_MODEL must be sqlite:PATH, got ${JSON.stringify(text)}`);
  }
  const path = text.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return path;
}

export interface OpenLedgerOptions {
  /** false: catch the read model up once, without following the log (one-shot CLI commands). */
  follow?: boolean;
  /** The embedded store's background WAL checkpoints report failures here (`serve` logs them). */
  onCheckpointError?: (message: string) => void;
}

/** Opens the store PLAN_LEDGER_STORE names, with its read model caught up (and following the log, unless `follow: false`). */
export async function openLedger(config: LedgerConfig = ledgerConfigFromEnv(), options: OpenLedgerOptions = {}): Promise<Ledger> {
  const chosen = ledgerOptions(config);
  const store = openStore(config.store, { postgresSchema: config.postgresSchema, onCheckpointError: options.onCheckpointError });
  if (store instanceof SqliteEventStore) return Ledger.embedded(store, chosen);
  return Ledger.withReadModel(store, readModelPath(config.readModel), { ...chosen, ...(options.follow !== undefined ? { follow: options.follow } : {}) });
}
