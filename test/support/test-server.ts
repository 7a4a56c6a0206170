import type { Logger } from 'pino';
import { Ledger } from '../../src/application/ledger';
import { loadAuthConfig } from '../../src/auth/auth-config';
import type { MetricsConfig } from '../../src/config/metrics-config';
import type { CorsPolicy } from '../../src/http/cors-policy';
import { DEFAULT_CLIENT_LIMITS, type ClientLimits } from '../../src/config/client-limits';
import { Authenticator } from '../../src/auth/authenticator';
import { TEST_JWT_SECRET, tokenFor } from './server-process';
import { startServer } from '../../src/http/start-server';
import { ResponseCache } from '../../src/graphql/plugins/response-cache';
import { SqliteEventStore } from '../../src/store/sqlite/sqlite-event-store';
import { DEFAULT_APQ_CACHE_MB, type PersistedDocumentsConfig } from '../../src/config/persisted-documents';

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
  /**
   * POSTs a GraphQL operation over real HTTP, as an admin unless `headers.authorization` says otherwise
   * (an empty string sends no token: the anonymous viewer).
   */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** `Bearer <admin token>`, for clients the test builds itself (graphql-ws, graphql-http). */
  adminAuthorization: string;
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
  /** Serve with the position-keyed response cache, as `plan-ledger serve` does. */
  responseCache?: boolean;
  /** Who may read /metrics and which operations it names (by default: admins; the explorer's operations). */
  metrics?: MetricsConfig;
  /** Which origins may call the API (any, by default). */
  cors?: CorsPolicy;
  /** Per-client limits; by default none, as the suites make many requests from one address quickly. */
  clientLimits?: ClientLimits;
  /** Automatic persisted queries (on, by default, as `serve` has them) and trusted documents (none). */
  persistedDocuments?: PersistedDocumentsConfig;
}

export async function startTestServer(pathOrOptions: string | TestServerOptions = {}): Promise<TestServer> {
  const options = typeof pathOrOptions === 'string' ? { path: pathOrOptions } : pathOrOptions;
  const ledger = await Ledger.embedded(new SqliteEventStore({ path: options.path ?? ':memory:' }));
  const authenticator = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_SECRET: TEST_JWT_SECRET }));
  // The server's own operator: an admin of the whole platform (tests of the claim mint their own tokens).
  const adminAuthorization = `Bearer ${await tokenFor('admin', 'test-admin', [], ['*'])}`;
  const server = await startServer({
    authenticator,
    ledger,
    port: 0,
    host: '127.0.0.1',
    development: options.development ?? false,
    ...(options.maxProjectionLag !== undefined ? { maxProjectionLag: options.maxProjectionLag } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    metrics: options.metrics ?? { public: false, operations: [] },
    cors: options.cors ?? { anyOrigin: true },
    clientLimits: options.clientLimits ?? { ...DEFAULT_CLIENT_LIMITS, requestsPerSecond: 0, maxExpensivePerClient: 0 },
    persistedDocuments: options.persistedDocuments ?? { apqCacheBytes: DEFAULT_APQ_CACHE_MB * 1024 * 1024, trusted: null },
    ...(options.responseCache ? { responseCache: new ResponseCache({ headPosition: () => ledger.readModel.position.current() }) } : {}),
  });
  return {
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    ledger,
    adminAuthorization,
    async gql(query, variables, headers = {}) {
      const { authorization = adminAuthorization, ...rest } = headers;
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...rest, ...(authorization ? { authorization } : {}) },
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
