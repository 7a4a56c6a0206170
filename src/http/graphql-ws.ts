// Subscriptions (and, as graphql-ws allows, queries and mutations) over WebSocket on /graphql.
import type { Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authorizationOf } from '../graphql/actor';
import type { RequestContext } from '../graphql/context';
import type { ErrorFormatter } from '../graphql/format-error';
import type { Limits } from '../config/limits';
import { checkOperation } from './ws-operation';

export interface GraphqlWsOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  /** The same context an HTTP request gets, from the connection's `connectionParams.authorization`. */
  context: (authorization: string | null) => Promise<RequestContext>;
  /** The same limits HTTP requests meet. */
  limits: Limits;
  /** Rejects a bad token when the connection opens, not at its first subscription. */
  authenticate: (authorization: string | null) => Promise<unknown>;
  formatError: ErrorFormatter;
}

export interface Disposable {
  dispose(): Promise<void>;
}

const asGraphQLError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : null });

export function serveGraphqlWs(options: GraphqlWsOptions): Disposable {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  const server = useServer(
    {
      // false closes the socket with 4403 Forbidden; no token at all is the anonymous viewer.
      onConnect: async (ctx) =>
        options.authenticate(authorizationOf(ctx.connectionParams)).then(
          () => true,
          () => false,
        ),
      async onSubscribe(ctx, _id, payload) {
        try {
          const checked = checkOperation(options.schema, payload, options.limits);
          if (Array.isArray(checked)) return checked;
          return {
            schema: options.schema,
            document: checked.document,
            operationName: payload.operationName ?? null,
            variableValues: payload.variables ?? null,
            contextValue: await options.context(authorizationOf(ctx.connectionParams)),
          };
        } catch (error) {
          return [asGraphQLError(error)];
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );
  return { dispose: async () => server.dispose() };
}
