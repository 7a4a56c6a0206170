// Which indicators a person linked to the one they continue as (IndicatorLinked), as a projection keeps
// them in a table of its own: `from_id` is an id whose rows were moved to `to_id`, and whose later events
// (an older edition imported after the link, say) land on `to_id` too. Every `to_id` is the end of its
// chain: a link only ever points at an indicator not linked away (the domain checks), and linking an
// indicator away re-points the links into it, so one lookup resolves any id.
import type { Database } from 'better-sqlite3';

export interface IndicatorAliases {
  /** The id an indicator's rows live under: its own, or the one it was linked to. */
  resolve(id: string): string;
  /** Records `from` → `to` (both qualified), and re-points the links that ended at `from`. */
  link(from: string, to: string, position: number): void;
  /** Every alias, from → to. */
  all(): ReadonlyMap<string, string>;
  /** Drops what is remembered of the table (Applier.forget). */
  forget(): void;
}

/** The DDL of an alias table (`table` is a constant of the projection that owns it). */
export const aliasTableSchema = (table: string): string => `
  CREATE TABLE IF NOT EXISTS ${table} (from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID;`;

export function indicatorAliases(db: Database, table: string): IndicatorAliases {
  const readAll = db.prepare<[], [string, string]>(`SELECT from_id, to_id FROM ${table}`).raw();
  const insert = db.prepare(`INSERT OR REPLACE INTO ${table} (from_id, to_id, position) VALUES (?, ?, ?)`);
  const repoint = db.prepare(`UPDATE ${table} SET to_id = ? WHERE to_id = ?`);
  // Links are few (a person makes each), so all of them are held; read again after forget().
  let aliases: Map<string, string> | null = null;
  const loaded = (): Map<string, string> => {
    aliases ??= new Map(readAll.all());
    return aliases;
  };
  return {
    resolve: (id) => loaded().get(id) ?? id,
    link(from, to, position) {
      const map = loaded();
      const end = map.get(to) ?? to;
      repoint.run(end, from);
      insert.run(from, end, position);
      for (const [key, value] of map) if (value === from) map.set(key, end);
      map.set(from, end);
    },
    all: () => loaded(),
    forget: () => {
      aliases = null;
    },
  };
}

/** Each id, and the id its rows live under when it was linked to another (Applier.touches). */
export function withAliases(ids: readonly string[], resolve: (id: string) => string): readonly string[] {
  return [...new Set(ids.flatMap((id) => [id, resolve(id)]))];
}
