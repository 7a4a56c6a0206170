// Apollo Client 4's normalized InMemoryCache, with no configuration, against the real server: a past
// view and the present stay apart across a write, and queries selecting different fields of the same
// objects merge instead of warning "Cache data may be lost" and refetching.
import { ApolloClient, HttpLink, InMemoryCache, gql, type DocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let t0: string;
const warnings: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  await new Promise((resolve) => setTimeout(resolve, 5));
  t0 = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  for (const level of ['warn', 'error', 'log'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await server.stop();
});
beforeEach(() => void (warnings.length = 0));

const newClient = () =>
  new ApolloClient({ link: new HttpLink({ uri: server.url, headers: { authorization: server.adminAuthorization } }), cache: new InMemoryCache() });

/** The latest result a watched query delivered. */
function watch<T>(client: ApolloClient, query: DocumentNode, variables: Record<string, unknown>) {
  const latest: { data: T | undefined } = { data: undefined };
  const subscription = client.watchQuery<T>({ query, variables }).subscribe((result) => {
    if (result.data && result.dataState === 'complete') latest.data = result.data as T;
  });
  return { latest, stop: () => subscription.unsubscribe() };
}

const settle = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

const RECORD = gql`
  mutation ($id: ID!, $value: Float!) {
    recordValue(input: { indicatorId: $id, fiscalYear: 2021, kind: ACTUAL, value: $value, reason: "recount" }) { id values { id fiscalYear actual } }
  }
`;

type Values = { id: string; values: Array<{ fiscalYear: number; actual: number | null }> };
/** What any of the three queries answers. */
type Answer = { indicator?: Values; measure?: { indicators: Values[] }; project?: { cost: Values } };
const actual2021 = (indicator: Values | undefined) => indicator?.values.find((v) => v.fiscalYear === 2021)?.actual;

describe.each([
  {
    root: 'indicator',
    query: gql`query ($at: PointInTime) { indicator(id: "5-1-1/NPO法人数", at: $at) { id name values { id fiscalYear actual } } }`,
    written: '062073:5-1-1/NPO法人数',
    pick: (data: Answer) => data.indicator,
  },
  {
    root: 'measure',
    query: gql`query ($at: PointInTime) { measure(code: "5-1-1", at: $at) { id title indicators { id name values { id fiscalYear actual } } } }`,
    written: '062073:5-1-1/NPO法人数',
    pick: (data: Answer) => data.measure?.indicators.find((i) => i.id.startsWith('062073:5-1-1/NPO法人数')),
  },
  {
    root: 'project',
    query: gql`query ($at: PointInTime) { project(id: "地域おこし協力隊推進事業費", at: $at) { id name cost { id values { id fiscalYear actual } } } }`,
    written: '062073:地域おこし協力隊推進事業費/事業費',
    pick: (data: Answer) => data.project?.cost,
  },
])('a watched past view of $root', ({ query, written, pick }) => {
  it('keeps what the server answers for that instant while the present shows the write', async () => {
    const client = newClient();
    const past = watch<Answer>(client, query, { at: { recordedAt: t0 } });
    const present = watch<Answer>(client, query, { at: null });
    await settle(() => past.latest.data !== undefined && present.latest.data !== undefined);
    const then = actual2021(pick(past.latest.data!));
    expect(then).toEqual(expect.any(Number));

    const value = (actual2021(pick(present.latest.data!)) ?? 0) + 511;
    await client.mutate({ mutation: RECORD, variables: { id: written, value } });
    await settle(() => actual2021(pick(present.latest.data!)) === value);

    expect(actual2021(pick(present.latest.data!))).toBe(value);
    expect(actual2021(pick(past.latest.data!))).toBe(then);
    // And that is what the server says of the instant.
    const fresh = await newClient().query({ query, variables: { at: { recordedAt: t0 } } });
    expect(actual2021(pick(fresh.data as Answer))).toBe(then);
    // The present keeps its stable id; the past view's id names its point.
    expect(pick(present.latest.data!)?.id).toBe(written);
    expect(pick(past.latest.data!)?.id).toMatch(new RegExp(`^${written}@position=\\d+$`));
    past.stop();
    present.stop();
    client.stop();
  });
});

describe('queries selecting different fields of the same objects', () => {
  // Every object selected with its id, as Apollo Client users select them (and its docs ask).
  const pairs: Array<[string, DocumentNode, DocumentNode]> = [
    ['values', gql`{ indicator(id: "5-1-1/NPO法人数") { id values { id fiscalYear target } } }`, gql`{ indicator(id: "5-1-1/NPO法人数") { id values { id fiscalYear actual } } }`],
    ['history', gql`{ indicator(id: "5-1-1/NPO法人数") { id history(fiscalYear: 2021, kind: TARGET) { id value } } }`, gql`{ indicator(id: "5-1-1/NPO法人数") { id history(fiscalYear: 2021, kind: TARGET) { id actor } } }`],
    ['goals, chapter, policy', gql`{ measure(code: "5-1-1") { id goals { id number } chapter { id number } policy { id code } } }`, gql`{ measure(code: "5-1-1") { id goals { id title } chapter { id title } policy { id title } } }`],
    ['budgetAccount', gql`{ project(id: "地域おこし協力隊推進事業費") { id budgetAccount { id code } } }`, gql`{ project(id: "地域おこし協力隊推進事業費") { id budgetAccount { id fund } } }`],
    ['plan', gql`{ plan { id chapters { id number } } }`, gql`{ plan { id title } }`],
    ['editions', gql`{ editions { id fiscalYear } }`, gql`{ editions { id label } }`],
  ];

  it.each(pairs)('%s: merge without "Cache data may be lost", and the first query still reads from the cache', async (_name, first, second) => {
    const client = newClient();
    await client.query({ query: first });
    await client.query({ query: second });
    expect(warnings.filter((w) => /Cache data may be lost/.test(w))).toEqual([]);
    expect(client.readQuery({ query: first })).not.toBeNull();
    expect(client.readQuery({ query: second })).not.toBeNull();
    client.stop();
  });
});

describe('the connections with relayStylePagination, as the README says', () => {
  it('forward and backward pages merge into one list in order', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: server.url, headers: { authorization: server.adminAuthorization } }),
      cache: new InMemoryCache({
        typePolicies: { Query: { fields: { projects: relayStylePagination(['filter', 'at']), auditTrail: relayStylePagination(['filter']) } } },
      }),
    });
    const PROJECTS = gql`
      query ($first: Int, $after: String, $last: Int, $before: String) {
        projects(first: $first, after: $after, last: $last, before: $before) {
          totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    `;
    type Projects = { projects: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string | null } } };
    const all = (await newClient().query<Projects>({ query: PROJECTS, variables: { first: 500 } })).data!.projects;
    const watched = client.watchQuery<Projects>({ query: PROJECTS, variables: { first: 3 } });
    const first = await watched.fetchMore({ variables: { first: 3 } });
    const endCursor = (first.data as Projects).projects.pageInfo.endCursor;
    await watched.fetchMore({ variables: { first: 3, after: endCursor } });
    const merged = client.readQuery<Projects>({ query: PROJECTS, variables: { first: 3 } })!.projects;
    expect(merged.edges.map((e) => e.node.id)).toEqual(all.edges.slice(0, 6).map((e) => e.node.id));

    const backward = client.watchQuery<Projects>({ query: PROJECTS, variables: { last: 3 } });
    const tail = await backward.fetchMore({ variables: { last: 3 } });
    const startCursor = (tail.data as Projects & { projects: { pageInfo: { startCursor: string | null } } }).projects.pageInfo.startCursor;
    await backward.fetchMore({ variables: { last: 3, before: startCursor } });
    const end = client.readQuery<Projects>({ query: PROJECTS, variables: { last: 3 } })!.projects;
    expect(end.edges.map((e) => e.node.id)).toEqual(all.edges.slice(-6).map((e) => e.node.id));
    expect(warnings.filter((w) => /Cache data may be lost/.test(w))).toEqual([]);
    client.stop();
  });
});
