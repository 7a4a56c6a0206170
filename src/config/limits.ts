// What one request may ask of the server, read from the environment and validated at start-up: a bad
// value stops the server before it takes traffic, with the variable named, instead of being ignored.
import { z } from 'zod';
import { ConfigurationError } from '../shared/configuration-error';

export interface Limits {
  /** Deepest nesting of fields in one operation (introspection excepted: graphql-js bounds it itself). */
  maxDepth: number;
  /** Highest estimated cost of one operation (src/graphql/plugins/limits/cost.ts prices each field). */
  maxComplexity: number;
  /** Most lexical tokens in one GraphQL document (a report's text in a string literal is one token). */
  maxTokens: number;
  /** Time budget of one query: resolvers still pending when it runs out answer TIMEOUT. */
  requestTimeoutMs: number;
  /** Largest HTTP request body: room for a whole annual report sent to importReport. */
  maxBodyBytes: number;
  /** Whether __schema and __type may be queried. */
  introspection: boolean;
  /** Operations one WebSocket may run at once (each live subscription holds memory until it ends). */
  maxOperationsPerSocket: number;
  /** WebSockets one client address may hold open at once. */
  maxSocketsPerClient: number;
}

export const LIMIT_VARIABLES = {
  maxDepth: 'PLAN_LEDGER_MAX_DEPTH',
  maxComplexity: 'PLAN_LEDGER_MAX_COMPLEXITY',
  maxTokens: 'PLAN_LEDGER_MAX_TOKENS',
  requestTimeoutMs: 'PLAN_LEDGER_REQUEST_TIMEOUT_MS',
  maxBodyBytes: 'PLAN_LEDGER_MAX_BODY_BYTES',
  introspection: 'PLAN_LEDGER_INTROSPECTION',
  maxOperationsPerSocket: 'PLAN_LEDGER_WS_MAX_OPERATIONS',
  maxSocketsPerClient: 'PLAN_LEDGER_WS_MAX_SOCKETS_PER_CLIENT',
} as const satisfies Record<keyof Limits, string>;

const MIB = 1024 * 1024;

/** The defaults, introspection aside (it depends on NODE_ENV). */
export const DEFAULT_LIMITS: Omit<Limits, 'introspection'> = {
  // The deepest sensible read, plan > chapters > policies > measures > projects > cost > values > target, is 8.
  maxDepth: 10,
  // The README's and the explorer's examples cost at most about 5,600 (compareFiscalYears with every
  // indicator); a full page of 500 audit events about 9,500.
  maxComplexity: 50_000,
  // The examples have under 100 tokens, graphql-js's full introspection query 184. Validation time grows
  // faster than the document: 5,000 tokens keep a hostile one to a few hundred milliseconds.
  maxTokens: 5_000,
  requestTimeoutMs: 10_000,
  // The bundled sample is 40 KB; a whole city's report of every chapter is a few MB.
  maxBodyBytes: 10 * MIB,
  // A page watches a few live views; a hundred is far beyond any honest client.
  maxOperationsPerSocket: 100,
  // Browser tabs behind one office NAT share an address: room for a floor of them, not for thousands.
  maxSocketsPerClient: 50,
};

const BYTES = /^(\d+)\s*(b|kb|kib|mb|mib)?$/i;
const UNIT: Readonly<Record<string, number>> = { b: 1, kb: 1000, kib: 1024, mb: 1000 * 1000, mib: MIB };

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional(),
  );

const byteSize = z.preprocess(
  blankAsUnset,
  z
    .string()
    .trim()
    .regex(BYTES, 'must be a number of bytes, optionally with kb, kib, mb or mib (e.g. 10mib)')
    .transform((text) => {
      const [, digits = '0', unit = 'b'] = BYTES.exec(text) ?? [];
      return Number(digits) * (UNIT[unit.toLowerCase()] ?? 1);
    })
    .pipe(z.number().int().min(64 * 1024, 'must be at least 64 KiB').max(512 * MIB, 'must be at most 512 MiB'))
    .optional(),
);

const flag = z.preprocess(
  blankAsUnset,
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { message: 'must be true or false' }))
    .transform((value) => ['true', '1', 'on', 'yes'].includes(value))
    .optional(),
);

const schema = z.object({
  PLAN_LEDGER_MAX_DEPTH: wholeNumber(2, 100),
  PLAN_LEDGER_MAX_COMPLEXITY: wholeNumber(10, 10_000_000),
  PLAN_LEDGER_MAX_TOKENS: wholeNumber(100, 10_000_000),
  PLAN_LEDGER_REQUEST_TIMEOUT_MS: wholeNumber(10, 3_600_000),
  PLAN_LEDGER_MAX_BODY_BYTES: byteSize,
  PLAN_LEDGER_INTROSPECTION: flag,
  PLAN_LEDGER_WS_MAX_OPERATIONS: wholeNumber(1, 100_000),
  PLAN_LEDGER_WS_MAX_SOCKETS_PER_CLIENT: wholeNumber(1, 1_000_000),
  NODE_ENV: z.string().optional(),
});

/**
 * The limits the environment sets. Introspection is on unless NODE_ENV=production, where it is off
 * unless PLAN_LEDGER_INTROSPECTION=true.
 */
export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.') || 'limits';
      const given = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
      return `${variable}=${JSON.stringify(given ?? '')} ${issue.message}`;
    });
    throw new ConfigurationError(`invalid limits configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    maxDepth: e.PLAN_LEDGER_MAX_DEPTH ?? DEFAULT_LIMITS.maxDepth,
    maxComplexity: e.PLAN_LEDGER_MAX_COMPLEXITY ?? DEFAULT_LIMITS.maxComplexity,
    maxTokens: e.PLAN_LEDGER_MAX_TOKENS ?? DEFAULT_LIMITS.maxTokens,
    requestTimeoutMs: e.PLAN_LEDGER_REQUEST_TIMEOUT_MS ?? DEFAULT_LIMITS.requestTimeoutMs,
    maxBodyBytes: e.PLAN_LEDGER_MAX_BODY_BYTES ?? DEFAULT_LIMITS.maxBodyBytes,
    introspection: e.PLAN_LEDGER_INTROSPECTION ?? e.NODE_ENV?.trim().toLowerCase() !== 'production',
    maxOperationsPerSocket: e.PLAN_LEDGER_WS_MAX_OPERATIONS ?? DEFAULT_LIMITS.maxOperationsPerSocket,
    maxSocketsPerClient: e.PLAN_LEDGER_WS_MAX_SOCKETS_PER_CLIENT ?? DEFAULT_LIMITS.maxSocketsPerClient,
  };
}
