// editionChanges compares an edition with what was current just before its import, as of that edition:
// an older edition imported after a newer one, an edition re-imported unchanged, a direct edit replaced.
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { editionText } from './support/editions';
import { edition2022Text, ids, revisionLine, type EditionChangesData } from './support/edition-changes';
import { editionChanges } from './support/edition-changes-query';

const TEXTS: Record<number, () => string> = { 2021: () => editionText(2021), 2022: edition2022Text, 2023: () => editionText(2023) };

async function ledgerAfter(order: readonly number[]): Promise<Ledger> {
  const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  for (const year of order) await ledger.importReport(TEXTS[year]?.() ?? '', { municipality: '062073', actor: 'test:importer' });
  return ledger;
}

async function changesAfter(order: readonly number[], editions: readonly number[]): Promise<EditionChangesData[]> {
  const ledger = await ledgerAfter(order);
  try {
    const answers: EditionChangesData[] = [];
    for (const edition of editions) answers.push(await editionChanges(ledger, edition));
    return answers;
  } finally {
    await ledger.close();
  }
}

const NPO_2023 = (c: EditionChangesData) => c.revisions.filter((r) => r.indicator.id === '062073:5-1-1/NPO法人数' && r.fiscalYear === 2023).map(revisionLine);
const KURORT = (c: EditionChangesData) => c.departmentMoves.filter((m) => m.ownerId === '062073:上山型温泉クアオルト事業費');

describe('an older edition imported after a newer one', () => {
  it('2022 between 2021 and a 2023 imported before it: the same changes as imported in order', async () => {
    const [inOrder2022, inOrder2023] = await changesAfter([2021, 2022, 2023], [2022, 2023]);
    const [late2022, early2023] = await changesAfter([2021, 2023, 2022], [2022, 2023]);
    expect(late2022).toEqual(inOrder2022);
    if (!inOrder2023 || !early2023) throw new Error('both orders answer for 2023');
    // In order, 2023 takes NPO法人数 back up from 2022's 16 and クアオルト back to 市政戦略課 ...
    expect(NPO_2023(inOrder2023)).toEqual(['062073:5-1-1/NPO法人数 2023 TARGET: 16 団体 (2022) → 18 団体, Δ 2, eased false, after miss false']);
    expect(KURORT(inOrder2023)).toEqual([
      { ownerType: 'project', ownerId: '062073:上山型温泉クアオルト事業費', title: '上山型温泉クアオルト事業費', from: 'クアオルト推進課', to: '市政戦略課' },
    ]);
    // ... imported before 2022, it followed 2021 and repeated it: 2022's restatement for it changes nothing.
    expect(NPO_2023(early2023)).toEqual([]);
    expect(KURORT(early2023)).toEqual([]);
    // What an edition adds and drops is about reports, whatever the order.
    expect([ids(early2023.addedIndicators), ids(early2023.droppedIndicators)]).toEqual([
      ids(inOrder2023.addedIndicators),
      ids(inOrder2023.droppedIndicators),
    ]);
  });

  it('2021 after 2022: neither revises anything, as neither had an earlier edition before it when imported', async () => {
    const [r3, r4] = await changesAfter([2022, 2021], [2021, 2022]);
    expect([r3?.revisions, r3?.departmentMoves, r4?.revisions, r4?.departmentMoves]).toEqual([[], [], [], []]);
    // Added and dropped still compare the reports: 2022 added only its new project.
    expect(ids(r4?.addedProjects ?? [])).toEqual(['062073:関係人口創出事業費']);
    expect(ids(r4?.droppedProjects ?? [])).toEqual(['062073:まちづくり推進事業費']);
  });
});

describe('an edition re-imported unchanged', () => {
  it('appends nothing and changes nothing of what it changed', async () => {
    const ledger = await ledgerAfter([2021, 2022]);
    try {
      const before = await editionChanges(ledger, 2022);
      const again = await ledger.importReport(edition2022Text(), { municipality: '062073', actor: 'test:importer' });
      expect(again.eventsAppended).toBe(0);
      expect(await editionChanges(ledger, 2022)).toEqual(before);
      expect((await editionChanges(ledger, 2021)).revisions).toEqual([]);
    } finally {
      await ledger.close();
    }
  });
});

describe('a direct edit before the edition', () => {
  it('is the statement the edition replaces, with no edition of its own', async () => {
    const ledger = await ledgerAfter([2021]);
    try {
      const edit = { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2023, kind: 'TARGET', value: 20, text: '20 団体', reason: '再集計' } as const;
      await ledger.recordValue('062073', edit, 'test:editor');
      await ledger.importReport(edition2022Text(), { municipality: '062073', actor: 'test:importer' });
      const changes = await editionChanges(ledger, 2022);
      expect(NPO_2023(changes)).toEqual(['062073:5-1-1/NPO法人数 2023 TARGET: 20 団体 (null) → 16 団体, Δ -4, eased true, after miss false']);
    } finally {
      await ledger.close();
    }
  });
});
