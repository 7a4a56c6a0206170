// Which projections wrote a read model. A ledger opening one written by other projections (an earlier
// or later release) drops it and rebuilds it, rather than reading tables of another shape or meaning.
import type { Database } from 'better-sqlite3';
import type { LogPlacement } from './all';
import { CHECKPOINT_SCHEMA_VERSION, type ReadModelState } from './read-model-state';
import type { Projection } from './projection';

/**
 * The projections' names and version numbers, the checkpoint's, and where the log is (its payloads are
 * a view of the log's own table, or a copy). A projection bumps its `version` when its tables or what it
 * writes change; an edited comment changes nothing. Releases before these numbers wrote `1:<digest of
 * the DDL>`, which never equals this, so their read models are rebuilt once.
 */
export function readModelVersion(projections: readonly Projection[], log: LogPlacement, only: ReadonlySet<string> | null = null): string {
  const parts = projections.map((p) => `${p.name}@${p.version}`);
  // A read model of some municipalities is rebuilt when the list changes: it holds nothing of the others.
  const kept = only === null ? [] : [`municipalities:${[...only].sort().join(',')}`];
  return [`checkpoint@${CHECKPOINT_SCHEMA_VERSION}`, ...parts, `log:${log}`, ...kept].join(' ');
}

/** Why the read model in `state`'s database must be rebuilt before it is read; null when it can be caught up. */
function whyStale(state: ReadModelState, version: string): string | null {
  if (state.meta('rebuild-started-at') !== undefined) return 'its last rebuild did not finish';
  const written = state.meta('read-model-version');
  if (written === version) return null;
  const projectionsOf = (v: string) => v.replace(/ municipalities:\S*$/, '');
  if (written !== undefined && projectionsOf(written) === projectionsOf(version)) return 'it kept other municipalities (PLAN_LEDGER_MUNICIPALITIES changed)';
  if (written !== undefined) return 'other projections wrote it (an earlier or later release)';
  return state.position() > 0 ? 'a release without read-model versions wrote it' : null;
}

/** Every read-model table and view (the rm_ prefix), and the checkpoint back to the start of the log. */
function dropReadModel(db: Database, state: ReadModelState): void {
  const objects = db
    .prepare<[], { type: string; name: string }>(
      `SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') AND name GLOB 'rm_*' AND name NOT IN ('rm_checkpoint', 'rm_meta')`,
    )
    .all();
  for (const { type, name } of objects) db.exec(`DROP ${type === 'view' ? 'VIEW' : 'TABLE'} "${name}"`);
  state.clear();
}

/**
 * Creates the projections' tables, first dropping those of a read model other projections wrote (they
 * would survive CREATE TABLE IF NOT EXISTS), and marks the read model with this version. Returns why it
 * must be rebuilt, or null.
 */
export function openReadModelTables(
  state: ReadModelState,
  projections: readonly Projection[],
  log: LogPlacement,
  only: ReadonlySet<string> | null = null,
): string | null {
  const { db } = state;
  const version = readModelVersion(projections, log, only);
  const staleBecause = whyStale(state, version);
  db.transaction(() => {
    if (staleBecause !== null) dropReadModel(db, state);
    for (const projection of projections) db.exec(projection.schema);
    state.setMeta('read-model-version', version);
  })();
  return staleBecause;
}
