import { parseStoreLocation } from '../config/store-url';
import type { EventStore } from '../store/event-store';
import { KurrentDbEventStore } from '../store/kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from '../store/postgres/postgres-event-store';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';

export interface OpenStoreOptions {
  postgresSchema?: string | undefined;
  /** The embedded store's background WAL checkpoints report failures here. */
  onCheckpointError?: ((message: string) => void) | undefined;
}

/** The store a PLAN_LEDGER_STORE-style location names, without any read model. */
export function openStore(location: string | undefined, options: OpenStoreOptions = {}): EventStore {
  const parsed = parseStoreLocation(location);
  switch (parsed.kind) {
    case 'sqlite':
      return new SqliteEventStore({ path: parsed.path, ...(options.onCheckpointError ? { onCheckpointError: options.onCheckpointError } : {}) });
    case 'postgres':
      return new PostgresEventStore({ connectionString: parsed.url, ...(options.postgresSchema ? { schema: options.postgresSchema } : {}) });
    case 'kurrentdb':
      return new KurrentDbEventStore({ connectionString: parsed.url });
  }
}
