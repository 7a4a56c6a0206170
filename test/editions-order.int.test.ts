// Three editions of one report imported in every order: the ledger must end in the same place whatever
// the order, state only changes, keep every edition's own answers, and append nothing on a re-import.
import { Ledger } from '../src/application/ledger';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import {
  currentView,
  editionHistories,
  editionText,
  eventCount,
  importInOrder,
  permutations,
  viewAsOfEdition,
  YEARS,
} from './support/editions';

async function ledgerAfter(order: readonly number[]) {
  const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  const summaries = await importInOrder(ledger, order);
  return { ledger, summaries };
}

function snapshot(ledger: Ledger) {
  return {
    current: currentView(ledger.readModel.databaseForTests()),
    asOf: Object.fromEntries(YEARS.map((year) => [year, viewAsOfEdition(ledger.readModel.databaseForTests(), year)])),
    histories: editionHistories(ledger.readModel.databaseForTests()),
  };
}

const ORDERS = permutations(YEARS);
const IN_ORDER = [2021, 2022, 2023];

describe('editions imported in any order', () => {
  let reference: ReturnType<typeof snapshot>;
  let referenceEvents: number;

  beforeAll(async () => {
    const { ledger } = await ledgerAfter(IN_ORDER);
    reference = snapshot(ledger);
    referenceEvents = eventCount(ledger.readModel.databaseForTests());
    await ledger.close();
  });

  it('the reference (2021 → 2022 → 2023) records absences, renames and moves', () => {
    // The indicators of a project that is left out are not themselves absent: their owner is.
    expect(reference.current.absences).toEqual(
      [
        'indicator 062073:5-4-1/学生訪問団派遣人数 2023',
        'indicator 062073:総務一般管理費/個人情報保護運営審議会開催回数 2023',
        'project 062073:まちづくり推進事業費 2022',
        'project 062073:まちづくり推進事業費 2023',
      ].sort(),
    );
  });

  it.each(ORDERS.map((order) => [order.join(' → '), order]))('%s gives the reference current view, editions and histories', async (_name, order) => {
    const { ledger } = await ledgerAfter(order as number[]);
    try {
      const got = snapshot(ledger);
      expect(got.current).toEqual(reference.current);
      for (const year of YEARS) expect(got.asOf[year]).toEqual(reference.asOf[year]);
      expect(got.histories).toEqual(reference.histories);
      // Re-importing every edition, in any order, appends nothing.
      const before = eventCount(ledger.readModel.databaseForTests());
      for (const year of [...order].reverse()) {
        const summary = await ledger.importReport(editionText(year), { municipality: '062073', actor: 'test:importer' });
        expect({ year, appended: summary.eventsAppended, changes: summary.changes, absences: summary.absences }).toEqual({
          year,
          appended: 0,
          changes: [],
          absences: [],
        });
      }
      expect(eventCount(ledger.readModel.databaseForTests())).toBe(before);
      // Out of order, an import may state a value an older edition turns out to say already: a few
      // more statements than in order, never fewer.
      expect(before).toBeGreaterThanOrEqual(referenceEvents);
    } finally {
      await ledger.close();
    }
  });
});
