// Reads of the present come from one document per entity and per indicator, kept by the projections;
// reads of the past come from the statements. At the head of the log both must give the same answer.
import { Ledger } from '../src/application/ledger';
import { NOW, type AsOf } from '../projections/queries/as-of';
import type { EntityType } from '../projections/plan-entities';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { importInOrder } from './support/editions';

describe('documents of the present', () => {
  let ledger: Ledger;
  let head: AsOf;

  beforeAll(async () => {
    ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    // Out of order, so older editions restate identity fields after newer ones.
    await importInOrder(ledger, [2022, 2021, 2023]);
    await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2022, kind: 'TARGET', value: 25, text: null, reason: 'revised' }, 'editor');
    await ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: null, text: '集計中', reason: 'not final' }, 'editor');
    head = { position: await ledger.log.headPosition(), edition: null };
  });
  afterAll(() => ledger.close());

  const idsOf = (type: EntityType) =>
    ledger.readModel.databaseForTests().prepare<[string], string>('SELECT DISTINCT entity_id FROM rm_field_statements WHERE entity_type = ? ORDER BY entity_id').pluck().all(type);

  it.each(['measure', 'project', 'indicator'] as const)('gives each %s the fields and first position the statements give', (type) => {
    const ids = idsOf(type);
    expect(ids.length).toBeGreaterThan(3);
    const now = ledger.readModel.entityRecords(type, NOW, ids);
    expect(now.size).toBe(ids.length);
    expect(now).toEqual(ledger.readModel.entityRecords(type, head, ids));
  });

  it("gives each indicator the values and revised targets the statements give", () => {
    const ids = idsOf('indicator');
    const revised = ledger.readModel.revisedValues(ids, 'TARGET', head);
    expect(revised.size).toBeGreaterThan(0);
    const now = ledger.readModel.valuesNow(ids);
    for (const id of ids) {
      const then = ledger.readModel.valuesOf([id], head);
      expect(now.get(id)?.values ?? []).toEqual(then);
      const years = new Set(then.filter((v) => v.kind === 'TARGET' && revised.has(`${id}:${v.fiscalYear}`)).map((v) => v.fiscalYear));
      expect(now.get(id)?.revisedYears ?? new Set()).toEqual(years);
    }
  });
});
