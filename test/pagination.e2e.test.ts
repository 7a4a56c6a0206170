// Relay-style pagination over HTTP: paging through with first/after visits every node exactly once,
// in the same order as one big page, and cursors stay valid while the log grows.
import { MAX_PAGE_SIZE } from '../src/graphql/pagination';
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { actor: 'importer' });
});
afterAll(() => server.stop());

async function page<T>(field: 'projects' | 'auditTrail', selection: string, first: number, after: string | null): Promise<Page<T>> {
  const result = await server.gql<Record<string, Page<T>>>(
    `query($first: Int!, $after: String) { ${field}(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${selection} } } } }`,
    { first, after },
  );
  expect(result.errors).toBeUndefined();
  return result.data![field]!;
}

async function pageThrough<T>(field: 'projects' | 'auditTrail', selection: string, first: number): Promise<{ nodes: T[]; pages: number; totalCount: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = 0;
  for (;;) {
    const current: Page<T> = await page<T>(field, selection, first, after);
    pages += 1;
    totalCount = current.totalCount;
    nodes.push(...current.edges.map((e) => e.node));
    expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)?.cursor ?? null);
    if (!current.pageInfo.hasNextPage) return { nodes, pages, totalCount };
    after = current.pageInfo.endCursor;
    expect(pages).toBeLessThan(1000);
  }
}

describe('projects', () => {
  it('pages of 3 give every project once, in the order of one big page', async () => {
    const all = await page<{ id: string }>('projects', 'id', MAX_PAGE_SIZE, null);
    const paged = await pageThrough<{ id: string }>('projects', 'id', 3);
    expect(paged.pages).toBe(Math.ceil(all.totalCount / 3));
    expect(paged.nodes).toEqual(all.edges.map((e) => e.node));
    expect(new Set(paged.nodes.map((n) => n.id)).size).toBe(paged.totalCount);
  });
});

describe('auditTrail', () => {
  it('pages of 50 give every event once, positions 1..n without gaps', async () => {
    const paged = await pageThrough<{ position: string }>('auditTrail', 'position', 50);
    expect(paged.totalCount).toBeGreaterThan(50);
    expect(paged.nodes.map((n) => Number(n.position))).toEqual(Array.from({ length: paged.totalCount }, (_, i) => i + 1));
  });

  it('a cursor stays valid after more events are appended', async () => {
    const first = await page<{ position: string }>('auditTrail', 'position', 10, null);
    await server.gql(`mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: 18, reason: "recount" }) { id } }`);
    const next = await page<{ position: string }>('auditTrail', 'position', 10, first.pageInfo.endCursor);
    expect(next.edges[0]?.node.position).toBe('11');
  });

  it('first: 0 counts without returning nodes', async () => {
    const empty = await page<{ position: string }>('auditTrail', 'position', 0, null);
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBeGreaterThan(0);
    expect(empty.pageInfo.hasNextPage).toBe(true);
  });
});

describe('the page size limit', () => {
  it.each(['projects', 'auditTrail'])('%s(first: 501) is BAD_USER_INPUT naming the limit', async (field) => {
    const result = await server.gql(`{ ${field}(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(result.errors?.[0]).toMatchObject({
      message: `first must be between 0 and ${MAX_PAGE_SIZE}, got ${MAX_PAGE_SIZE + 1}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});
