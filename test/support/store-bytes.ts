// The files of an SQLite store, byte for byte (as length and SHA-256): the database and its write-ahead
// log, once the background checkpointer has copied every committed frame into the database (it moves
// bytes from the one file to the other on its own schedule, without anything being written). Two equal
// answers mean nothing was written in between.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Ledger } from '../../src/application/ledger';

export async function storeBytes(ledger: Ledger, path: string): Promise<string[]> {
  const pending = () => {
    const [counts] = ledger.readModel.databaseForTests().pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
    return counts ? counts.log - counts.checkpointed : 0;
  };
  for (const deadline = Date.now() + 10_000; pending() > 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file))
    .map((bytes) => `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`);
}
