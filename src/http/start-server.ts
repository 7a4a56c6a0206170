// One HTTP server: GraphQL over HTTP and WebSocket at /graphql, the offline explorer, health probes
// and metrics. stop() drains it: no new connections, in-flight requests finish, sockets are closed.
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import type { Ledger } from '../application/ledger';
import { loadAuthConfig } from '../auth/auth-config';
import { loadLimits, type Limits } from '../config/limits';
import { limitedJsonBody } from '../graphql/plugins/limits';
import { Authenticator } from '../auth/authenticator';
import { principalFromAuthorization } from '../graphql/actor';
import { createApolloServer, isDevelopment, type LedgerPlugin } from '../graphql/apollo-server';
import { createRequestContext, type RequestContext } from '../graphql/context';
import { createErrorFormatter } from '../graphql/format-error';
import { LedgerEventFeed } from '../graphql/ledger-event-feed';
import { ledgerSchema } from '../graphql/schema';
import { createApp } from './app';
import { serveGraphqlWs, type Disposable } from './graphql-ws';
import { DEFAULT_MAX_PROJECTION_LAG, healthRoutes } from './health';
import { listen, urlOf } from './listen';
import { ServerMetrics } from './metrics';
import { knownOperationNames, metricsAccess } from './metrics-access';
import { loadMetricsConfig, type MetricsConfig } from '../config/metrics-config';
import { corsHeaders, loadCorsPolicy, type CorsPolicy } from './cors-policy';
import { loadClientLimits, type ClientLimits } from '../config/client-limits';
import { loadPersistedDocumentsConfig, type PersistedDocumentsConfig } from '../config/persisted-documents';
import { PersistedDocuments } from '../graphql/persisted-documents';
import { clientAddressOf } from './client-address';
import { expensiveQueries } from './expensive-queries';
import { requestRate } from './request-rate';
import { metricsPlugin } from './metrics-plugin';
import { graphqlPost } from './graphql-post';
import { sendErrorResponse } from './http-errors';
import { OperationNames, requestLog } from './request-log';
import type { ResponseCache } from '../graphql/plugins/response-cache';

export const GRAPHQL_PATH = '/graphql';

export interface ServerOptions {
  ledger: Ledger;
  port: number;
  host?: string;
  logger?: Logger;
  /** Full error messages and stack traces; defaults to NODE_ENV=development. */
  development?: boolean;
  /** /readyz answers 503 while the read model is more than this many events behind the store. */
  maxProjectionLag?: number;
  /** More Apollo plugins. */
  plugins?: LedgerPlugin[];
  /** Answers repeated reads at the same log position from memory, with ETags and 304s. */
  responseCache?: ResponseCache;
  /** Request limits; by default from PLAN_LEDGER_MAX_* in the environment, checked before listening. */
  limits?: Limits;
  /** Verifies bearer tokens; by default from PLAN_LEDGER_JWT_* in the environment, checked before listening. */
  authenticator?: Authenticator;
  /** Who may read /metrics and which operations it names; by default from PLAN_LEDGER_METRICS_*. */
  metrics?: MetricsConfig;
  /** Which origins may call the API; by default from PLAN_LEDGER_CORS_ORIGINS (any, when unset). */
  cors?: CorsPolicy;
  /** Rates, expensive queries and connections per client; by default from the environment (client-limits.ts). */
  clientLimits?: ClientLimits;
  /** Automatic persisted queries and trusted documents; by default from PLAN_LEDGER_APQ_CACHE_MB and PLAN_LEDGER_TRUSTED_DOCUMENTS. */
  persistedDocuments?: PersistedDocumentsConfig;
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Open Subscription.ledgerEvents subscriptions. */
  subscriptionCount(): number;
  stop(): Promise<void>;
}

/** Apollo's drain hook for the WebSocket server, so stop() closes subscriptions too. */
const drainWebSockets = (sockets: Disposable): LedgerPlugin => ({
  async serverWillStart() {
    return { drainServer: () => sockets.dispose() };
  },
});

