// No resolver may issue one query per row: the number of SQL statements a nested query runs must not
// grow with the number of measures, projects and indicators it returns.
import { Ledger } from '../src/application/ledger';
import { createRequestContext } from '../src/graphql/context';
import { createApolloServer } from '../src/graphql/apollo-server';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { sampleText } from './support/sample';

const DEEP = `
  measures(department: $department) {
    code chapter { number } policy { title } editions
    indicators { id values { fiscalYear target actual achievementRate targetRevised } }
    projects {
      name editions measures { code }
      indicators { id values { target actual } }
      cost { values { target } } staffing { values { target } }
    }
  }`;

describe('batched reads', () => {
  it('runs the same number of statements for one measure as for all of them', async () => {
    let statements = 0;
    const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:', verbose: () => (statements += 1) }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    const server = await createApolloServer();
    const count = async (department: string | null) => {
      statements = 0;
      const response = await server.executeOperation(
        { query: `query($department: String) { ${DEEP} }`, variables: { department } },
        { contextValue: createRequestContext(ledger, 'tester') },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      const measures = (response.body.singleResult.data as { measures: unknown[] }).measures;
      return { statements, measures: measures.length };
    };
    const one = await count('福祉課');
    const all = await count(null);
    expect(one.measures).toBe(1);
    expect(all.measures).toBe(8);
    expect(all.statements).toBeLessThanOrEqual(one.statements + 2);
    expect(all.statements).toBeLessThan(30);
    await server.stop();
    await ledger.close();
  });
});
