// Subscriptions (and, as graphql-ws allows, queries and mutations) over WebSocket on /graphql.
import type { Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authorizationOf } from '../graphql/actor';
import type { RequestContext } from '../graphql/context';
import type { ErrorFormatter } from '../graphql/format-error';
import { authorizeMutationFields } from '../graphql/mutation-authorization';
import type { Limits } from '../config/limits';
import type { Principal } from '../auth/principal';
import { limitError } from '../graphql/plugins/limits/limit-error';
import { checkOperation } from './ws-operation';
import { sha256Hex, untrustedDocument, type PersistedDocuments } from '../graphql/persisted-documents';
import { CLOSE_BAD_REQUEST, MAX_OPERATION_ID_LENGTH, SocketsPerClient, closeAtExpiry } from './ws-guards';

export interface GraphqlWsOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  /** The same context an HTTP request gets, from the connection's `connectionParams.authorization`. */
  context: (authorization: string | null) => Promise<RequestContext>;
  /** The same limits HTTP requests meet. */
  limits: Limits;
  /** Rejects a bad token when the connection opens, not at its first subscription. */
  authenticate: (authorization: string | null) => Promise<Principal>;
  formatError: ErrorFormatter;
  /** With trusted documents, only those run over WebSocket too. */
  documents?: PersistedDocuments | undefined;
}

export interface Disposable {
  dispose(): Promise<void>;
}

const asGraphQLError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : null });

export function serveGraphqlWs(options: GraphqlWsOptions): Disposable {
  const sockets = new SocketsPerClient(options.limits.maxSocketsPerClient);
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    // The HTTP body limit holds for messages too (ws would take 100 MiB).
    maxPayload: options.limits.maxBodyBytes,
    verifyClient: ({ req }, done) => (sockets.admits(req) ? done(true) : done(false, 429, 'Too Many Requests: too many WebSockets from this address')),
  });
  wsServer.on('connection', (socket, request) => sockets.track(socket, request));
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  const server = useServer(
    {
      // false closes the socket with 4403 Forbidden; no token at all is the anonymous viewer.
      onConnect: async (ctx) =>
        options.authenticate(authorizationOf(ctx.connectionParams)).then(
          (principal) => {
            if (principal.expiresAt !== undefined) closeAtExpiry(ctx.extra.socket, principal.expiresAt);
            return true;
          },
          () => false,
        ),
      async onSubscribe(ctx, id, payload) {
        if (id.length > MAX_OPERATION_ID_LENGTH) {
          // Closed rather than answered: every answer to an operation echoes its id.
          const message = `Invalid message: an id longer than ${MAX_OPERATION_ID_LENGTH} characters`;
          ctx.extra.socket.close(CLOSE_BAD_REQUEST, message);
          return [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })];
        }
        // graphql-ws has registered this operation already.
        const running = Object.keys(ctx.subscriptions).length - 1;
        if (running >= options.limits.maxOperationsPerSocket) {
          const max = options.limits.maxOperationsPerSocket;
          return [limitError('maxOperationsPerSocket', max, running + 1, `this socket already runs ${running} operations, the most one socket may run at once`)];
        }
        if (options.documents?.trustedOnly && !options.documents.admits(sha256Hex(payload.query))) return [untrustedDocument()];
        try {
          const checked = checkOperation(options.schema, payload, options.limits);
          if (Array.isArray(checked)) return checked;
          const contextValue = await options.context(authorizationOf(ctx.connectionParams));
          await authorizeMutationFields(options.schema, checked.document, checked.operation, payload.variables ?? undefined, contextValue);
          return {
            schema: options.schema,
            document: checked.document,
            operationName: payload.operationName ?? null,
            variableValues: payload.variables ?? null,
            contextValue,
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
