import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Ledger } from '../application/ledger';
import { createRequestContext, type RequestContext } from './context';
import { toClientError } from './errors';
import { ledgerSchema } from './schema';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** Clients get a code for every error; the message of an unexpected one stays in the server's log. */
export function formatError(logger: Logger | undefined, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const client = toClientError(original);
    if (client) return { message: client.message, path: formatted.path, locations: formatted.locations, extensions: { ...client.extensions } };
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: development ? formatted.extensions : extensions };
    }
    logger?.error({ err: original }, 'unexpected error in a GraphQL request');
    return {
      message: development && original instanceof Error ? original.message : 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export interface ServerOptions {
  ledger: Ledger;
  port: number;
  host?: string;
  logger?: Logger;
  development?: boolean;
}

export async function createApolloServer(options: { logger?: Logger; development?: boolean } = {}): Promise<ApolloServer<RequestContext & BaseContext>> {
  const development = options.development ?? process.env['NODE_ENV'] === 'development';
  const server = new ApolloServer<RequestContext & BaseContext>({
    schema: await ledgerSchema(),
    formatError: formatError(options.logger, development),
    includeStacktraceInErrorResponses: development,
  });
  return server;
}

export async function startServer(options: ServerOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await createApolloServer(options);
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? '0.0.0.0' },
    context: async () => createRequestContext(options.ledger, 'anonymous'),
  });
  return { url, stop: () => server.stop() };
}
