// Who may do what, over HTTP: every refusal has a code and writes nothing; the actor on every event
// is the token's subject.
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

const NPO = '5-1-1/NPO法人数'; // measure 5-1-1, 市政戦略課
const RECORD = `mutation($id: ID!) { recordValue(input: { indicatorId: $id, fiscalYear: 2022, kind: ACTUAL, value: 18, reason: "counted" }) { id } }`;
const IMPORT = `mutation($text: String!) { importReport(input: { municipality: "062073", text: $text }) { eventsAppended } }`;
const AUDIT = `{ auditTrail(first: 1) { totalCount } }`;
const VERIFY = `{ verifyLedger { ok events headHash } }`;

let server: TestServer;
const as = async (role: 'viewer' | 'editor' | 'auditor' | 'admin' | null, departments: string[] = []) =>
  role === null ? '' : `Bearer ${await tokenFor(role, `${role}-user`, departments)}`;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => server.stop());

async function refusal(query: string, variables: Record<string, unknown>, authorization: string) {
  const head = await server.ledger.log.headPosition();
  const result = await server.gql(query, variables, { authorization });
  expect(await server.ledger.log.headPosition()).toBe(head);
  // The refused field alone is null: verifyLedger (non-null in the contract) nulls the whole answer.
  expect(Object.values(result.data ?? {})).toEqual(result.data ? [null] : []);
  return result.errors?.[0]?.extensions?.['code'];
}

describe('authorization', () => {
  it.each([
    ['no token', null, [], 'UNAUTHENTICATED'],
    ['a viewer', 'viewer', [], 'FORBIDDEN'],
    ['an auditor', 'auditor', [], 'FORBIDDEN'],
    ['an editor of another department', 'editor', ['福祉課'], 'FORBIDDEN'],
  ] as const)('refuses recordValue from %s', async (_who, role, departments, code) => {
    expect(await refusal(RECORD, { id: NPO }, await as(role, [...departments]))).toBe(code);
  });

  it('lets an editor record for their own department, as the token subject', async () => {
    const result = await server.gql(RECORD, { id: NPO }, { authorization: await as('editor', ['市政戦略課']) });
    expect(result.errors).toBeUndefined();
    const history = await server.gql<{ indicator: { history: Array<{ actor: string }> } }>(
      `{ indicator(id: "${NPO}") { history(fiscalYear: 2022, kind: ACTUAL) { actor } } }`,
    );
    expect(history.data!.indicator.history.at(-1)!.actor).toBe('editor-user');
  });

  it('says NOT_FOUND for an unknown indicator only to someone allowed to edit', async () => {
    expect(await refusal(RECORD, { id: 'no/such' }, await as('admin'))).toBe('NOT_FOUND');
    expect(await refusal(RECORD, { id: 'no/such' }, await as(null))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['no token', null, 'UNAUTHENTICATED'],
    ['an editor', 'editor', 'FORBIDDEN'],
    ['an auditor', 'auditor', 'FORBIDDEN'],
  ] as const)('refuses importReport from %s', async (_who, role, code) => {
    expect(await refusal(IMPORT, { text: sampleText().replace('17 団体', '19 団体') }, await as(role, ['市政戦略課']))).toBe(code);
  });

  it.each([
    ['no token', null, 'UNAUTHENTICATED'],
    ['a viewer', 'viewer', 'FORBIDDEN'],
    ['an editor', 'editor', 'FORBIDDEN'],
  ] as const)('keeps the audit trail and verification from %s', async (_who, role, code) => {
    expect(await refusal(AUDIT, {}, await as(role))).toBe(code);
    expect(await refusal(VERIFY, {}, await as(role))).toBe(code);
  });

  it('shows auditors the audit trail and a verified chain with its head', async () => {
    const auditor = await as('auditor');
    const trail = await server.gql<{ auditTrail: { totalCount: number } }>(AUDIT, {}, { authorization: auditor });
    const verified = await server.gql<{ verifyLedger: { ok: boolean; events: number; headHash: string } }>(VERIFY, {}, { authorization: auditor });
    expect(verified.data!.verifyLedger).toMatchObject({ ok: true, events: trail.data!.auditTrail.totalCount });
    expect(verified.data!.verifyLedger.headHash).toMatch(/^[0-9a-f]{64}$/);
    const wrongHead = await server.gql<{ verifyLedger: { ok: boolean; problem: string } }>(
      `{ verifyLedger(expectHead: "${'0'.repeat(64)}") { ok problem } }`,
      {},
      { authorization: auditor },
    );
    expect(wrongHead.data!.verifyLedger).toMatchObject({ ok: false, problem: expect.stringMatching(/truncated or replaced/) });
  });

  it('lets anyone read the plan without a token', async () => {
    const result = await server.gql(`{ measure(code: "5-1-1") { title } }`, {}, { authorization: '' });
    expect(result).toEqual({ data: { measure: { title: '多様な担い手が参画するまちづくりの推進' } } });
  });

  it('answers a forged or expired token with UNAUTHENTICATED and HTTP 401', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
      body: JSON.stringify({ query: '{ editions { fiscalYear } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
