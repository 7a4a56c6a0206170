// Every error a client can receive over HTTP carries extensions.code; unexpected errors are masked;
// no stack traces or schema hints leave the server outside development.
import { sampleText } from './support/sample';
import { startTestServer, type GqlResponse, type TestServer } from './support/test-server';

let production: TestServer;
let development: TestServer;

beforeAll(async () => {
  [production, development] = await Promise.all([startTestServer(), startTestServer({ development: true })]);
  await production.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => Promise.all([production.stop(), development.stop()]));

const firstError = (result: GqlResponse<unknown>) => {
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!;
};

describe('BAD_USER_INPUT', () => {
  it.each([
    ['a DateTimeISO literal that does not parse', `{ measure(code: "5-1-1", at: { recordedAt: "yesterday" }) { code } }`, undefined, ['at.recordedAt']],
    ['a DateTimeISO variable that does not parse', `query($t: DateTimeISO!) { measure(code: "5-1-1", at: { recordedAt: $t }) { code } }`, { t: 'yesterday' }, ['t']],
    ['a DateTimeISO inside an input variable', `query($at: PointInTime) { measure(code: "5-1-1", at: $at) { code } }`, { at: { recordedAt: 'yesterday' } }, ['at.recordedAt']],
    ['an Int literal of the wrong type', `{ projects(first: "ten") { totalCount } }`, undefined, ['first']],
    ['an enum literal that is not a member', `{ indicator(id: "5-1-1/NPO法人数") { history(fiscalYear: 2021, kind: TARGETS) { value } } }`, undefined, ['kind']],
    ['an enum variable that is not a member', `query($k: ValueKind!) { indicator(id: "5-1-1/NPO法人数") { history(fiscalYear: 2021, kind: $k) { value } } }`, { k: 'TARGETS' }, ['k']],
    ['an input object missing a required field', `mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL }) { id } }`, undefined, ['input.reason']],
    ['an input object with an unknown field', `{ auditTrail(filter: { actr: "x" }) { totalCount } }`, undefined, ['filter.actr']],
    ['an input variable missing required fields', `mutation($i: RecordValueInput!) { recordValue(input: $i) { id } }`, { i: { fiscalYear: 2021 } }, ['i.indicatorId', 'i.kind', 'i.reason']],
    ['a missing variable', `query($t: DateTimeISO!) { measure(code: "5-1-1", at: { recordedAt: $t }) { code } }`, {}, ['t']],
    ['first beyond 500', `{ auditTrail(first: 501) { totalCount } }`, undefined, ['first']],
    ['a cursor this API did not issue', `{ projects(after: "not-a-cursor") { totalCount } }`, undefined, ['after']],
    ['a fiscal year out of range', `{ compareFiscalYears(base: 21, compare: 2022) { base } }`, undefined, ['base']],
  ])('%s names its field', async (_name, query, variables, fields) => {
    const { data, errors } = await production.gql(query, variables);
    // Refused before it ran (no data), or, for a nullable field, that field alone null.
    expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(error.message).not.toMatch(/Did you mean/);
      expect(error.extensions).not.toHaveProperty('stacktrace');
    }
    expect((errors ?? []).map((error) => error.extensions?.['field']).sort()).toEqual(fields);
  });

  it('names the limit when first is too large', async () => {
    const error = firstError(await production.gql(`{ projects(first: 1000) { totalCount } }`));
    expect(error).toMatchObject({ message: 'first must be between 0 and 500, got 1000', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });
});

describe('codes for the document and the data', () => {
  it('GRAPHQL_VALIDATION_FAILED for an unknown field, without a hint at the schema', async () => {
    const error = firstError(await production.gql(`{ measure(code: "5-1-1") { titel } }`));
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(error.message).toBe('Cannot query field "titel" on type "Measure".');
  });

  it('GRAPHQL_PARSE_FAILED for a document that does not parse', async () => {
    expect(firstError(await production.gql(`{ measure(code: "5-1-1") { title }`)).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('NOT_FOUND for a missing indicator', async () => {
    expect(firstError(await production.gql(`{ indicatorRevision(id: "0-0-0/none") }`)).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('NOT_FOUND for an edit of a missing indicator', async () => {
    const result = await production.gql(`mutation { recordValue(input: { indicatorId: "0-0-0/none", fiscalYear: 2021, kind: ACTUAL, value: 1, reason: "x" }) { id } }`);
    expect(firstError(result).extensions?.['code']).toBe('NOT_FOUND');
  });

  it.each([
    ['a GET without a query', '', { accept: 'application/json', 'apollo-require-preflight': 'true' }],
    ['a GET without the preflight header', `?query=${encodeURIComponent('{ editions { fiscalYear } }')}`, { accept: 'application/json' }],
  ])('BAD_REQUEST for %s', async (_name, search, headers) => {
    const response = await fetch(`${production.url}${search}`, { headers });
    expect(response.status).toBe(400);
    expect(firstError((await response.json()) as GqlResponse<unknown>).extensions?.['code']).toBe('BAD_REQUEST');
  });
});

describe('unexpected errors', () => {
  const failing = (server: TestServer) => jest.spyOn(server.ledger.log, 'streamRevision').mockRejectedValueOnce(new Error('disk /var/lib/ledger is on fire'));

  it('are INTERNAL_SERVER_ERROR with the message masked and no stack trace', async () => {
    failing(production);
    const error = firstError(await production.gql(`{ indicatorRevision(id: "062073:5-1-1/NPO法人数") }`));
    expect(error).toEqual({ message: 'Internal server error', path: ['indicatorRevision'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('show their message in development (NODE_ENV=development)', async () => {
    failing(development);
    const error = firstError(await development.gql(`{ indicatorRevision(id: "062073:5-1-1/NPO法人数") }`));
    expect(error).toMatchObject({ message: 'disk /var/lib/ledger is on fire', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keep schema hints in development only', async () => {
    const error = firstError(await development.gql(`{ measure(code: "5-1-1") { titel } }`));
    expect(error.message).toMatch(/Did you mean "title"\?/);
    expect(error.extensions?.['stacktrace']).toBeDefined();
  });
});

describe('failures outside GraphQL execution', () => {
  it('a body that is not JSON is a 400 in the GraphQL error shape, without a stack trace', async () => {
    const response = await fetch(production.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as GqlResponse<unknown>;
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('an unknown path is a 404 in the same shape', async () => {
    const response = await fetch(production.url.replace('/graphql', '/nowhere'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as GqlResponse<unknown>).errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});
