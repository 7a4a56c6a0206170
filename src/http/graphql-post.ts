// POST /graphql with a JSON body, from node:http straight to Apollo.
//
// Under load, Express's router, cors, body-parser and the Express integration cost more per request
// than the ledger's own reads. This handler takes the requests GraphQL clients send (POST,
// Content-Type application/json, a Content-Length within the body limit) to Apollo's
// executeHTTPGraphQLRequest, the API Apollo's own integrations are built on. A repeated read is
// answered from the response cache before Apollo runs at all. Everything else (GET, OPTIONS
// preflights, chunked or compressed bodies, other content types, bodies over the limit) goes on to the
// Express app, which answers it in full.
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import contentType from 'content-type';
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { TAGGED_CACHE_CONTROL, acceptsPlainJson, type CachedAnswer, type HeaderReader, type NamedQuestion, type ResponseCache } from '../graphql/plugins/response-cache';
import type { RequestContext } from '../graphql/context';
import type { HttpishError } from './http-errors';
import { sha256Hex, type PersistedDocuments } from '../graphql/persisted-documents';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface GraphqlPostOptions {
  path: string;
  apollo: ApolloServer<RequestContext & BaseContext>;
  /** The request's context; `response` is where its answer goes (the request log names its operation there). */
  context: (authorization: string | undefined, response: ServerResponse) => Promise<RequestContext>;
  maxBodyBytes: number;
  /** Answers repeated reads before Apollo; none means every request goes to Apollo. */
  cache?: ResponseCache | null | undefined;
  /**
   * Verifies the caller's credentials, so a cached answer never skips authentication. Called when the
   * request carries an Authorization header: one without is anonymous, which needs no verifying.
   */
  authenticate: (authorization: string) => Promise<unknown>;
  /** Told of every answer the cache gave (for metrics and the request log). */
  onCacheAnswer?: (answer: CachedAnswer, operationName: string | null, response: ServerResponse) => void;
  /** The CORS headers for a request's Origin, as the Express routes' cors() gives them (cors-policy.ts). */
  corsHeaders: (origin: string | undefined) => readonly string[];
  /** The documents persisted queries name, so a hash-only read is answered from the cache too. */
  documents?: PersistedDocuments | null | undefined;
  /** Answers a request that failed before Apollo answered it (an unreadable body, invalid JSON), in the app's error shape. */
  onError: (error: HttpishError, response: ServerResponse) => void;
}

