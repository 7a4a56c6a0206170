// Renamed twice: NPO法人数 (2021) → NPO法人の数 (2022) → 市内NPO法人数 (2023), each rename linked as it
// came. The last name carries all three editions' statements, both old ids answer it, and a rebuild
// (which moves statements once at its end) gives the same read model.
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { valuesOf } from '../projections/queries/value-queries';
import { continuedAs, linkedFrom } from '../projections/queries/link-queries';
import { editionText, renamed2022Text, RENAMED } from './support/editions';
import { dumpReadModel } from './support/read-model-dump';

const LAST = '5-1-1/市内NPO法人数';
const own = (id: string) => `062073:${id}`;

function renamed2023Text(): string {
  const text = editionText(2023);
  const at = text.indexOf('\tNPO法人数\t');
  if (at < 0 || text.indexOf('\tNPO法人数\t', at + 1) >= 0) throw new Error('the 2023 fixture must name NPO法人数 once');
  return text.replace('\tNPO法人数\t', '\t市内NPO法人数\t');
}

describe('an indicator renamed twice', () => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await ledger.importReport(editionText(2021), { municipality: '062073', actor: 'importer' });
    await ledger.importReport(renamed2022Text(), { municipality: '062073', actor: 'importer' });
    await ledger.linkIndicator('062073', { ...RENAMED, reason: '令和4年度に名称変更' }, 'editor');
    await ledger.importReport(renamed2023Text(), { municipality: '062073', actor: 'importer' });
    await ledger.linkIndicator('062073', { from: RENAMED.to, to: LAST, reason: '令和5年度に名称変更' }, 'editor');
  });
  afterAll(() => ledger.close());

  it('carries every edition under the last name, and both old ids lead to it', () => {
    const db = ledger.readModel.databaseForTests();
    const editions = new Set(valuesOf(db, [own(LAST)], { position: null, edition: null }).map((v) => v.effectiveEdition));
    expect([...editions].sort()).toEqual([2021, 2022, 2023]);
    expect(valuesOf(db, [own(RENAMED.from), own(RENAMED.to)], { position: null, edition: null })).toEqual([]);
    expect(continuedAs(db, [own(RENAMED.from), own(RENAMED.to)])).toEqual(new Map([[own(RENAMED.from), own(LAST)], [own(RENAMED.to), own(LAST)]]));
    expect(linkedFrom(db, [own(LAST)]).get(own(LAST))).toEqual([own(RENAMED.to), own(RENAMED.from)].sort());
  });

  it('refuses a link to an indicator linked away, pointing at where it leads', async () => {
    await expect(ledger.linkIndicator('062073', { from: '5-1-1/第7次上山市振興計画の市民浸透度', to: RENAMED.to, reason: 'r' }, 'e')).rejects.toMatchObject({
      field: 'to',
      message: expect.stringMatching(/itself linked to 5-1-1\/市内NPO法人数/),
    });
  });

  it('rebuilds the same read model', async () => {
    const incremental = dumpReadModel(ledger);
    await ledger.rebuild();
    expect(dumpReadModel(ledger)).toEqual(incremental);
  });
});
