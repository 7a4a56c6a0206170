import { Ledger } from '../../src/application/ledger';
import { startServer } from '../../src/graphql/server';
import { SqliteEventStore } from '../../src/store/sqlite/sqlite-event-store';

export interface GqlResponse<T> {
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface TestServer {
  url: string;
  ledger: Ledger;
  /** POSTs a GraphQL operation over real HTTP. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestServer(path = ':memory:'): Promise<TestServer> {
  const ledger = await Ledger.embedded(new SqliteEventStore({ path }));
  const { url, stop } = await startServer({ ledger, port: 0, host: '127.0.0.1' });
  return {
    url,
    ledger,
    async gql(query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async stop() {
      await stop();
      await ledger.close();
    },
  };
}
