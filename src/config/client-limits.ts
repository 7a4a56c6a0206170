// What one client address may hold of the server, and how long a connection may take to say what it
// wants: read from the environment and validated at start-up like the request limits.
import { z } from 'zod';
import { ConfigurationError } from '../shared/configuration-error';

export interface ClientLimits {
  /** Requests per second one client address may make (0: no limit). */
  requestsPerSecond: number;
  /** Operations of at least `expensiveCost` one client address may run at once (0: no limit). */
  maxExpensivePerClient: number;
  /** The estimated cost (src/graphql/plugins/limits/cost.ts) from which an operation counts as expensive. */
  expensiveCost: number;
  /** Time a connection has to send its request headers (Node's headersTimeout). */
  headersTimeoutMs: number;
  /** Time a connection has to send its whole request, body included (Node's requestTimeout). */
  httpRequestTimeoutMs: number;
  /** Open connections the server accepts at once (Node's maxConnections). */
  maxConnections: number;
  /** Reverse proxies whose X-Forwarded-For is believed (proxy-addr's trust list); empty: none. */
  trustProxy: readonly string[];
}

export const CLIENT_LIMIT_VARIABLES = {
  requestsPerSecond: 'PLAN_LEDGER_RATE_LIMIT_RPS',
  maxExpensivePerClient: 'PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT',
  expensiveCost: 'PLAN_LEDGER_EXPENSIVE_COST',
  headersTimeoutMs: 'PLAN_LEDGER_HEADERS_TIMEOUT_MS',
  httpRequestTimeoutMs: 'PLAN_LEDGER_HTTP_REQUEST_TIMEOUT_MS',
  maxConnections: 'PLAN_LEDGER_MAX_CONNECTIONS',
  trustProxy: 'PLAN_LEDGER_TRUST_PROXY',
} as const satisfies Record<keyof ClientLimits, string>;

export const DEFAULT_CLIENT_LIMITS: ClientLimits = {
  // A page opens with a handful of queries; an office behind one NAT address is a few dozen people.
  requestsPerSecond: 200,
  // The explorer's costliest example is about 5,600 (limits.ts); 16 of them at once delayed a trivial query to 1.25 s.
  maxExpensivePerClient: 4,
  expensiveCost: 1000,
  headersTimeoutMs: 10_000,
  // Room for a whole city's report (a few MB) over a slow line; Node's default holds a slow body 300 s.
  httpRequestTimeoutMs: 60_000,
  maxConnections: 2000,
  trustProxy: [],
};

const whole = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)).optional(),
  );

// proxy-addr names: loopback, linklocal, uniquelocal, or addresses and subnets.
const TRUSTED = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

const schema = z.object({
  PLAN_LEDGER_RATE_LIMIT_RPS: whole(0, 1_000_000_000),
  PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT: whole(0, 100_000),
  PLAN_LEDGER_EXPENSIVE_COST: whole(1, 10_000_000),
  PLAN_LEDGER_HEADERS_TIMEOUT_MS: whole(1000, 3_600_000),
  PLAN_LEDGER_HTTP_REQUEST_TIMEOUT_MS: whole(1000, 3_600_000),
  PLAN_LEDGER_MAX_CONNECTIONS: whole(1, 1_000_000),
  PLAN_LEDGER_TRUST_PROXY: z
    .string()
    .transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(TRUSTED, 'must be loopback, linklocal, uniquelocal, or addresses and subnets separated by commas')))
    .optional(),
});

export function loadClientLimits(env: NodeJS.ProcessEnv = process.env): ClientLimits {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'client limits');
      return `${variable}=${JSON.stringify(env[variable] ?? '')} ${issue.message}`;
    });
    throw new ConfigurationError(`invalid client limits configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const d = DEFAULT_CLIENT_LIMITS;
  const limits: ClientLimits = {
    requestsPerSecond: e.PLAN_LEDGER_RATE_LIMIT_RPS ?? d.requestsPerSecond,
    maxExpensivePerClient: e.PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT ?? d.maxExpensivePerClient,
    expensiveCost: e.PLAN_LEDGER_EXPENSIVE_COST ?? d.expensiveCost,
    headersTimeoutMs: e.PLAN_LEDGER_HEADERS_TIMEOUT_MS ?? d.headersTimeoutMs,
    httpRequestTimeoutMs: e.PLAN_LEDGER_HTTP_REQUEST_TIMEOUT_MS ?? d.httpRequestTimeoutMs,
    maxConnections: e.PLAN_LEDGER_MAX_CONNECTIONS ?? d.maxConnections,
    trustProxy: e.PLAN_LEDGER_TRUST_PROXY ?? d.trustProxy,
  };
  // Node requires it: a request cannot have longer for its headers than for the whole of it.
  if (limits.headersTimeoutMs > limits.httpRequestTimeoutMs) {
    throw new ConfigurationError(`invalid client limits configuration: ${CLIENT_LIMIT_VARIABLES.headersTimeoutMs} must not exceed ${CLIENT_LIMIT_VARIABLES.httpRequestTimeoutMs}`);
  }
  return limits;
}
