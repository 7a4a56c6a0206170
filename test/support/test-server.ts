import type { Logger } from 'pino';
import { Ledger } from '../../src/application/ledger';
import { startServer } from '../../src/graphql/server';
import { SqliteEventStore } from '../../src/store/sqlite/sqlite-event-store';

export interface GqlResponse<T> {
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; locations?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface TestServer {
  /** The GraphQL endpoint, http://127.0.0.1:PORT/graphql. */
  url: string;
  /** The same endpoint for graphql-ws clients. */
  wsUrl: string;
  ledger: Ledger;
  /** POSTs a GraphQL operation over real HTTP. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** Open ledgerEvents subscriptions, to know when one is listening. */
  subscriptionCount(): number;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** SQLite file of the embedded store; in memory by default. */
  path?: string;
  development?: boolean;
  maxProjectionLag?: number;
  logger?: Logger;
}

export async function startTestServer(pathOrOptions: string | TestServerOptions = {}): Promise<TestServer> {
  const options = typeof pathOrOptions === 'string' ? { path: pathOrOptions } : pathOrOptions;
  const ledger = await Ledger.embedded(new SqliteEventStore({ path: options.path ?? ':memory:' }));
  const server = await startServer({
    ledger,
    port: 0,
    host: '127.0.0.1',
    development: options.development ?? false,
    ...(options.maxProjectionLag !== undefined ? { maxProjectionLag: options.maxProjectionLag } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    ledger,
    async gql(query, variables, headers = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    subscriptionCount: () => server.subscriptionCount(),
    async stop() {
      await server.stop();
      await ledger.close();
    },
  };
}
