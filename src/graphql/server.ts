// The GraphQL server's public entry points; kept here so callers need not know how it is split up.
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { createErrorFormatter } from './format-error';

export { createApolloServer, type ApolloServerOptions, type LedgerPlugin } from './apollo-server';
export { startServer, type RunningServer, type ServerOptions } from '../http/start-server';

/** Clients get a code for every error; the message of an unexpected one stays in the server's log. */
export function formatError(logger: Logger | undefined, development: boolean): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return createErrorFormatter({ logger, development });
}
