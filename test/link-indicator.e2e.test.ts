// linkIndicator over HTTP: an editor of the department that owns the indicator linked to (5-1-1:
// 市政戦略課), or an admin; refusals write nothing; the link answers the renamed indicator with what
// was stated under its old name.
import { RENAMED, editionText, renamed2022Text } from './support/editions';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

const LINK = `mutation($from: ID!, $to: ID!) {
  linkIndicator(input: { from: $from, to: $to, reason: "令和4年度に名称変更" }) {
    id name linkedFrom values { fiscalYear target actual }
  }
}`;

let server: TestServer;
const bearer = async (role: 'viewer' | 'editor' | 'admin', departments: string[] = [], municipalities?: string[]) =>
  `Bearer ${await tokenFor(role, `${role}-user`, departments, municipalities)}`;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(editionText(2021), { municipality: '062073', actor: 'importer' });
  await server.ledger.importReport(renamed2022Text(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => server.stop());

/** `authorization` '' sends none (the test server's default is an admin's). */
async function refused(authorization: string, variables: { from: string; to: string } = RENAMED) {
  const head = await server.ledger.log.headPosition();
  const result = await server.gql(LINK, variables, { authorization });
  expect(await server.ledger.log.headPosition()).toBe(head);
  expect(result.data).toEqual({ linkIndicator: null });
  return result.errors?.[0]?.extensions;
}

describe('linkIndicator', () => {
  it('refuses an anonymous caller, a viewer, an editor of another department or municipality', async () => {
    expect(await refused('')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refused(await bearer('viewer'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(await bearer('editor', ['福祉課']))).toMatchObject({ code: 'FORBIDDEN' });
    // The right department, but a token that acts for another municipality.
    expect(await refused(await bearer('editor', ['市政戦略課'], ['011002']))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a link the domain does not take, naming the field', async () => {
    const admin = await bearer('admin');
    expect(await refused(admin, { from: RENAMED.from, to: RENAMED.from })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await refused(admin, { from: '5-1-1/ない', to: RENAMED.to })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it("lets an editor of the linked indicator's department link it, recorded as the token's subject", async () => {
    const result = await server.gql<{ linkIndicator: { id: string; name: string; linkedFrom: string[]; values: { fiscalYear: number; actual: number | null }[] } }>(
      LINK,
      { from: RENAMED.from, to: RENAMED.to },
      { authorization: await bearer('editor', ['市政戦略課']) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.linkIndicator).toMatchObject({ id: `062073:${RENAMED.to}`, name: 'NPO法人の数', linkedFrom: [`062073:${RENAMED.from}`] });
    expect(result.data!.linkIndicator.values).toContainEqual({ fiscalYear: 2021, target: 17, actual: 17 });
    const trail = await server.gql<{ auditTrail: { edges: { node: { actor: string; reason: string } }[] } }>(
      `{ auditTrail(last: 1) { edges { node { type actor reason } } } }`,
      {},
      { authorization: await bearer('admin') },
    );
    expect(trail.data!.auditTrail.edges).toEqual([{ node: { type: 'IndicatorLinked', actor: 'editor-user', reason: '令和4年度に名称変更' } }]);
  });
});
