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
//
// The Apollo plugin fills the cache and answers from it inside Apollo's pipeline (any transport). The
// served HTTP stack also asks `lookup` before Apollo runs at all (src/http/graphql-post.ts), so a hit
// there costs a body parse and two hashes.
import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import { createHash } from 'node:crypto';
import { etagOf, ifNoneMatchHits, questionDigest } from './etag';

/** The headers an answer may vary by; Apollo's HeaderMap and a plain lookup both fit. */
export interface HeaderReader {
  get(name: string): string | null | undefined;
}

export interface ResponseCacheOptions {
  /** The log position the read model answers from (e.g. () => ledger.position.current()). */
  headPosition: () => number;
  /** Answers kept at once; the least recently used goes first. */
  maxEntries?: number;
  /** Bytes of answers kept at once (64 MiB by default): one answer may be a whole plan. */
  maxBytes?: number;
  /**
   * What else an answer depends on, e.g. the caller's role. Defaults to the Authorization header, so
   * callers with different credentials never share an entry or a tag.
   */
  varyBy?: (headers: HeaderReader) => string;
}

/**
 * On every tagged answer: a browser or proxy may keep it, for this caller only, and must ask again
 * (with If-None-Match) before using it.
 */
export const TAGGED_CACHE_CONTROL = 'private, no-cache';

type SingleResult = Extract<GraphQLResponse['body'], { kind: 'single' }>['singleResult'];

/** What a client asked, as it sent it: the same request always names the same question. */
export interface Question {
  query: string;
  /** sha256 of `query` in hex, as Apollo computes it, when already known. */
  queryHash?: string | undefined;
  operationName: string | null | undefined;
  variables: unknown;
  headers: HeaderReader;
}

/** A question named at one position. */
export interface NamedQuestion {
  digest: string;
  position: number;
  etag: string;
}

/**
 * A kept answer, as the bytes Apollo would send for it (its prettyJSONStringify, UTF-8). Only the bytes:
 * the result's objects took several times their size in the heap, and the HTTP fast path sends bytes.
 */
export class CachedResponse {
  constructor(
    readonly etag: string,
    readonly body: Buffer,
    /** As Apollo resolved it: also the name of an unnamed request for a named operation. */
    readonly operationName: string | null,
  ) {}

  /** The result again, for a hit inside Apollo's pipeline (GET, or a server without the fast path). */
  get result(): SingleResult {
    return JSON.parse(this.body.toString('utf8')) as SingleResult;
  }
}

/** Request bodies up to this size are remembered by their text (see `nameBody`). */
const MAX_REMEMBERED_BODY = 16 * 1024;

export type CachedAnswer = { kind: 'not-modified'; etag: string; operationName: string | null } | { kind: 'hit'; response: CachedResponse };

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Accept headers under which Apollo answers application/json. */
export const acceptsPlainJson = (accept: string | null | undefined): boolean =>
  accept === undefined || accept === null || accept === '*/*' || accept === 'application/json' || accept === JSON_CONTENT_TYPE;

/**
 * Answers vary by who asks, and by their media type: application/json and
 * application/graphql-response+json carry the same bytes under different Content-Types, so a strong tag
 * must tell them apart.
 */
const byCallerAndMediaType = (headers: HeaderReader): string => {
  const accept = headers.get('accept');
  return `${headers.get('authorization') ?? ''}\u0000${acceptsPlainJson(accept) ? 'json' : (accept ?? '')}`;
};

