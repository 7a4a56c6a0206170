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
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
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

type Field = 'projects' | 'auditTrail';
const FULL = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
interface FullPage {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

async function pageWith(field: Field, args: string): Promise<FullPage> {
  const result = await server.gql<Record<string, FullPage>>(`{ ${field}(${args}) { ${FULL} } }`);
  expect(result.errors).toBeUndefined();
  return result.data![field]!;
}

describe.each<Field>(['projects', 'auditTrail'])('%s backward (Relay: last/before, hasPreviousPage, startCursor)', (field) => {
  it('pages of 3 from the end with last/before give every node once, in the order of one big page', async () => {
    const all = await pageWith(field, `first: ${MAX_PAGE_SIZE}`);
    const nodes: Array<{ id: string }> = [];
    let before: string | null = null;
    let pages = 0;
    for (;;) {
      const current: FullPage = await pageWith(field, `last: 3${before ? `, before: "${before}"` : ''}`);
      pages += 1;
      nodes.unshift(...current.edges.map((e) => e.node));
      expect(current.pageInfo.startCursor).toBe(current.edges[0]?.cursor ?? null);
      expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)?.cursor ?? null);
      expect(current.pageInfo.hasNextPage).toBe(before !== null);
      if (!current.pageInfo.hasPreviousPage) break;
      before = current.pageInfo.startCursor;
      expect(pages).toBeLessThan(1000);
    }
    expect(pages).toBe(Math.ceil(all.totalCount / 3));
    expect(nodes).toEqual(all.edges.map((e) => e.node));
  });

  it('forward pages say whether anything precedes them, and their start cursor', async () => {
    const first = await pageWith(field, 'first: 2');
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: first.edges[0]!.cursor });
    const second = await pageWith(field, `first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.pageInfo.startCursor).toBe(second.edges[0]!.cursor);
  });

  it('after and before together give what lies between', async () => {
    const all = await pageWith(field, 'first: 6');
    const between = await pageWith(field, `after: "${all.edges[1]!.cursor}", before: "${all.edges[5]!.cursor}"`);
    expect(between.edges.map((e) => e.node)).toEqual(all.edges.slice(2, 5).map((e) => e.node));
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('empty pages: null cursors on both ends, and first: 0 / last: 0 say whether any nodes lie beyond', async () => {
    for (const args of ['first: 0', 'last: 0']) {
      const empty = await pageWith(field, args);
      expect(empty.edges).toEqual([]);
      expect(empty.pageInfo).toEqual({
        hasNextPage: args === 'first: 0',
        hasPreviousPage: args === 'last: 0',
        startCursor: null,
        endCursor: null,
      });
    }
    const all = await pageWith(field, `first: ${MAX_PAGE_SIZE}`);
    const past = await pageWith(field, `first: 5, after: "${all.pageInfo.endCursor}"`);
    expect(past.edges).toEqual([]);
    expect(past.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('a bad before cursor or last over the limit names its argument', async () => {
    const badBefore = await server.gql(`{ ${field}(before: "nope") { totalCount } }`);
    expect(badBefore.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    const badLast = await server.gql(`{ ${field}(last: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(badLast.errors?.[0]).toMatchObject({
      message: `last must be between 0 and ${MAX_PAGE_SIZE}, got ${MAX_PAGE_SIZE + 1}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'last' },
    });
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
