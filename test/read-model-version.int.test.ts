// A ledger opened on a read model its projections did not write (an older release's tables, or a
// rebuild cut short) rebuilds it before answering, so no one reads tables of the wrong shape or half full.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planEntitiesProjection } from '../projections/plan-entities';
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { dumpTables } from './support/read-model-dump';
import { sampleText } from './support/sample';

describe('read-model version', () => {
  let dir: string;
  let path: string;
  let expected: Record<string, unknown[]>;
  let tables: string[];

  const open = () => Ledger.embedded(new SqliteEventStore({ path }));

  /** Opens the ledger again: it must have rebuilt for `reason` to tables equal to the incremental ones. */
  const expectRebuiltOnReopen = async (reason: string, also: (ledger: Ledger) => void = () => undefined) => {
    const reopened = await open();
    try {
      expect(reopened.readModel.staleBecause).toBe(reason);
      also(reopened);
      expect(dumpTables(reopened.readModel.databaseForTests(), tables)).toEqual(expected);
    } finally {
      await reopened.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-rm-version-'));
    path = join(dir, 'ledger.db');
    const ledger = await open();
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await ledger.recordValue('062073', 
      { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2023, kind: 'TARGET', value: 20, text: null, reason: 'plan revised' },
      'editor',
    );
    tables = ledger.readModel.tableNames();
    expected = dumpTables(ledger.readModel.databaseForTests(), tables);
    await ledger.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a read model its projections wrote, and catches it up', async () => {
    const ledger = await open();
    try {
      expect(ledger.readModel.staleBecause).toBeNull();
      expect(ledger.readModel.databaseForTests().prepare("SELECT value FROM rm_meta WHERE key = 'rebuild-started-at'").get()).toBeUndefined();
      expect(dumpTables(ledger.readModel.databaseForTests(), tables)).toEqual(expected);
    } finally {
      await ledger.close();
    }
  });

  it('rebuilds a read model an older release wrote, in tables of the current shape', async () => {
    const ledger = await open();
    // The audit log as the release before this one wrote it: every payload copied into it.
    ledger.readModel.databaseForTests().exec(`
      DROP TABLE rm_audit_log;
      CREATE TABLE rm_audit_log (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL,
        stream_revision INTEGER NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT,
        edition INTEGER, data TEXT NOT NULL, hash TEXT NOT NULL, previous_hash TEXT);
      DELETE FROM rm_value_documents;
      DELETE FROM rm_meta WHERE key = 'read-model-version';
    `);
    await ledger.close();
    await expectRebuiltOnReopen('a release without read-model versions wrote it', (reopened) => {
      const columns = reopened.readModel.databaseForTests().prepare("SELECT name FROM pragma_table_info('rm_audit_log')").pluck().all();
      expect(columns).not.toContain('data');
    });
  });

  it('rebuilds a read model whose projections changed since they wrote it', async () => {
    const ledger = await open();
    ledger.readModel.databaseForTests().exec("UPDATE rm_meta SET value = '0:an-older-release' WHERE key = 'read-model-version'; DELETE FROM rm_value_documents");
    await ledger.close();
    await expectRebuiltOnReopen('other projections wrote it (an earlier or later release)');
  });

  it('rebuilds, once, a read model the release before projection versions wrote (a digest of the DDL)', async () => {
    const ledger = await open();
    ledger.readModel.databaseForTests().exec("UPDATE rm_meta SET value = '1:0123456789abcdef' WHERE key = 'read-model-version'; DELETE FROM rm_value_documents");
    await ledger.close();
    await expectRebuiltOnReopen('other projections wrote it (an earlier or later release)');
    const again = await open();
    try {
      expect(again.readModel.staleBecause).toBeNull();
    } finally {
      await again.close();
    }
  });

  it('rebuilds a read model once a projection has raised its version', async () => {
    const written = planEntitiesProjection.version;
    planEntitiesProjection.version = written + 1;
    try {
      const ledger = await open();
      try {
        expect(ledger.readModel.staleBecause).toBe('other projections wrote it (an earlier or later release)');
        expect(dumpTables(ledger.readModel.databaseForTests(), tables)).toEqual(expected);
      } finally {
        await ledger.close();
      }
    } finally {
      planEntitiesProjection.version = written;
    }
  });

  it('keeps a read model when only a comment of a projection\'s DDL changed', async () => {
    const written = planEntitiesProjection.schema;
    planEntitiesProjection.schema = `${written}\n    -- A comment edited since this read model was written.\n`;
    try {
      const ledger = await open();
      try {
        expect(ledger.readModel.staleBecause).toBeNull();
        expect(dumpTables(ledger.readModel.databaseForTests(), tables)).toEqual(expected);
      } finally {
        await ledger.close();
      }
    } finally {
      planEntitiesProjection.schema = written;
    }
  });

  it('starts a rebuild again when the last one was cut short', async () => {
    const ledger = await open();
    // What a process killed halfway through a rebuild leaves: the mark, half the rows, no secondary indexes.
    ledger.readModel.databaseForTests().exec(`
      INSERT INTO rm_meta (key, value) VALUES ('rebuild-started-at', '2026-11-24T00:00:00.000Z');
      DELETE FROM rm_field_statements WHERE position > (SELECT MAX(position) / 2 FROM events);
      DROP INDEX rm_audit_log_actor;
    `);
    await ledger.close();
    await expectRebuiltOnReopen('its last rebuild did not finish', (reopened) => {
      expect(reopened.readModel.databaseForTests().prepare("SELECT value FROM rm_meta WHERE key = 'rebuild-started-at'").get()).toBeUndefined();
      expect(reopened.readModel.databaseForTests().prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'rm_audit_log_actor'").pluck().get()).toBe(1);
    });
  });
});
