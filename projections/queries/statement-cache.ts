// Queries are asked thousands of times a second under load; preparing their SQL each time costs more
// than running it. Statements are kept per connection, keyed by their text (which is built from a small
// fixed set of shapes, so the cache stays small).
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement<unknown[]>>>();

export function statement<Row = unknown>(db: Database, sql: string): Statement<unknown[], Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare<unknown[]>(sql);
    cache.set(sql, prepared);
  }
  return prepared as Statement<unknown[], Row>;
}

/** The same, answering the first column only. */
export function pluckStatement<Value = unknown>(db: Database, sql: string): Statement<unknown[], Value> {
  return statement<Value>(db, `${sql} -- pluck`).pluck(true) as Statement<unknown[], Value>;
}
