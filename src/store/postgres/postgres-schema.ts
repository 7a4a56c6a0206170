import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { inTransaction } from './transaction';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Schema names go into DDL and channel names, so only plain lower-case identifiers are accepted. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}": use 1-48 characters of a-z, 0-9 and _, not starting with a digit`);
  }
}

/** A stable 64-bit advisory-lock key per schema and purpose, so separate ledgers never wait on each other. */
export function advisoryLockKey(schema: string, purpose: 'append' | 'migrate'): string {
  return createHash('sha256').update(`plan-ledger:${purpose}:${schema}`).digest().readBigInt64BE(0).toString();
}

/** The NOTIFY channel an append announces itself on. */
export function appendChannel(schema: string): string {
  return `${schema}_appended`;
}

// Triggers make the log append-only for every connection, not just this adapter's code paths
// (a superuser can still disable them; the hash chain is what detects that). TRUNCATE gets its own
// statement-level trigger because row triggers do not fire for it.
// CREATE OR REPLACE TRIGGER needs PostgreSQL 14 or later.
function logSchemaDdl(schema: string): string {
  const s = `"${schema}"`;
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.events (
  position        BIGINT      PRIMARY KEY CHECK (position > 0),
  id              TEXT        NOT NULL UNIQUE,
  stream_id       TEXT        NOT NULL,
  stream_revision INTEGER     NOT NULL CHECK (stream_revision >= 0),
  type            TEXT        NOT NULL,
  version         INTEGER     NOT NULL,
  data            JSONB       NOT NULL,
  metadata        JSONB       NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  hash            TEXT        NOT NULL,
  previous_hash   TEXT,
  UNIQUE (stream_id, stream_revision)
);
CREATE OR REPLACE FUNCTION ${s}.reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only' USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE OR REPLACE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON ${s}.events
  FOR EACH ROW EXECUTE FUNCTION ${s}.reject_event_change();
CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}.reject_event_change();
`;
}

/**
 * Creates the schema if it is missing. Safe to run from several processes at once: IF NOT EXISTS alone
 * is not (two concurrent CREATEs can both pass the check and one then fails on the catalog's unique
 * index), so the DDL runs under a transaction-scoped advisory lock.
 */
export async function ensureLogSchema(pool: Pool, schema: string): Promise<void> {
  assertSchemaName(schema);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey(schema, 'migrate')]);
    await client.query(logSchemaDdl(schema));
  });
}
