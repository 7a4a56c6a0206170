// Edition arguments name an edition the ledger holds (or a year between two it holds), and fiscal
// years lie in the supported range: anything else is BAD_USER_INPUT naming the argument, never a
// silent answer as if it were the present or an empty year.
import { currentFiscalYear } from '../src/graphql/edition-range';
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => server.stop());

describe('editions and fiscal years out of range are BAD_USER_INPUT naming the argument', () => {
  it.each([
    ['at: { edition: 2030 }', '{ measure(code: "5-1-1", at: { edition: 2030 }) { code } }', 'edition'],
    ['at: { edition: 1999 }', '{ measures(at: { edition: 1999 }) { code } }', 'edition'],
    ['change(fromEdition: 1999)', '{ indicator(id: "5-1-1/NPO法人数") { change(fiscalYear: 2021, kind: TARGET, fromEdition: 1999, toEdition: 2021) { changed } } }', 'fromEdition'],
    ['change(toEdition: 2030)', '{ indicator(id: "5-1-1/NPO法人数") { change(fiscalYear: 2021, kind: TARGET, fromEdition: 2021, toEdition: 2030) { changed } } }', 'toEdition'],
    ['value(fiscalYear: 1800)', '{ indicator(id: "5-1-1/NPO法人数") { value(fiscalYear: 1800) { actual } } }', 'fiscalYear'],
    ['history(fiscalYear: 3000)', '{ indicator(id: "5-1-1/NPO法人数") { history(fiscalYear: 3000, kind: TARGET) { value } } }', 'fiscalYear'],
  ])('%s', async (_name, query, field) => {
    const result = await server.gql(query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('names the editions held in its message', async () => {
    const result = await server.gql('{ measure(code: "5-1-1", at: { edition: 2030 }) { code } }');
    expect(result.errors?.[0]?.message).toBe(`edition must be a fiscal year from 2021 (the first edition held) to ${currentFiscalYear(new Date())} (the current fiscal year), got 2030`);
  });
});
