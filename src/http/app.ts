import cors from 'cors';
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { corsOptions, type CorsPolicy } from './cors-policy';
import { explorerRoutes } from './explorer/explorer-routes';
import { errorHandler, notFoundHandler } from './http-errors';
import { pageRoutes } from './page/page-routes';

export interface AppParts {
  graphqlPath: string;
  logger: Logger;
  health: Router;
  metrics: RequestHandler;
  /** Parses the JSON body, within the configured size limit. */
  body: RequestHandler;
  /** Apollo's Express middleware. */
  graphql: RequestHandler;
  /** Which origins may call the API (PLAN_LEDGER_CORS_ORIGINS). */
  cors: CorsPolicy;
}

/**
 * The routes, in the order a request meets them. JSON POSTs to /graphql never get here (see
 * graphql-post.ts); the request log runs before both (start-server.ts).
 */
export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express would tag every answer it sends, errors included; GraphQL reads are tagged by the response
  // cache (by log position), and nothing else is.
  app.set('etag', false);
  app.use(parts.health);
  app.get('/metrics', parts.metrics);
  // Before the explorer's GET route, which would otherwise answer a preflight itself (Express answers
  // OPTIONS for any path with a GET route): cors() answers it, and adds its headers to every request.
  app.use(parts.graphqlPath, cors(corsOptions(parts.cors)));
  app.use(explorerRoutes(parts.graphqlPath));
  app.all(parts.graphqlPath, parts.body, parts.graphql);
  app.use(pageRoutes(parts.graphqlPath));
  app.use(notFoundHandler);
  app.use(errorHandler(parts.logger));
  return app;
}
