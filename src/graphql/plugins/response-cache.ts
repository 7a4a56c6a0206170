// A response cache and conditional GET for GraphQL reads, keyed by the ledger's log position.
//
// Apollo's own caches are time-based (max-age) because a generic server cannot know when its data
// changes. The ledger can: nothing changes except by an append, and every append moves the read
// model's position. So a query's answer is named by (position, document, operation, variables):
//  - every cacheable answer carries ETag "<position>-<digest>";
//  - a client sending a matching If-None-Match gets 304 Not Modified without the resolvers running
//    (no cache entry needed: a matching tag proves the client holds the current answer);
//  - answers are kept in memory and served again, without the resolvers, until the position moves.
// Mutations and subscriptions bypass it. Answers with errors are neither cached nor tagged.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { etagOf, ifNoneMatchHits, questionDigest } from './etag';

export interface ResponseCacheOptions<TContext extends BaseContext = BaseContext> {
  /** The log position the read model answers from (e.g. () => ledger.projections.checkpoint()). */
  headPosition: () => number;
  /** Answers kept at once; the oldest goes first. */
  maxEntries?: number;
  /**
   * What else an answer depends on, e.g. the caller's role. Defaults to the Authorization header, so
   * callers with different credentials never share an entry or a tag.
   */
  varyBy?: (requestContext: GraphQLRequestContext<TContext>) => string;
}

type SingleResult = Extract<GraphQLResponse['body'], { kind: 'single' }>['singleResult'];

interface Entry {
  position: number;
  etag: string;
  result: SingleResult;
}

const byAuthorization = (requestContext: GraphQLRequestContext<BaseContext>): string =>
  requestContext.request.http?.headers.get('authorization') ?? '';

export function responseCachePlugin<TContext extends BaseContext = BaseContext>(options: ResponseCacheOptions<TContext>): ApolloServerPlugin<TContext> {
  const maxEntries = options.maxEntries ?? 1000;
  const varyBy = options.varyBy ?? byAuthorization;
  const entries = new Map<string, Entry>();
  let cachedAt = -1;

  return {
    async requestDidStart() {
      // Set once the operation is known to be a query; absent for mutations, subscriptions and failures.
      let question: { digest: string; position: number; etag: string } | null = null;
      return {
        async responseForOperation(requestContext) {
          // No operation at all (several without a name, an unknown name) is for execution to refuse.
          if (requestContext.operation?.operation !== 'query' || !requestContext.queryHash) return null;
          const position = options.headPosition();
          // Every answer kept so far was given at an older position: none can be served again.
          if (position !== cachedAt) {
            entries.clear();
            cachedAt = position;
          }
          let digest: string;
          try {
            digest = questionDigest({
              queryHash: requestContext.queryHash,
              operationName: requestContext.operationName,
              variables: requestContext.request.variables,
              vary: varyBy(requestContext),
            });
          } catch {
            // Variables too deep to serialise: answer without the cache; validation refuses them anyway.
            return null;
          }
          const etag = etagOf(position, digest);
          question = { digest, position, etag };
          const http = { status: undefined as number | undefined, headers: requestContext.response.http.headers };
          if (ifNoneMatchHits(requestContext.request.http?.headers.get('if-none-match'), etag)) {
            http.headers.set('etag', etag);
            http.status = 304;
            return { http, body: { kind: 'single', singleResult: {} } };
          }
          const entry = entries.get(digest);
          if (!entry) return null;
          // Most recently used last, so the first key is the one to evict.
          entries.delete(digest);
          entries.set(digest, entry);
          http.headers.set('etag', entry.etag);
          return { http, body: { kind: 'single', singleResult: entry.result } };
        },

        async willSendResponse(requestContext) {
          if (!question || requestContext.response.http.status === 304) return;
          const { body } = requestContext.response;
          if (body.kind !== 'single' || body.singleResult.errors?.length) return;
          // A write landed while the resolvers ran: the answer may mix two positions, so it names neither.
          if (options.headPosition() !== question.position) return;
          requestContext.response.http.headers.set('etag', question.etag);
          if (entries.has(question.digest) || question.position !== cachedAt) return;
          entries.set(question.digest, { position: question.position, etag: question.etag, result: body.singleResult });
          if (entries.size > maxEntries) {
            const oldest = entries.keys().next().value;
            if (oldest !== undefined) entries.delete(oldest);
          }
        },
      };
    },
  };
}
