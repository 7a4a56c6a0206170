import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { Ledger, type LedgerOptions } from './ledger';
import { openStore } from './open-store';
import { ConfigurationError } from '../shared/configuration-error';
import { configuredMunicipality } from './configured-municipality';

export interface LedgerConfig {
  /** PLAN_LEDGER_STORE. */
  store?: string | undefined;
  /** PLAN_LEDGER_READ_MODEL, for server stores: sqlite:PATH. */
  readModel?: string | undefined;
  /** PLAN_LEDGER_POSTGRES_SCHEMA: one PostgreSQL database can hold several ledgers. */
  postgresSchema?: string | undefined;
  /** PLAN_LEDGER_PRESENT_CACHE_MB: memory for the present held in memory, in MiB (0: none). */
  presentCacheMb?: string | undefined;
  /** PLAN_LEDGER_MUNICIPALITY: the municipality of events written before the ledger held several. */
  municipality?: string | undefined;
  /** PLAN_LEDGER_MUNICIPALITIES: comma-separated codes or names a server store's read model keeps. */
  municipalities?: string | undefined;
}

export const DEFAULT_READ_MODEL = 'sqlite:data/read-model.db';

export function ledgerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  return {
    store: env['PLAN_LEDGER_STORE'],
    readModel: env['PLAN_LEDGER_READ_MODEL'],
    postgresSchema: env['PLAN_LEDGER_POSTGRES_SCHEMA'],
    presentCacheMb: env['PLAN_LEDGER_PRESENT_CACHE_MB'],
    municipality: env['PLAN_LEDGER_MUNICIPALITY'],
    municipalities: env['PLAN_LEDGER_MUNICIPALITIES'],
  };
}

/** The options the configuration sets: a bad value stops the start, naming the variable. */
export function ledgerOptions(config: LedgerConfig): LedgerOptions {
  const kept = keptMunicipalities(config.municipalities);
  const options: LedgerOptions = {
    ...(config.municipality?.trim() ? { legacyMunicipality: config.municipality } : {}),
    ...(kept ? { municipalities: kept } : {}),
  };
  const text = (config.presentCacheMb ?? '').trim();
  if (text === '') return options;
  if (!/^\d+$/.test(text)) throw new ConfigurationError(`PLAN_LEDGER_PRESENT_CACHE_MB must be a whole number of MiB (0 switches it off), got ${JSON.stringify(config.presentCacheMb)}`);
  return { ...options, presentCacheBytes: Number(text) * 1024 * 1024 };
}

/** PLAN_LEDGER_MUNICIPALITIES as codes; null (every municipality) when unset. */
function keptMunicipalities(value: string | undefined): ReadonlySet<string> | null {
  const names = (value ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) return null;
  return new Set(names.map((name) => configuredMunicipality(name, 'PLAN_LEDGER_MUNICIPALITIES')));
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
  if (store instanceof SqliteEventStore) {
    if (chosen.municipalities) {
      await store.close();
      throw new ConfigurationError('PLAN_LEDGER_MUNICIPALITIES keeps a read model of some municipalities beside a server store (PostgreSQL or KurrentDB); the embedded store keeps its read model in the log itself, of every municipality');
    }
    return Ledger.embedded(store, chosen);
  }
  return Ledger.withReadModel(store, readModelPath(config.readModel), { ...chosen, ...(options.follow !== undefined ? { follow: options.follow } : {}) });
}
