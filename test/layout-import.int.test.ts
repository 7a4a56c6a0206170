// plan-ledger import FILE.xlsx --layout LAYOUT: a municipality's own sheet read through a layout (a file,
// or a shipped one by name) and imported as a statements file is. The layout's checks refuse a sheet
// whose figures disagree, listing each failure with its place, unless a reason accepts them: the reason
// is then recorded on every event.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { runImport, type ImportCommandOptions } from '../src/cli/commands/import';
import { SILENT_PROGRESS } from '../src/cli/progress';
import { planActualSheet, workbookOf } from '../src/importer/layouts/testing/shipped-fixtures';
import { shippedLayout } from '../src/importer/layouts/shipped-layouts';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';

let dir: string;
let ledger: Ledger;
const logged: string[] = [];
const output = { log: (line: string) => logged.push(line), warn: (line: string) => logged.push(line), progress: SILENT_PROGRESS };

async function sheet(overrides: Parameters<typeof planActualSheet>[0] = {}): Promise<string> {
  const path = join(dir, 'hyoka.xlsx');
  writeFileSync(path, await workbookOf(planActualSheet(overrides)));
  return path;
}

const importing = (path: string, options: Partial<ImportCommandOptions>) =>
  runImport(ledger, [path], { dryRun: false, layout: 'plan-actual-wide-yen', ...options }, output);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ledger-layout-import-'));
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  logged.length = 0;
});
afterEach(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import --layout', () => {
  it('reads a sheet through a shipped layout, by name, and imports its edition', async () => {
    const [summary] = await importing(await sheet(), {});
    expect(summary).toMatchObject({ municipality: '062073', edition: 2022, measures: 2, dryRun: false });
    expect(summary?.eventsAppended).toBeGreaterThan(0);
  });

  it('reads a layout from a file too', async () => {
    const layout = join(dir, 'own.yaml');
    writeFileSync(layout, shippedLayout('plan-actual-wide-yen')?.text ?? '');
    const [summary] = await importing(await sheet(), { layout });
    expect(summary).toMatchObject({ municipality: '062073', edition: 2022 });
  });

  it('refuses a layout that is neither a file nor a shipped name, listing the shipped ones', async () => {
    await expect(importing(await sheet(), { layout: 'no-such-layout' })).rejects.toThrow(
      /--layout no-such-layout: no such file, and no shipped layout of that name \(plan-actual-wide-yen, stacked-target-actual, budget-settlement-manyen\)/,
    );
  });

  it('refuses a sheet whose checks fail, listing each failure with its place, and writes nothing', async () => {
    await expect(importing(await sheet({ M9: '99.9%' }), {})).rejects.toThrow(
      /found 1 inconsistency; nothing was written:\n {2}.*hyoka\.xlsx:施策評価!M9: 5-1-2 自治会加入率 2021: .*\n.*--accept-inconsistencies --reason/,
    );
    expect(await ledger.log.headPosition()).toBe(0);
  });

  it('dry-runs a sheet whose checks fail: lists the failures and what would change', async () => {
    const [summary] = await importing(await sheet({ M9: '99.9%' }), { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, eventsAppended: 0 });
    expect(summary?.eventsPlanned).toBeGreaterThan(0);
    expect(logged).toContainEqual(expect.stringMatching(/^1 inconsistencies \(would refuse the import unless accepted\):$/));
    expect(logged).toContainEqual(expect.stringMatching(/hyoka\.xlsx:施策評価!M9: /));
    expect(await ledger.log.headPosition()).toBe(0);
  });

  it('imports a sheet whose checks fail when a reason accepts them, recording it on every event', async () => {
    await expect(importing(await sheet({ M9: '99.9%' }), { acceptInconsistencies: true })).rejects.toThrow(/--accept-inconsistencies needs --reason/);
    const [summary] = await importing(await sheet({ M9: '99.9%' }), { acceptInconsistencies: true, reason: '達成率は市の公表どおり' });
    expect(summary?.eventsAppended).toBeGreaterThan(0);
    const audit = ledger.readModel.databaseForTests().prepare<[], { reason: string }>('SELECT DISTINCT reason FROM rm_audit_log').all();
    expect(audit.map((row) => row.reason)).toEqual(['inconsistencies accepted (1): 達成率は市の公表どおり']);
  });
});
