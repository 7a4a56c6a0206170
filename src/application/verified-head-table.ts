// The last verified head, kept in the read model's database so a routine verification walks only what
// was appended since. It is a claim about the log, not a trust anchor: every walk first checks that the
// log still holds this hash at this position (verify-range.ts), so editing this row gains an attacker
// nothing but a failed verification. Losing it (a new read model) only makes the next walk a full one.
import type Database from 'better-sqlite3';
import type { VerifiedHead } from '../store/verify-range';

export class VerifiedHeadTable {
  private readonly select: Database.Statement<[], { position: number; hash: string }>;
  private readonly upsert: Database.Statement<[number, string, string]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS verified_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      position INTEGER NOT NULL,
      hash TEXT NOT NULL,
      verified_at TEXT NOT NULL
    )`);
    this.select = db.prepare('SELECT position, hash FROM verified_head WHERE id = 1');
    this.upsert = db.prepare(
      `INSERT INTO verified_head (id, position, hash, verified_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash, verified_at = excluded.verified_at`,
    );
  }

  get(): VerifiedHead | null {
    return this.select.get() ?? null;
  }

  set(head: VerifiedHead, at: Date = new Date()): void {
    this.upsert.run(head.position, head.hash, at.toISOString());
  }
}
