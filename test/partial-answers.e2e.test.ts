// One refused or failed root field nulls only itself (the contract's nullable auditTrail,
// indicatorRevision, importReport and recordValue): the other fields of the request keep their
// answers, and a mutation's fields each answer on their own, their authorization decided before the
// first of them writes.
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';
import { subscribe, wsClient } from './support/ws-client';

const NPO = '062073:5-1-1/NPO法人数'; // measure 5-1-1, 市政戦略課
const record = (alias: string, id: string, value: number) =>
  `${alias}: recordValue(input: { indicatorId: "${id}", fiscalYear: 2022, kind: ACTUAL, value: ${value}, reason: "recount" }) { id value(fiscalYear: 2022) { actual } }`;

let server: TestServer;
let otherDepartments: string; // an indicator of a measure that is not 市政戦略課's
let editor: string;

interface Trail {
  auditTrail: { totalCount: number; edges: Array<{ node: { streamId: string; actor: string; data: Record<string, unknown> } }> };
}
/** The log's events after `count` (read as an admin). */
async function eventsAfter(count: number) {
  const trail = await server.gql<Trail>(`query($after: String) { auditTrail(first: 50, after: $after) { totalCount edges { node { streamId actor data } } } }`, {
    after: Buffer.from(`pos:${count}`).toString('base64url'),
  });
  return trail.data!.auditTrail.edges.map((edge) => edge.node);
}
const head = async () => (await server.gql<Trail>(`{ auditTrail(first: 0) { totalCount } }`)).data!.auditTrail.totalCount;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  const measures = await server.gql<{ measures: Array<{ department: string | null; indicators: Array<{ id: string }> }> }>(
    `{ measures { department indicators { id } } }`,
  );
  const other = measures.data!.measures.find((measure) => measure.department !== null && measure.department !== '市政戦略課' && measure.indicators.length > 0);
  otherDepartments = other!.indicators[0]!.id;
  editor = `Bearer ${await tokenFor('editor', 'editor-user', ['市政戦略課'])}`;
});
afterAll(() => server.stop());

describe('a refused or unknown read', () => {
  it('nulls only auditTrail for an anonymous caller: editions keeps its answer', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ editions { fiscalYear } auditTrail(first: 1) { totalCount } }' }),
    });
    // Partial data is a 200 (GraphQL over HTTP): the refusal is in errors, at its path.
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: Array<{ path: unknown; extensions: { code: string } }> };
    expect(body.data).toEqual({ editions: [{ fiscalYear: 2021 }], auditTrail: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['auditTrail'], extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('nulls only indicatorRevision for an unknown id', async () => {
    const result = await server.gql(`{ editions { fiscalYear } known: indicatorRevision(id: "${NPO}") unknown: indicatorRevision(id: "9-9-9/none") }`);
    expect(result.data).toEqual({ editions: [{ fiscalYear: 2021 }], known: expect.any(Number), unknown: null });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['unknown'], extensions: { code: 'NOT_FOUND' } })]);
  });
});

describe('mutation fields answer on their own', () => {
  it("an editor's two recordValue fields, the second refused: the first's answer, and the log holding exactly it", async () => {
    const before = await head();
    const result = await server.gql(`mutation { ${record('mine', NPO, 41)} ${record('theirs', otherDepartments, 42)} }`, {}, { authorization: editor });
    expect(result.data).toEqual({ mine: { id: NPO, value: { actual: 41 } }, theirs: null });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['theirs'], extensions: { code: 'FORBIDDEN' } })]);
    const appended = await eventsAfter(before);
    expect(appended).toEqual([expect.objectContaining({ streamId: '062073-indicator-5-1-1/NPO法人数', actor: 'editor-user', data: expect.objectContaining({ value: 41 }) })]);
  });

  it('the first refused and the second allowed: the second still answers, and only it is written', async () => {
    const before = await head();
    const result = await server.gql(`mutation { ${record('theirs', otherDepartments, 43)} ${record('mine', NPO, 44)} }`, {}, { authorization: editor });
    expect(result.data).toEqual({ theirs: null, mine: { id: NPO, value: { actual: 44 } } });
    expect(result.errors?.map((error) => error.path)).toEqual([['theirs']]);
    expect(await eventsAfter(before)).toEqual([expect.objectContaining({ data: expect.objectContaining({ value: 44 }) })]);
  });

  it('an anonymous importReport and recordValue: both null with UNAUTHENTICATED, nothing written', async () => {
    const before = await head();
    const result = await server.gql(
      `mutation($text: String!) { importReport(input: { municipality: "062073", text: $text }) { eventsAppended } ${record('edit', NPO, 45)} }`,
      { text: sampleText().replace('17 団体', '19 団体') },
      { authorization: '' },
    );
    expect(result.data).toEqual({ importReport: null, edit: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['importReport'], 'UNAUTHENTICATED'],
      [['edit'], 'UNAUTHENTICATED'],
    ]);
    expect(await head()).toBe(before);
  });

  it('decides every field before the first write: a token that expires during the request still covers its later fields', async () => {
    // Its own server: the clock jumps forward here, and a log's recordedAt must never go back.
    const own = await startTestServer();
    await own.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    const write = own.ledger.recordValue.bind(own.ledger);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now');
    // After the first field's write, the editor's token (valid for hours) has expired.
    const recordValue = jest.spyOn(own.ledger, 'recordValue').mockImplementation(async (...args) => {
      const result = await write(...args);
      clock.mockReturnValue(now + 48 * 3600_000);
      return result;
    });
    try {
      const result = await own.gql(`mutation { ${record('first', NPO, 46)} ${record('second', NPO, 47)} }`, {}, { authorization: editor });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ first: { id: NPO, value: { actual: 46 } }, second: { id: NPO, value: { actual: 47 } } });
    } finally {
      recordValue.mockRestore();
      clock.mockRestore();
      await own.stop();
    }
  });

  it('over WebSocket too (graphql-ws runs mutations): the first answered, the second refused, the log holding exactly the first', async () => {
    const before = await head();
    const client = wsClient(server.wsUrl, { authorization: editor });
    try {
      const operation = subscribe(client, `mutation { ${record('mine', NPO, 48)} ${record('theirs', otherDepartments, 49)} }`);
      const result = await operation.next();
      expect(result.data).toEqual({ mine: { id: NPO, value: { actual: 48 } }, theirs: null });
      expect(result.errors).toEqual([expect.objectContaining({ path: ['theirs'], extensions: { code: 'FORBIDDEN' } })]);
      expect(await eventsAfter(before)).toEqual([expect.objectContaining({ data: expect.objectContaining({ value: 48 }) })]);
    } finally {
      await client.dispose();
    }
  });
});
