import cors from 'cors';
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { explorerRoutes } from './explorer/explorer-routes';
import { errorHandler, notFoundHandler } from './http-errors';

export interface AppParts {
  graphqlPath: string;
  logger: Logger;
  health: Router;
  metrics: RequestHandler;
  /** Parses the JSON body, within the configured size limit. */
  body: RequestHandler;
  /** Apollo's Express middleware. */
  graphql: RequestHandler;
}

/**
 * The routes, in the order a request meets them. JSON POSTs to /graphql never get here (see
 * graphql-post.ts); the request log runs before both (start-server.ts).
 */
export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(parts.health);
  app.get('/metrics', parts.metrics);
  app.use(explorerRoutes(parts.graphqlPath));
  // Any origin may call the API: credentials travel in the Authorization header, never in cookies,
  // so a foreign page cannot borrow a user's session.
  app.all(parts.graphqlPath, cors(), parts.body, parts.graphql);
  app.use(notFoundHandler);
  app.use(errorHandler(parts.logger));
  return app;
}