/** The live feed of appended events and the metrics that count them, started together. */
async function observe(ledger: Ledger, logger: Logger, knownOperations: readonly string[]): Promise<{ feed: LedgerEventFeed; metrics: ServerMetrics }> {
  let feed: LedgerEventFeed | null = null;
  const metrics = new ServerMetrics({
    storeHead: () => ledger.log.headPosition(),
    projectionPosition: () => ledger.readModel.checkpoint(),
    subscriptions: () => feed?.subscriberCount ?? 0,
    present: () => ledger.readModel.present?.size() ?? null,
  }, knownOperations);
  feed = await LedgerEventFeed.start(ledger.log, {
    onEvent: () => metrics.eventsAppended.inc(),
    onError: (err, event) => logger.error({ err, position: event.position }, 'an appended event could not be sent to subscribers'),
    readModelAt: (position) => ledger.waitForPosition(position),
    municipalityOf: (event) => ledger.municipalityOf(event),
  });
  return { feed, metrics };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { ledger } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const development = isDevelopment(options.development);
  const limits = options.limits ?? loadLimits();
  const authenticator = options.authenticator ?? (await Authenticator.create(loadAuthConfig()));
  const metricsConfig = options.metrics ?? loadMetricsConfig();
  const cors = options.cors ?? loadCorsPolicy();
  const clientLimits = options.clientLimits ?? loadClientLimits();
  const documents = new PersistedDocuments(options.persistedDocuments ?? loadPersistedDocumentsConfig());
  const addressOf = clientAddressOf(clientLimits.trustProxy);
  const expensive = expensiveQueries({ maxPerClient: clientLimits.maxExpensivePerClient, expensiveCost: clientLimits.expensiveCost, addressOf });
  const admitRequest = requestRate(clientLimits.requestsPerSecond, addressOf, corsHeaders(cors));
  const { feed, metrics } = await observe(ledger, logger, knownOperationNames(metricsConfig));
  const authenticate = (authorization: string | null | undefined) => principalFromAuthorization(authenticator, authorization);
  const contextFor = async (authorization: string | null | undefined, httpResponse?: ServerResponse): Promise<RequestContext> =>
    createRequestContext(ledger, await authenticate(authorization), { events: feed, httpResponse: httpResponse ?? null });
  let draining = false;

  const httpServer = createServer({
    headersTimeout: clientLimits.headersTimeoutMs,
    requestTimeout: clientLimits.httpRequestTimeoutMs,
    // Node looks for timed-out requests every 30 s by default, which would let a slow client hold on that much longer.
    connectionsCheckingInterval: Math.min(1000, clientLimits.headersTimeoutMs),
  });
  httpServer.maxConnections = clientLimits.maxConnections;
  let apollo: ApolloServer<RequestContext & BaseContext> | null = null;
  try {
    const sockets = serveGraphqlWs({
      httpServer,
      path: GRAPHQL_PATH,
      schema: await ledgerSchema(),
      context: contextFor,
      limits,
      authenticate,
      formatError: createErrorFormatter({ logger, development }),
      documents,
    });
    const operationNames = new OperationNames();
    apollo = await createApolloServer({
      logger,
      development,
      limits,
      persistedDocuments: documents,
      ...(expensive ? { admitCost: expensive.onCost } : {}),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        drainWebSockets(sockets),
        metricsPlugin(metrics),
        operationNames.plugin(),
        ...(expensive ? [expensive.plugin] : []),
        ...(options.responseCache ? [options.responseCache.plugin<RequestContext & BaseContext>()] : []),
        ...(options.plugins ?? []),
      ],
    });
    await apollo.start();
    const started = apollo;
    const logRequest = requestLog(logger, operationNames);
    const answerGraphqlPost = graphqlPost({
      path: GRAPHQL_PATH,
      apollo: started,
      context: contextFor,
      maxBodyBytes: limits.maxBodyBytes,
      cache: options.responseCache,
      documents,
      authenticate,
      corsHeaders: corsHeaders(cors),
      onCacheAnswer: (answer, operationName, res) => {
        if (operationName) operationNames.set(res, operationName);
        metrics.countCacheAnswer(answer.kind, operationName);
      },
      onError: (error, res) => sendErrorResponse(res, error, logger),
    });
    const app = createApp({
      graphqlPath: GRAPHQL_PATH,
      logger,
      health: healthRoutes(ledger, { maxLag: options.maxProjectionLag ?? DEFAULT_MAX_PROJECTION_LAG, draining: () => draining }),
      metrics: metrics.handler(metricsAccess(metricsConfig, authenticator)),
      body: limitedJsonBody(limits),
      graphql: expressMiddleware(started, { context: ({ req, res }) => contextFor(req.headers.authorization, res) }),
      cors,
    });
    const route = (req: IncomingMessage, res: ServerResponse) => {
      if (!answerGraphqlPost(req, res)) app(req, res);
    };
    httpServer.on('request', (req, res) => {
      logRequest(req, res);
      if (!admitRequest) route(req, res);
      else {
        admitRequest(req, res).then(
          (admitted) => admitted && route(req, res),
          (error: unknown) => sendErrorResponse(res, error instanceof Error ? error : { message: String(error) }, logger),
        );
      }
    });
    const address = await listen(httpServer, options.port, options.host ?? '0.0.0.0');
    return {
      url: urlOf(address, GRAPHQL_PATH),
      subscriptionCount: () => feed.subscriberCount,
      async stop() {
        draining = true;
        await started.stop();
        await feed.close();
      },
    };
  } catch (error) {
    // A server that failed to start must not keep the process alive through its store subscription.
    await apollo?.stop().catch(() => undefined);
    await feed.close();
    throw error;
  }
}