export class ResponseCache {
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;
  private readonly varyBy: (headers: HeaderReader) => string;
  private readonly entries = new Map<string, CachedResponse>();
  /** Digests of request bodies named before, by their exact text and what answers vary by. */
  private readonly bodies = new Map<string, { digest: string; operationName: string | null }>();
  private cachedAt = -1;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.varyBy = options.varyBy ?? byCallerAndMediaType;
  }

  /** A digest named at the current position. */
  private at(digest: string): NamedQuestion {
    const position = this.options.headPosition();
    // Every answer kept so far was given at an older position: none can be served again.
    if (position !== this.cachedAt) {
      this.entries.clear();
      this.bytes = 0;
      this.cachedAt = position;
    }
    return { digest, position, etag: etagOf(position, digest) };
  }

  /** Names a question at the current position; null when its variables cannot be serialised. */
  name(question: Question): NamedQuestion | null {
    let digest: string;
    try {
      digest = questionDigest({
        queryHash: question.queryHash ?? createHash('sha256').update(question.query).digest('hex'),
        operationName: question.operationName,
        variables: question.variables,
        vary: this.varyBy(question.headers),
      });
    } catch {
      // Variables too deep to serialise: answer without the cache; validation refuses them anyway.
      return null;
    }
    return this.at(digest);
  }

  /**
   * A request body named before (`rememberBody`), by its exact text: a repeated request skips the JSON
   * parse and the hashing. The digest depends only on the text and the headers answers vary by.
   */
  nameBody(text: string, headers: HeaderReader): { named: NamedQuestion; operationName: string | null } | null {
    const known = this.bodies.get(this.bodyKey(text, headers));
    return known ? { named: this.at(known.digest), operationName: known.operationName } : null;
  }

  /** Remembers the question a body named, for `nameBody`; large bodies (imports) are not kept. */
  rememberBody(text: string, headers: HeaderReader, named: NamedQuestion, operationName: string | null): void {
    if (text.length > MAX_REMEMBERED_BODY) return;
    this.bodies.set(this.bodyKey(text, headers), { digest: named.digest, operationName });
    if (this.bodies.size > this.maxEntries) {
      const oldest = this.bodies.keys().next().value;
      if (oldest !== undefined) this.bodies.delete(oldest);
    }
  }

  private bodyKey(text: string, headers: HeaderReader): string {
    return `${this.varyBy(headers)}\u0000${text}`;
  }

  /**
   * 304 for a client holding the kept answer, the kept answer, or null when it has to be worked out.
   * Only a kept answer proves the question is a query that succeeded at this position: a mutation, or
   * a read refused to this caller, must never be answered 304, whatever tag (or `*`) its request carries.
   */
  lookup(named: NamedQuestion, ifNoneMatch: string | null | undefined): CachedAnswer | null {
    const entry = this.entries.get(named.digest);
    if (!entry) return null;
    if (ifNoneMatchHits(ifNoneMatch, named.etag)) return { kind: 'not-modified', etag: named.etag, operationName: entry.operationName };
    // Most recently used last, so the first key is the one to evict.
    this.entries.delete(named.digest);
    this.entries.set(named.digest, entry);
    return { kind: 'hit', response: entry };
  }

  /** Keeps an answer worked out at `named.position`, unless a write landed while it was. */
  remember(named: NamedQuestion, result: SingleResult, operationName: string | null): void {
    if (named.position !== this.cachedAt || this.entries.has(named.digest)) return;
    const body = Buffer.from(`${JSON.stringify(result)}\n`);
    if (body.length > this.maxBytes) return;
    this.entries.set(named.digest, new CachedResponse(named.etag, body, operationName));
    this.bytes += body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldest, evicted] = this.entries.entries().next().value ?? [];
      if (oldest === undefined || evicted === undefined) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.body.length;
    }
  }

  /** The Apollo plugin: tags answers, answers 304s and hits inside Apollo's pipeline, and fills the cache. */
  plugin<TContext extends BaseContext = BaseContext>(): ApolloServerPlugin<TContext> {
    const cache = this;
    const { headPosition } = this.options;
    return {
      async requestDidStart() {
        // Set once the operation is known to be a query; absent for mutations, subscriptions and failures.
        let named: NamedQuestion | null = null;
        return {
          async responseForOperation(requestContext) {
            // No operation at all (several without a name, an unknown name) is for execution to refuse.
            // `source` is the document Apollo ran: the request's text, or the one a persisted-query hash named.
            const { request, operation, queryHash, source } = requestContext;
            if (operation?.operation !== 'query' || !queryHash || source === undefined) return null;
            const headers = request.http?.headers ?? new Map<string, string>();
            named = cache.name({ query: source, queryHash, operationName: request.operationName, variables: request.variables, headers });
            if (!named) return null;
            const http = { status: undefined as number | undefined, headers: requestContext.response.http.headers };
            const answer = cache.lookup(named, headers.get('if-none-match'));
            if (!answer) return null;
            http.headers.set('cache-control', TAGGED_CACHE_CONTROL);
            if (answer.kind === 'not-modified') {
              http.headers.set('etag', answer.etag);
              http.status = 304;
              return { http, body: { kind: 'single', singleResult: {} } };
            }
            http.headers.set('etag', answer.response.etag);
            return { http, body: { kind: 'single', singleResult: answer.response.result } };
          },

          async willSendResponse(requestContext) {
            if (!named || requestContext.response.http.status === 304) return;
            const { body } = requestContext.response;
            if (body.kind !== 'single' || body.singleResult.errors?.length) return;
            // A write landed while the resolvers ran: the answer may mix two positions, so it names neither.
            if (headPosition() !== named.position) return;
            requestContext.response.http.headers.set('etag', named.etag);
            requestContext.response.http.headers.set('cache-control', TAGGED_CACHE_CONTROL);
            cache.remember(named, body.singleResult, requestContext.operationName ?? null);
          },
        };
      },
    };
  }
}

/** The cache as an Apollo plugin alone, for servers without the served HTTP stack in front. */
export function responseCachePlugin<TContext extends BaseContext = BaseContext>(options: ResponseCacheOptions): ApolloServerPlugin<TContext> {
  return new ResponseCache(options).plugin<TContext>();
}
