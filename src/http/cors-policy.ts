// Which web pages may call the API from another origin. Credentials travel in the Authorization header,
// never in cookies, so `*` (the default) lets no foreign page borrow a user's session; an allow-list
// (PLAN_LEDGER_CORS_ORIGINS) narrows it for deployments that serve only their own front ends.
import type { CorsOptions } from 'cors';
import { ConfigurationError } from '../shared/configuration-error';

export type CorsPolicy = { anyOrigin: true } | { anyOrigin: false; origins: ReadonlySet<string> };

/** What browser clients send: JSON bodies, tokens, revalidation, and Apollo's CSRF-preflight header for GETs. */
export const ALLOWED_HEADERS = ['content-type', 'authorization', 'if-none-match', 'apollo-require-preflight', 'x-apollo-operation-name'];
/** Scripts may read the tag they revalidate with. */
export const EXPOSED_HEADERS = ['etag'];
/** Browsers may keep a preflight's answer this long (seconds). */
const PREFLIGHT_MAX_AGE = 600;

const ORIGIN = /^https?:\/\/[^/\s]+$/;

/** PLAN_LEDGER_CORS_ORIGINS: `*` (or unset) for any origin, else origins separated by commas. */
export function loadCorsPolicy(env: NodeJS.ProcessEnv = process.env): CorsPolicy {
  const text = (env['PLAN_LEDGER_CORS_ORIGINS'] ?? '').trim();
  if (text === '' || text === '*') return { anyOrigin: true };
  const origins = text.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean);
  const bad = origins.find((origin) => !ORIGIN.test(origin));
  if (bad !== undefined) throw new ConfigurationError(`PLAN_LEDGER_CORS_ORIGINS must be * or origins like https://example.jp separated by commas, got ${JSON.stringify(bad)}`);
  return { anyOrigin: false, origins: new Set(origins) };
}

/** For the `cors` middleware on the Express routes (preflights, GETs). */
export function corsOptions(policy: CorsPolicy): CorsOptions {
  return {
    origin: policy.anyOrigin ? '*' : (origin, allow) => allow(null, origin !== undefined && policy.origins.has(origin) ? origin : false),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
  };
}

const ANY_ORIGIN_HEADERS: readonly string[] = ['access-control-allow-origin', '*', 'access-control-expose-headers', EXPOSED_HEADERS.join(', ')];

/** The same headers as a flat list, for the POST fast path (graphql-post.ts), computed once per request. */
export function corsHeaders(policy: CorsPolicy): (origin: string | undefined) => readonly string[] {
  if (policy.anyOrigin) return () => ANY_ORIGIN_HEADERS;
  return (origin) =>
    origin !== undefined && policy.origins.has(origin)
      ? ['access-control-allow-origin', origin, 'access-control-expose-headers', EXPOSED_HEADERS.join(', '), 'vary', 'origin']
      : ['vary', 'origin'];
}
