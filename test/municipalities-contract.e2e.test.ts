// The contract's "Examples with two municipalities" (shared/contract/README.md), over HTTP: the bundled
// sample imported as 上山市 (062073), and the same text imported as 郡山市 (072036).
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
const IMPORT = `mutation($text: String!, $m: ID) { importReport(input: { text: $text, municipality: $m }) { edition eventsAppended } }`;

beforeAll(async () => {
  server = await startTestServer();
  for (const m of ['062073', '郡山市']) expect((await server.gql(IMPORT, { text: sampleText(), m })).errors).toBeUndefined();
});
afterAll(() => server.stop());

async function data<T = any>(query: string): Promise<T> {
  const result = await server.gql<T>(query);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const firstError = async (query: string) => (await server.gql(query)).errors?.[0];

describe('contract examples with two municipalities', () => {
  it('municipalities: 062073 上山市 山形県, 072036 郡山市 福島県', async () => {
    expect((await data('{ municipalities { code name prefecture } }')).municipalities).toEqual([
      { code: '062073', name: '上山市', prefecture: '山形県' },
      { code: '072036', name: '郡山市', prefecture: '福島県' },
    ]);
  });

  it('municipality(code: "上山市") { measure(code: "5-1-1") }: 062073:5-1-1, 市政戦略課', async () => {
    const answer = await data('{ municipality(code: "上山市") { measure(code: "5-1-1") { id department } } }');
    expect(answer.municipality.measure).toEqual({ id: '062073:5-1-1', department: '市政戦略課' });
  });

  it('measure(code: "5-1-1") with no municipality: BAD_USER_INPUT naming the field', async () => {
    expect(await firstError('{ measure(code: "5-1-1") { id } }')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'municipality' } });
  });

  it('indicator(id: "072036:5-1-1/NPO法人数") { municipality { name } }: 郡山市', async () => {
    expect((await data('{ indicator(id: "072036:5-1-1/NPO法人数") { municipality { name } } }')).indicator).toEqual({ municipality: { name: '郡山市' } });
  });

  it('compareMunicipalities(fiscalYear: 2021): the budget of each is 66679', async () => {
    const rows = (await data('{ compareMunicipalities(fiscalYear: 2021) { municipality { code } budget spending measured achieved } }')).compareMunicipalities;
    expect(rows.map((r: any) => [r.municipality.code, r.budget])).toEqual([
      ['062073', 66679],
      ['072036', 66679],
    ]);
    // The same sums compareFiscalYears gives the one city.
    const one = await data('{ compareFiscalYears(base: 2021, compare: 2022, municipality: "062073") { totals { spending { base } measured { base } achieved { base } } } }');
    const { totals } = one.compareFiscalYears;
    expect(rows[0]).toMatchObject({ spending: totals.spending.base, measured: totals.measured.base, achieved: totals.achieved.base });
  });

  it('municipality(code: "062074"): BAD_USER_INPUT, the check digit of 06207 is 3', async () => {
    const error = await firstError('{ municipality(code: "062074") { name } }');
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(error?.message).toMatch(/the check digit of 06207 is 3/);
  });

  it('a name several municipalities share is refused with the codes it could mean', async () => {
    const error = await firstError('{ municipality(code: "池田町") { name } }');
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', candidates: expect.arrayContaining([expect.stringMatching(/^\d{6}$/)]) } });
  });

  it('editions without a municipality lists every one; with one, its own; ids are qualified', async () => {
    expect((await data('{ editions { id } }')).editions).toEqual([{ id: '062073:edition-2021' }, { id: '072036:edition-2021' }]);
    expect((await data('{ editions(municipality: "郡山市") { id } }')).editions).toEqual([{ id: '072036:edition-2021' }]);
  });

  it('Municipality answers as the root fields do, for it alone', async () => {
    const scoped = await data('{ municipality(code: "072036") { measures { id } projects { totalCount } departments editionChanges(edition: 2021) { revisions { fiscalYear } } } }');
    const root = await data('{ measures(municipality: "072036") { id } projects(municipality: "072036") { totalCount } departments(municipality: "072036") }');
    expect(scoped.municipality.measures).toEqual(root.measures);
    expect(scoped.municipality.measures.every((m: { id: string }) => m.id.startsWith('072036:'))).toBe(true);
    expect(scoped.municipality.projects.totalCount).toBe(8);
    expect(scoped.municipality.departments).toEqual(root.departments);
  });
});

describe('tokens act for their municipalities', () => {
  const bearer = async (role: 'admin' | 'editor' | 'auditor' | 'viewer', municipalities: string[]) => ({
    authorization: `Bearer ${await tokenFor(role, `test-${role}`, ['市政戦略課'], municipalities)}`,
  });
  const RECORD = (id: string) => `mutation { recordValue(input: { indicatorId: "${id}", fiscalYear: 2021, kind: ACTUAL, value: 17, reason: "recount" }) { id } }`;
  const AUDIT = (filter: string) => `{ auditTrail(${filter} first: 1) { totalCount edges { node { municipality { code } } } } }`;
  const codeOf = async (query: string, headers: Record<string, string>) => (await server.gql(query, undefined, headers)).errors?.[0]?.extensions?.['code'] ?? 'OK';

  it.each([
    ['admin', ['062073'], 'OK', 'FORBIDDEN'],
    ['admin', ['*'], 'OK', 'OK'],
    ['admin', [], 'FORBIDDEN', 'FORBIDDEN'],
    ['editor', ['062073'], 'OK', 'FORBIDDEN'],
    ['editor', ['*'], 'OK', 'OK'],
    ['auditor', ['*'], 'FORBIDDEN', 'FORBIDDEN'],
    ['viewer', ['062073'], 'FORBIDDEN', 'FORBIDDEN'],
  ] as const)('%s for %j: writes its own municipality %s, another %s', async (role, claim, own, other) => {
    const headers = await bearer(role, [...claim]);
    expect(await codeOf(RECORD('062073:5-1-1/NPO法人数'), headers)).toBe(own);
    expect(await codeOf(RECORD('072036:5-1-1/NPO法人数'), headers)).toBe(other);
  });

  it('imports only into the municipalities of the claim', async () => {
    const own = await server.gql(IMPORT, { text: sampleText(), m: '062073' }, await bearer('admin', ['062073']));
    expect(own.errors).toBeUndefined();
    const other = await server.gql(IMPORT, { text: sampleText(), m: '072036' }, await bearer('admin', ['062073']));
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('an auditor reads the log of its municipalities, filtered, and is refused another named one', async () => {
    const own = await server.gql<any>(AUDIT(''), undefined, await bearer('auditor', ['072036']));
    expect(own.errors).toBeUndefined();
    expect(own.data.auditTrail.edges[0].node.municipality.code).toBe('072036');
    const every = await server.gql<any>(AUDIT(''), undefined, await bearer('auditor', ['*']));
    expect(every.data.auditTrail.totalCount).toBeGreaterThan(own.data.auditTrail.totalCount);
    expect(await codeOf(AUDIT('filter: { municipality: "062073" }'), await bearer('auditor', ['072036']))).toBe('FORBIDDEN');
    expect(await codeOf(AUDIT(''), await bearer('auditor', []))).toBe('FORBIDDEN');
  });
});
