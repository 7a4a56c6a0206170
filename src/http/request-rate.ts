// Requests per second per client address (rate-limiter-flexible, in memory): past the limit a request
// is answered 429 with Retry-After before any work is done for it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ClientAddressOf } from './client-address';

/** Probes that orchestrators send often and that must never be refused. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);

export const TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS';

export type Admission = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Answers 429 with Retry-After, in the GraphQL error shape, with the CORS headers a browser needs to read it. */
export function refuseTooMany(res: ServerResponse, retryAfterSeconds: number, message: string, cors: readonly string[]): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: TOO_MANY_REQUESTS, retryAfter: retryAfterSeconds } }] });
  res.writeHead(429, ['content-type', 'application/json; charset=utf-8', 'retry-after', String(retryAfterSeconds), 'cache-control', 'no-store', ...cors]);
  res.end(body);
}

/**
 * Resolves true when the request may go on; false when it was answered 429 here. Null when there is no
 * limit: the caller then routes without awaiting anything.
 */
export function requestRate(requestsPerSecond: number, addressOf: ClientAddressOf, corsFor: (origin: string | undefined) => readonly string[]): Admission | null {
  if (requestsPerSecond === 0) return null;
  const limiter = new RateLimiterMemory({ keyPrefix: 'requests', points: requestsPerSecond, duration: 1 });
  return async (req, res) => {
    if (UNLIMITED_PATHS.has(req.url ?? '')) return true;
    try {
      await limiter.consume(addressOf(req));
      return true;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      refuseTooMany(res, retryAfter, `more than ${requestsPerSecond} requests a second from this address (PLAN_LEDGER_RATE_LIMIT_RPS); retry after ${retryAfter} s`, corsFor(req.headers.origin));
      return false;
    }
  };
}
