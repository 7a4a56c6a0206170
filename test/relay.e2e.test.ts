// Relay's global object identification (Node, Query.node) over HTTP, ids of past views that read that
// past view again, and edition arguments outside the editions the ledger holds refused by name.
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let t0: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  await new Promise((resolve) => setTimeout(resolve, 5));
  t0 = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const written = await server.gql(
    `mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: 529, reason: "recount" }) { id } }`,
  );
  expect(written.errors).toBeUndefined();
});
afterAll(() => server.stop());

async function data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await server.gql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Indicator { name value(fiscalYear: 2021) { actual } }
  ... on Measure { code } ... on Project { name } ... on Edition { fiscalYear } } }`;

describe('Query.node', () => {
  it.each([
    ['Indicator', '062073:5-1-1/NPO法人数', { name: 'NPO法人数' }],
    ['Measure', '062073:5-1-1', { code: '5-1-1' }],
    ['Project', '062073:地域おこし協力隊推進事業費', { name: '地域おこし協力隊推進事業費' }],
    ['Edition', '062073:edition-2021', { fiscalYear: 2021 }],
  ])('reads a %s again by the id it was read with', async (typename, id, fields) => {
    expect((await data(NODE, { id })).node).toMatchObject({ __typename: typename, id, ...fields });
  });

  it('is null for an id that names nothing', async () => {
    expect((await data(NODE, { id: '9-9-9' })).node).toBeNull();
    expect((await data(NODE, { id: 'edition-1999' })).node).toBeNull();
  });

  it('the id of a past view reads that past view again, in node and in indicator(id:)', async () => {
    const past = (await data(`query($t: DateTimeISO) { indicator(id: "5-1-1/NPO法人数", at: { recordedAt: $t }) { id stableId } }`, { t: t0 })).indicator;
    expect(past.id).toMatch(/^062073:5-1-1\/NPO法人数@position=\d+$/);
    expect(past.stableId).toBe('062073:5-1-1/NPO法人数');
    expect((await data(NODE, { id: past.id })).node).toMatchObject({ id: past.id, value: { actual: 17 } });
    const again = await data(`query($id: ID!) { indicator(id: $id) { id value(fiscalYear: 2021) { actual } measure { id } } }`, { id: past.id });
    expect(again.indicator).toMatchObject({ id: past.id, value: { actual: 17 }, measure: { id: past.id.replace('/NPO法人数', '') } });
    expect((await data(NODE, { id: past.stableId })).node).toMatchObject({ id: '062073:5-1-1/NPO法人数', value: { actual: 529 } });
  });

  it('nested objects of a past view carry the point; the present keeps the stable ids', async () => {
    const q = `query($at: PointInTime) { measure(code: "5-1-1", at: $at) { id chapter { id } policy { id } goals { id }
      indicators { id values { id } } projects { id budgetAccount { id } } } }`;
    const now = (await data(q, { at: null })).measure;
    expect(now).toMatchObject({ id: '062073:5-1-1', chapter: { id: '062073:chapter-5' }, policy: { id: '062073:policy-5-1' } });
    expect(now.indicators[0].values[0].id).toMatch(/^062073:5-1-1\/.+#\d{4}$/);
    const then = (await data(q, { at: { edition: 2021 } })).measure;
    const ids: string[] = JSON.stringify(then).match(/"id":"[^"]*"/g) ?? [];
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(/@edition=2021"$/);
  });

  it('an id naming an edition the ledger does not hold is BAD_USER_INPUT on id', async () => {
    const result = await server.gql('{ node(id: "5-1-1@edition=2030") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('an id naming one point and at naming another is BAD_USER_INPUT on id', async () => {
    const result = await server.gql(`{ indicator(id: "5-1-1/NPO法人数@position=3", at: { edition: 2021 }) { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