interface RequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** The hash of an APQ extension (`{ persistedQuery: { version: 1, sha256Hash } }` and nothing else), or null. */
function persistedQueryHash(extensions: unknown): string | null {
  if (typeof extensions !== 'object' || extensions === null) return null;
  const keys = Object.keys(extensions);
  if (keys.length !== 1 || !('persistedQuery' in extensions)) return null;
  const persisted: unknown = extensions.persistedQuery;
  if (typeof persisted !== 'object' || persisted === null || !('version' in persisted) || !('sha256Hash' in persisted)) return null;
  return persisted.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/** The request target's path and its query string (with the '?', or empty). */
function splitTarget(url: string | undefined): { path: string; search: string } {
  const target = url ?? '/';
  const at = target.indexOf('?');
  return at < 0 ? { path: target, search: '' } : { path: target.slice(0, at), search: target.slice(at) };
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The JSON POSTs this path takes; null for any other request, which the Express app answers. */
function acceptedLength(req: IncomingMessage, path: string, maxBodyBytes: number): number | null {
  if (req.method !== 'POST' || splitTarget(req.url).path !== path) return null;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return null;
  const declared = req.headers['content-length'];
  if (declared === undefined || !/^\d+$/.test(declared) || Number(declared) > maxBodyBytes) return null;
  try {
    const type = contentType.parse(req);
    if (type.type !== 'application/json') return null;
    const charset = type.parameters['charset']?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8') return null;
  } catch {
    return null;
  }
  return Number(declared);
}

/**
 * The status and every header in one writeHead call with a flat list: a cached answer's five headers
 * set one setHeader call at a time were a measurable part of a hit.
 */
function writeHead(res: ServerResponse, status: number, headers: Iterable<[string, string]>, cors: readonly string[], contentLength?: number): void {
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  flat.push(...cors);
  if (contentLength !== undefined) flat.push('content-length', String(contentLength));
  res.writeHead(status, flat);
}

function writeResponse(res: ServerResponse, status: number, headers: Iterable<[string, string]>, cors: readonly string[], body: string | Buffer | null): void {
  if (body === null) {
    writeHead(res, status, headers, cors);
    res.end();
    return;
  }
  writeHead(res, status, headers, cors, Buffer.byteLength(body));
  res.end(body);
}

async function writeApolloResponse(res: ServerResponse, response: HTTPGraphQLResponse, cors: readonly string[]): Promise<void> {
  if (response.body.kind === 'complete') {
    writeResponse(res, response.status ?? 200, response.headers, cors, response.status === 304 ? null : response.body.string);
    return;
  }
  writeHead(res, response.status ?? 200, response.headers, cors);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export function graphqlPost(options: GraphqlPostOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  /** Answers from the cache when it holds the answer (or the client does): true when it did. */
  async function answerFromCache(req: IncomingMessage, res: ServerResponse, cache: ResponseCache, named: NamedQuestion, operationName: string | null): Promise<boolean> {
    const answer = cache.lookup(named, req.headers['if-none-match']);
    if (!answer) return false;
    // A request without credentials is anonymous: there is nothing to verify, and awaiting that cost a
    // tenth of a hit's time.
    if (req.headers.authorization !== undefined) {
      try {
        await options.authenticate(req.headers.authorization);
      } catch {
        // Apollo answers the credentials problem in full.
        return false;
      }
    }
    options.onCacheAnswer?.(answer, (answer.kind === 'hit' ? answer.response.operationName : answer.operationName) ?? operationName, res);
    const cors = options.corsHeaders(req.headers.origin);
    if (answer.kind === 'not-modified') writeResponse(res, 304, [['etag', answer.etag], ['cache-control', TAGGED_CACHE_CONTROL]], cors, null);
    else {
      const headers: Array<[string, string]> = [['content-type', JSON_CONTENT_TYPE], ['etag', answer.response.etag], ['cache-control', TAGGED_CACHE_CONTROL]];
      writeResponse(res, 200, headers, cors, answer.response.body);
    }
    return true;
  }

  /**
   * The document a body asks the cache about: its query, or the one its persisted-query hash names.
   * Null leaves the request to Apollo: other extensions, an unknown hash, a hash that does not match
   * the text, a document that is not trusted.
   */
  function questionText(body: RequestBody): string | null {
    if (body.extensions === undefined) return typeof body.query === 'string' ? body.query : null;
    const hash = persistedQueryHash(body.extensions);
    const documents = options.documents;
    if (hash === null || !documents?.enabled) return null;
    if (body.query === undefined) return documents.lookup(hash) ?? null;
    if (typeof body.query !== 'string' || !documents.admits(hash) || sha256Hex(body.query) !== hash) return null;
    // Apollo registers the document when it runs it; a cached answer must do the same, or the client's
    // next hash-only request would be told again that the hash is unknown.
    documents.register(hash, body.query);
    return body.query;
  }

  /** Names the question a parsed body asks, when the cache may answer it, and remembers its text. */
  function nameParsed(cache: ResponseCache, text: string, body: RequestBody, headers: HeaderReader): { named: NamedQuestion; operationName: string | null } | null {
    const query = questionText(body);
    if (query === null) return null;
    const operationName = typeof body.operationName === 'string' ? body.operationName : null;
    const named = cache.name({ query, operationName, variables: body.variables, headers });
    if (named) cache.rememberBody(text, headers, named, operationName);
    return named ? { named, operationName } : null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, length: number): Promise<void> {
    const text = await getRawBody(req, { length, limit: options.maxBodyBytes, encoding: 'utf-8' });
    const cache = options.cache && acceptsPlainJson(req.headers.accept) ? options.cache : null;
    const headers: HeaderReader = { get: (name) => header(req, name) };
    // A body seen before is answered without parsing it.
    const known = cache?.nameBody(text, headers);
    if (cache && known && (await answerFromCache(req, res, cache, known.named, known.operationName))) return;
    let body: RequestBody;
    try {
      body = JSON.parse(text) as RequestBody;
    } catch (error) {
      options.onError({ status: 400, expose: true, message: `the request body is not JSON: ${(error as Error).message}` }, res);
      return;
    }
    const question = cache && !known && body !== null && typeof body === 'object' ? nameParsed(cache, text, body, headers) : null;
    if (cache && question && (await answerFromCache(req, res, cache, question.named, question.operationName))) return;
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: headerMapOf(req), search: splitTarget(req.url).search, body },
      context: () => options.context(req.headers.authorization, res),
    });
    await writeApolloResponse(res, response, options.corsHeaders(req.headers.origin));
  }

  return (req, res) => {
    const length = acceptedLength(req, options.path, options.maxBodyBytes);
    if (length === null) return false;
    handle(req, res, length).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else options.onError(typeof error === 'object' && error !== null ? error : { message: String(error) }, res);
    });
    return true;
  };
}
