import type { Database } from 'better-sqlite3';
import type { Ledger } from '../../src/application/ledger';

/** Every row of the given tables in a stable order, for comparing two read models. */
export function dumpTables(db: Database, tables: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((table) => {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.map((c) => `"${c}"`).join(', ')}`).all();
      return [table, rows];
    }),
  );
}

/** Every read-model table of the ledger, dumped: what two read models are compared by. */
export function dumpReadModel(ledger: Ledger): Record<string, unknown[]> {
  return dumpTables(ledger.readModel.databaseForTests(), ledger.readModel.tableNames());
}
