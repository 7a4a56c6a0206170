// editionChanges over HTTP: two editions imported through the importReport mutation, asked by an anonymous
// viewer (the published plan is open), with and without the municipality argument (scope: #15).
import { EDITION_CHANGES, edition2022Text, ids, revisionLine, type EditionChangesData } from './support/edition-changes';
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
const ANONYMOUS = { authorization: '' };
const IMPORT = 'mutation($text: String!) { importReport(input: { municipality: "062073", text: $text }) { edition eventsAppended } }';

beforeAll(async () => {
  server = await startTestServer();
  for (const text of [sampleText(), edition2022Text()]) {
    const imported = await server.gql(IMPORT, { text });
    expect(imported.errors).toBeUndefined();
  }
});
afterAll(() => server.stop());

async function changes(query: string, edition: number): Promise<EditionChangesData | undefined> {
  const result = await server.gql<{ editionChanges: EditionChangesData }>(query, { edition }, ANONYMOUS);
  expect(result.errors).toBeUndefined();
  return result.data?.editionChanges;
}

describe('Query.editionChanges over HTTP', () => {
  it('answers the 2022 edition’s revisions, additions, absences and moves', async () => {
    const answer = await changes(EDITION_CHANGES, 2022);
    expect(answer?.label).toBe('令和4年度');
    expect(answer?.revisions.filter((r) => r.easedAfterMiss).map(revisionLine)).toEqual([
      '062073:5-4-1/海の子山の子交歓会の参加人数 2023 TARGET: 60人 (2021) → 50人, Δ -10, eased true, after miss true',
    ]);
    expect(answer?.revisions).toHaveLength(7);
    expect(ids(answer?.addedProjects ?? [])).toEqual(['062073:関係人口創出事業費']);
    expect(ids(answer?.droppedProjects ?? [])).toEqual(['062073:まちづくり推進事業費']);
    expect(answer?.departmentMoves.map((m) => `${m.ownerId}: ${m.from} → ${m.to}`)).toEqual([
      '062073:5-3-2: 市政戦略課 → 福祉課',
      '062073:上山型温泉クアオルト事業費: 市政戦略課 → クアオルト推進課',
      '062073:国際交流推進費: 庶務課 → 市政戦略課',
    ]);
  });

  it('takes the municipality argument and answers the same (one municipality until #15)', async () => {
    const scoped = EDITION_CHANGES.replace('editionChanges(edition: $edition)', 'editionChanges(edition: $edition, municipality: "062073")');
    expect(await changes(scoped, 2022)).toEqual(await changes(EDITION_CHANGES, 2022));
  });

  it('resolves indicators through the Indicator type, nested fields and all', async () => {
    const query = `query($edition: Int!) { editionChanges(edition: $edition) {
      revisions { indicator { id name measure { code } value(fiscalYear: 2023) { target } } fiscalYear kind to }
    } }`;
    const result = await server.gql<{ editionChanges: { revisions: { indicator: { name: string; measure: { code: string } | null; value: { target: number | null } | null }; fiscalYear: number; to: number | null }[] } }>(query, { edition: 2022 });
    expect(result.errors).toBeUndefined();
    const npo = result.data?.editionChanges.revisions.find((r) => r.indicator.name === 'NPO法人数');
    expect(npo).toEqual({ indicator: { id: '062073:5-1-1/NPO法人数', name: 'NPO法人数', measure: { code: '5-1-1' }, value: { target: 16 } }, fiscalYear: 2023, kind: 'TARGET', to: 16 });
  });

  it('refuses an edition the ledger does not hold: BAD_USER_INPUT on the edition argument', async () => {
    const result = await server.gql(EDITION_CHANGES, { edition: 2030 });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toBe('edition 2030 names no edition imported: the ledger holds 2021, 2022');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edition' });
  });
});
