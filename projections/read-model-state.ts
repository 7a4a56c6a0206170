// Where the read model stands (its state): the checkpoint (the last log position applied) and a few facts about the
// read model kept beside it (its version, the log's first hash, a rebuild under way).
import type { Database } from 'better-sqlite3';

/** Raise when the two tables below change shape: read models written before are then rebuilt. */
export const CHECKPOINT_SCHEMA_VERSION = 1;

const CHECKPOINT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rm_checkpoint (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS rm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
const CHECKPOINT = 'read-model';
const FIRST_EVENT_HASH = 'first-event-hash';

export type MetaKey = 'read-model-version' | 'rebuild-started-at' | typeof FIRST_EVENT_HASH;

export class ReadModelState {
  private readonly readPosition;
  private readonly writePosition;
  private readonly readMeta;
  private readonly writeMeta;
  private readonly deleteMeta;

  constructor(readonly db: Database) {
    db.exec(CHECKPOINT_SCHEMA);
    this.readPosition = db.prepare<[string], number>('SELECT position FROM rm_checkpoint WHERE name = ?').pluck();
    this.writePosition = db.prepare(
      'INSERT INTO rm_checkpoint (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.readMeta = db.prepare<[string], string>('SELECT value FROM rm_meta WHERE key = ?').pluck();
    // A fact already kept is not written again: opening a ledger to read it (export) or to refuse a file
    // must leave the store's files as they were.
    this.writeMeta = db.prepare<[string, string]>(
      'INSERT INTO rm_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value',
    );
    this.deleteMeta = db.prepare<[string]>('DELETE FROM rm_meta WHERE key = ?');
  }

  position(): number {
    return this.readPosition.get(CHECKPOINT) ?? 0;
  }

  moveTo(position: number): void {
    this.writePosition.run(CHECKPOINT, position);
  }

  meta(key: MetaKey): string | undefined {
    return this.readMeta.get(key);
  }

  setMeta(key: MetaKey, value: string): void {
    this.writeMeta.run(key, value);
  }

  deleteMetaKey(key: MetaKey): void {
    this.deleteMeta.run(key);
  }

  /** The hash of the log's first event, as the read model saw it: tells which log it was built from. */
  firstEventHash(): string | undefined {
    return this.meta(FIRST_EVENT_HASH);
  }

  setFirstEventHash(hash: string): void {
    this.setMeta(FIRST_EVENT_HASH, hash);
  }

  /** Back to the start of the log: no checkpoint, no facts. */
  clear(): void {
    this.db.exec('DELETE FROM rm_checkpoint; DELETE FROM rm_meta');
  }
}
