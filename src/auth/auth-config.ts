// Keys for verifying bearer tokens, read from the environment and validated at start-up so a bad key
// stops the server before it takes traffic, not at the first request.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_MAX_AGE_SECONDS, parseDuration } from './token-lifetime';
import { ConfigurationError } from '../shared/configuration-error';

const MIN_SECRET_BYTES = 32;

const schema = z
  .object({
    PLAN_LEDGER_JWT_SECRET: z
      .string()
      .refine((s) => Buffer.byteLength(s, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes for HS256`)
      .optional(),
    PLAN_LEDGER_JWT_PUBLIC_KEY: z.string().min(1).optional(),
    PLAN_LEDGER_JWKS: z.string().min(1).optional(),
    PLAN_LEDGER_JWT_ISSUER: z.string().min(1).optional(),
    PLAN_LEDGER_JWT_AUDIENCE: z.string().min(1).optional(),
    PLAN_LEDGER_JWT_MAX_AGE: z
      .string()
      .refine((s) => (parseDuration(s) ?? 0) > 0, 'must be a positive duration: seconds, or a number with s, m, h or d (e.g. 12h)')
      .optional(),
  })
  .refine((env) => [env.PLAN_LEDGER_JWT_PUBLIC_KEY, env.PLAN_LEDGER_JWKS].filter(Boolean).length <= 1, {
    message: 'set at most one of PLAN_LEDGER_JWT_PUBLIC_KEY and PLAN_LEDGER_JWKS',
  });

export interface AuthConfig {
  /** HS256 shared secret. */
  secret: Uint8Array | null;
  /** SPKI PEM of an RS256 or ES256 public key. */
  publicKeyPem: string | null;
  /** A JSON Web Key Set, as parsed JSON. */
  jwks: { keys: Array<Record<string, unknown>> } | null;
  issuer: string | null;
  audience: string | null;
  /** The longest a token may live, from its `iat` to its `exp` (PLAN_LEDGER_JWT_MAX_AGE). */
  maxAgeSeconds: number;
}

/** A value that is a PEM or a JSON document itself, or the path of a file holding one. */
function inlineOrFile(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('-----BEGIN') || trimmed.startsWith('{') ? trimmed : readFileSync(trimmed, 'utf8');
}

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) });

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'auth configuration'}: ${i.message}`);
    throw new ConfigurationError(`invalid authentication configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  let jwks: AuthConfig['jwks'] = null;
  if (e.PLAN_LEDGER_JWKS) {
    const result = jwksSchema.safeParse(JSON.parse(inlineOrFile(e.PLAN_LEDGER_JWKS)));
    if (!result.success) throw new ConfigurationError('invalid authentication configuration: PLAN_LEDGER_JWKS must be a JWKS ({"keys": [...]})');
    jwks = result.data;
  }
  return {
    secret: e.PLAN_LEDGER_JWT_SECRET ? new TextEncoder().encode(e.PLAN_LEDGER_JWT_SECRET) : null,
    publicKeyPem: e.PLAN_LEDGER_JWT_PUBLIC_KEY ? inlineOrFile(e.PLAN_LEDGER_JWT_PUBLIC_KEY) : null,
    jwks,
    issuer: e.PLAN_LEDGER_JWT_ISSUER ?? null,
    audience: e.PLAN_LEDGER_JWT_AUDIENCE ?? null,
    maxAgeSeconds: e.PLAN_LEDGER_JWT_MAX_AGE ? (parseDuration(e.PLAN_LEDGER_JWT_MAX_AGE) ?? DEFAULT_MAX_AGE_SECONDS) : DEFAULT_MAX_AGE_SECONDS,
  };
}
