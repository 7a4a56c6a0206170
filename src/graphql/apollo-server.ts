import { ApolloServer, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { RequestContext } from './context';
import { createErrorFormatter } from './format-error';
import { authorizeMutationsFirst } from './mutation-authorization';
import { ledgerSchema } from './schema';
import type { Limits } from '../config/limits';
import { apolloLimitOptions, limitPlugins } from './plugins/limits';
import type { PersistedDocuments } from './persisted-documents';

export type LedgerPlugin = ApolloServerPlugin<RequestContext & BaseContext>;

export interface ApolloServerOptions {
  logger?: Logger | undefined;
  /** Full error messages, stack traces and schema hints; defaults to NODE_ENV=development. */
  development?: boolean | undefined;
  plugins?: LedgerPlugin[] | undefined;
  /** Depth, cost, document size, time budget and introspection (PLAN_LEDGER_MAX_* and friends). */
  limits?: Limits | undefined;
  /** Sees each operation's price once it is within the limit, and may refuse it by throwing. */
  admitCost?: ((cost: number, request: GraphQLRequestContext<RequestContext & BaseContext>) => void) | undefined;
  /** Automatic persisted queries and trusted documents; none: both off (PERSISTED_QUERY_NOT_SUPPORTED). */
  persistedDocuments?: PersistedDocuments | undefined;
}

/** Over HTTP a subscription would be answered as a query with a null root: refuse it, naming where it belongs. */
const subscriptionsOverWebSocketOnly: LedgerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws) at this same path, not over HTTP', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * Apollo's cache-control plugin is off (it wraps every resolver to collect hints nobody sets), so its
 * `no-store` default is set here instead; the response cache replaces it on the answers it tags.
 */
const noStoreByDefault: LedgerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

export const isDevelopment = (development: boolean | undefined): boolean => development ?? process.env['NODE_ENV'] === 'development';

export async function createApolloServer(options: ApolloServerOptions = {}): Promise<ApolloServer<RequestContext & BaseContext>> {
  const development = isDevelopment(options.development);
  return new ApolloServer<RequestContext & BaseContext>({
    schema: await ledgerSchema(),
    formatError: createErrorFormatter({ logger: options.logger, development }),
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: !development,
    // Apollo Client's APQ link sends a hash first and the document only when told it is unknown; the
    // documents live in bounded memory (persisted-documents.ts), without expiry: a hash names one text.
    persistedQueries: options.persistedDocuments?.enabled ? { cache: options.persistedDocuments.apolloCache(), ttl: null } : false,
    // The schema is the published contract (schema/schema.graphql), and the offline explorer needs it.
    introspection: true,
    // Apollo's landing pages load from its CDN; the explorer at GET /graphql is served from local files.
    ...(options.limits ? apolloLimitOptions(options.limits) : {}),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStoreByDefault,
      subscriptionsOverWebSocketOnly,
      ...(options.persistedDocuments ? [options.persistedDocuments.plugin<RequestContext & BaseContext>()] : []),
      ...(options.limits ? limitPlugins<RequestContext & BaseContext>(options.limits, options.admitCost ? { admit: options.admitCost } : {}) : []),
      authorizeMutationsFirst,
      ...(options.plugins ?? []),
    ],
  });
}
