// editionChanges on the bundled 令和3年度 sample and a 令和4年度 edition made from it (test/support/edition-changes.ts):
// exact revisions and flags, what it added and left out, 所属 moves; and the three queries' plans.
import { Ledger } from '../src/application/ledger';
import { EDITION_CHANGES_SQL } from '../projections/queries/edition-changes';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { EASED_REASON, edition2022Text, ids, revisionLine, type EditionChangesData } from './support/edition-changes';
import { askEditionChanges, editionChanges } from './support/edition-changes-query';
import { sampleText } from './support/sample';

let ledger: Ledger;
let r3: EditionChangesData;
let r4: EditionChangesData;

beforeAll(async () => {
  ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  await ledger.importReport(sampleText(), { municipality: '062073', actor: 'test:importer' });
  await ledger.importReport(edition2022Text(), { municipality: '062073', actor: 'test:importer' });
  [r3, r4] = [await editionChanges(ledger, 2021), await editionChanges(ledger, 2022)];
});
afterAll(() => ledger.close());

const PENETRATION = '062073:5-1-1/第7次上山市振興計画の市民浸透度';

describe('editionChanges of a second edition', () => {
  it('names the edition by its label', () => {
    expect([r4.edition, r4.label]).toEqual([2022, '令和4年度']);
  });

  it('lists every target and actual it states differently from the 2021 edition, with the goalpost flags', () => {
    expect(r4.revisions.map(revisionLine)).toEqual([
      '062073:5-1-1/NPO法人数 2023 TARGET: 18 団体 (2021) → 16 団体, Δ -2, eased true, after miss false',
      `${PENETRATION} 2021 ACTUAL: 18.4% (2021) → 18.6%, Δ 0.2, eased null, after miss false`,
      `${PENETRATION} 2022 TARGET: 17.0% (2021) → 17.5%, Δ 0.5, eased false, after miss false`,
      `${PENETRATION} 2023 TARGET: 18.0% (2021) → 18.5%, Δ 0.5, eased false, after miss false`,
      '062073:5-2-1/地域間交流地区数 2023 TARGET: 17 地区 (2021) → 20 地区, Δ 3, eased false, after miss false',
      // Its 2022 actual 45 missed the 2022 target 60, which this edition repeated unchanged from 2021.
      '062073:5-4-1/海の子山の子交歓会の参加人数 2023 TARGET: 60人 (2021) → 50人, Δ -10, eased true, after miss true',
      '062073:5-5-1/移住相談からの移住件数 2023 TARGET: 5件 (2021) → 6件, Δ 1, eased false, after miss false',
    ]);
  });

  it('carries numbers and texts of both sides, and the 理由 this edition gives', () => {
    const eased = r4.revisions.find((r) => r.indicator.id === '062073:5-4-1/海の子山の子交歓会の参加人数');
    expect(eased).toMatchObject({ from: 60, to: 50, fromText: '60人', toText: '50人', reason: EASED_REASON });
    // 5-1-1 repeats its 2021 理由: as this edition states it, that is still its reason.
    expect(r4.revisions[0]?.reason).toMatch(/^様々な機会を捉え/);
  });

  it('leaves out first statements: a new year’s target or actual revises nothing', () => {
    expect(r4.revisions.filter((r) => r.fiscalYear === 2024 || (r.kind === 'ACTUAL' && r.fiscalYear === 2022))).toEqual([]);
  });

  it('adds the new project and its indicators, and drops what the 2021 edition reported and it does not', () => {
    const newProject = '062073:関係人口創出事業費';
    expect(ids(r4.addedProjects)).toEqual([newProject]);
    expect(ids(r4.addedIndicators)).toEqual(['目標', '関係人口登録者数', '事業費', '従事人工'].map((name) => `${newProject}/${name}`));
    expect(ids(r4.droppedProjects)).toEqual(['062073:まちづくり推進事業費']);
    expect(ids(r4.droppedIndicators)).toEqual([
      ...['目標', '元気なかみのやま創造支援事業補助金の申請相談件数', '事業費', '従事人工'].map((name) => `062073:まちづくり推進事業費/${name}`),
      '062073:総務一般管理費/個人情報保護運営審議会開催回数',
    ]);
  });

  it('lists the measures and projects whose 所属 it moved', () => {
    expect(r4.departmentMoves).toEqual([
      { ownerType: 'measure', ownerId: '062073:5-3-2', title: '男女共同参画の推進', from: '市政戦略課', to: '福祉課' },
      { ownerType: 'project', ownerId: '062073:上山型温泉クアオルト事業費', title: '上山型温泉クアオルト事業費', from: '市政戦略課', to: 'クアオルト推進課' },
      { ownerType: 'project', ownerId: '062073:国際交流推進費', title: '国際交流推進費', from: '庶務課', to: '市政戦略課' },
    ]);
  });
});

describe('editionChanges of the first edition', () => {
  it('revises and moves nothing, drops nothing, and adds everything it reports', () => {
    expect([r3.label, r3.revisions, r3.departmentMoves, r3.droppedIndicators, r3.droppedProjects]).toEqual(['令和3年度', [], [], [], []]);
    expect(r3.addedProjects).toHaveLength(8);
    expect(ids(r3.addedIndicators)).toContain('062073:5-1-1/NPO法人数');
  });
});

describe('editionChanges of an edition the ledger does not hold', () => {
  it('is BAD_USER_INPUT naming the edition', async () => {
    const { data, errors } = await askEditionChanges(ledger, 2019);
    expect(data).toBeNull();
    expect(errors[0]?.message).toBe('edition 2019 names no edition imported: the ledger holds 2021, 2022');
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edition' });
  });
});

describe('the edition-changes queries', () => {
  const plan = (sql: string) =>
    ledger.readModel.databaseForTests().prepare<[string, number], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all('062073', 2022).map((row) => row.detail).join('\n');

  it('start from the edition’s own statements and seek the one before each on the lookup index', () => {
    const revisions = plan(EDITION_CHANGES_SQL.revisions);
    expect(revisions).toContain('SEARCH s USING INDEX rm_value_statements_edition (edition=?)');
    expect(revisions).toMatch(/SEARCH b USING COVERING INDEX rm_value_statements_lookup \(indicator_id=\? AND fiscal_year=\? AND kind=\? AND effective_edition<\?\)/);
    expect(revisions).not.toMatch(/SCAN rm_value_statements|SCAN b\b/);
  });

  it('read what an edition reported, and the departments it stated, by edition', () => {
    expect(plan(EDITION_CHANGES_SQL.entities)).toContain('USING COVERING INDEX rm_entity_editions_edition (edition=?)');
    expect(plan(EDITION_CHANGES_SQL.moves)).toContain('SEARCH s USING INDEX rm_field_statements_edition (field=? AND effective_edition=?)');
  });
});
