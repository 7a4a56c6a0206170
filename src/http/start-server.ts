// One HTTP server: GraphQL over HTTP and WebSocket at /graphql, the offline explorer, health probes
// and metrics. stop() drains it: no new connections, in-flight requests finish, sockets are closed.
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createServer, type ServerResponse } from 'node:http';
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
async function observe(ledger: Ledger, logger: Logger): Promise<{ feed: LedgerEventFeed; metrics: ServerMetrics }> {
  let feed: LedgerEventFeed | null = null;
  const metrics = new ServerMetrics({
    storeHead: () => ledger.log.headPosition(),
    projectionPosition: () => ledger.readModel.checkpoint(),
    subscriptions: () => feed?.subscriberCount ?? 0,
    present: () => ledger.readModel.present?.size() ?? null,
  });
  feed = await LedgerEventFeed.start(ledger.log, {
    onEvent: () => metrics.eventsAppended.inc(),
    onError: (err, event) => logger.error({ err, position: event.position }, 'an appended event could not be sent to subscribers'),
    readModelAt: (position) => ledger.waitForPosition(position),
  });
  return { feed, metrics };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { ledger } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const development = isDevelopment(options.development);
  const limits = options.limits ?? loadLimits();
  const authenticator = options.authenticator ?? (await Authenticator.create(loadAuthConfig()));
  const { feed, metrics } = await observe(ledger, logger);
  const authenticate = (authorization: string | null | undefined) => principalFromAuthorization(authenticator, authorization);
  const contextFor = async (authorization: string | null | undefined, httpResponse?: ServerResponse): Promise<RequestContext> =>
    createRequestContext(ledger, await authenticate(authorization), { events: feed, httpResponse: httpResponse ?? null });
  let draining = false;

  const httpServer = createServer();
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
    });
    const operationNames = new OperationNames();
    apollo = await createApolloServer({
      logger,
      development,
      limits,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        drainWebSockets(sockets),
        metricsPlugin(metrics),
        operationNames.plugin(),
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
      authenticate,
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
      metrics: metrics.handler(),
      body: limitedJsonBody(limits),
      graphql: expressMiddleware(started, { context: ({ req, res }) => contextFor(req.headers.authorization, res) }),
    });
    httpServer.on('request', (req, res) => {
      logRequest(req, res);
      if (!answerGraphqlPost(req, res)) app(req, res);
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
