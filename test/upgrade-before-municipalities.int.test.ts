// A ledger written before the ledger held several municipalities: its events carry none. The fixture is
// the log of the bundled sample as commit d2308c0 (main before #15) imported it, read models dropped
// (`plan-ledger import samples/kaminoyama-r3-chapter5.txt`, then only the `events` table kept).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { graphql } from 'graphql';
import { openLedger } from '../src/application/open-ledger';
import { createRequestContext } from '../src/graphql/context';
import { ledgerSchema } from '../src/graphql/schema';
import { ConfigurationError } from '../src/shared/configuration-error';
import { editionText } from './support/editions';

const FIXTURE = join(__dirname, 'fixtures', 'ledger-before-municipalities.db.gz');
/** The head of the fixture's chain, as d2308c0 wrote it. */
const OLD_HEAD = '04cfbf80b4b6c2b7e5dffd70423aadfa0c014eb69b9ce589cf208f118fc0d149';
const OLD_EVENTS = 295;

describe('a ledger written before municipalities', () => {
  let dir: string;
  let store: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-upgrade-'));
    writeFileSync(join(dir, 'ledger.db'), gunzipSync(readFileSync(FIXTURE)));
    store = `sqlite:${join(dir, 'ledger.db')}`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to open without PLAN_LEDGER_MUNICIPALITY, saying what to set', async () => {
    const opening = openLedger({ store });
    await expect(opening).rejects.toBeInstanceOf(ConfigurationError);
    await expect(openLedger({ store })).rejects.toThrow(/set PLAN_LEDGER_MUNICIPALITY to the code or name of the municipality they belong to/);
  });

  it('refuses a code with a wrong check digit, naming the right one', async () => {
    await expect(openLedger({ store, municipality: '062074' })).rejects.toThrow(/PLAN_LEDGER_MUNICIPALITY: 062074 is not a municipality code: the check digit of 06207 is 3/);
  });

  it('opens as 上山市 with the variable set, verifies to its old head, and answers as 上山市', async () => {
    const ledger = await openLedger({ store, municipality: '上山市' });
    try {
      expect(await ledger.verify({ full: true })).toMatchObject({ ok: true, headPosition: OLD_EVENTS, headHash: OLD_HEAD });
      const answer = await graphql({
        schema: await ledgerSchema(),
        source: `{ municipalities { code name prefecture }
          municipality(code: "062073") { measure(code: "5-1-1") { id department } }
          indicator(id: "5-1-1/NPO法人数") { id municipality { name } value(fiscalYear: 2021) { target actual } } }`,
        contextValue: createRequestContext(ledger, 'test'),
      });
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({
        municipalities: [{ code: '062073', name: '上山市', prefecture: '山形県' }],
        municipality: { measure: { id: '062073:5-1-1', department: '市政戦略課' } },
        indicator: { id: '062073:5-1-1/NPO法人数', municipality: { name: '上山市' }, value: { target: 17, actual: 17 } },
      });
    } finally {
      await ledger.close();
    }
  });

  it("continues 上山市's streams under their old names, and names another municipality's by its code; the old events stay as they were", async () => {
    const ledger = await openLedger({ store, municipality: '062073' });
    try {
      const before = await ledger.log.streamRevision('indicator-5-1-1/NPO法人数');
      await ledger.importReport(editionText(2022), { actor: 'test' });
      expect(await ledger.log.streamRevision('indicator-5-1-1/NPO法人数')).toBeGreaterThan(before);
      expect(await ledger.log.streamRevision('062073-indicator-5-1-1/NPO法人数')).toBe(-1);

      await ledger.importReport(editionText(2021), { municipality: '072036', actor: 'test' });
      expect(await ledger.log.streamRevision('072036-indicator-5-1-1/NPO法人数')).toBeGreaterThanOrEqual(0);
      expect(ledger.readModel.municipalities()).toEqual(['062073', '072036']);

      const verdict = await ledger.verify({ full: true });
      expect(verdict.ok).toBe(true);
    } finally {
      await ledger.close();
    }
    // The old events are read through the upcaster, never rewritten: the chain still passes through the old head.
    const reopened = await openLedger({ store, municipality: '062073' });
    try {
      const db = reopened.readModel.databaseForTests();
      expect(db.prepare<[number], string>('SELECT hash FROM events WHERE position = ?').pluck().get(OLD_EVENTS)).toBe(OLD_HEAD);
      expect(db.prepare<[], number>("SELECT COUNT(*) FROM events WHERE position <= 295 AND json_extract(metadata, '$.municipality') IS NOT NULL").pluck().get()).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
