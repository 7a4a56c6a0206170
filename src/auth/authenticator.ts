import { createPublicKey } from 'node:crypto';
import { createLocalJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { AuthConfig } from './auth-config';
import { ANONYMOUS, ROLES, type Principal } from './principal';
import { CLOCK_SKEW_SECONDS, lifetimeProblem } from './token-lifetime';

export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
}

const claimsSchema = z.object({
  sub: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  departments: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  // 6-digit codes, or ["*"] for the whole platform.
  municipalities: z.array(z.string().regex(/^(\d{6}|\*)$/, 'a 6-digit municipality code or *')).min(1).max(2000).optional(),
});

type Key = Exclude<Parameters<typeof jwtVerify>[1], JWTVerifyGetKey> | JWTVerifyGetKey;

/** Turns an Authorization header into a Principal: no header is the anonymous viewer; a bad token is an error. */
export class Authenticator {
  private constructor(
    private readonly keys: Array<{ key: Key; algorithms: string[] }>,
    private readonly config: AuthConfig,
  ) {}

  static async create(config: AuthConfig): Promise<Authenticator> {
    const keys: Array<{ key: Key; algorithms: string[] }> = [];
    if (config.secret) keys.push({ key: config.secret, algorithms: ['HS256'] });
    if (config.publicKeyPem) {
      const type = createPublicKey(config.publicKeyPem).asymmetricKeyType;
      if (type !== 'rsa' && type !== 'ec') throw new Error(`PLAN_LEDGER_JWT_PUBLIC_KEY must be an RSA or EC public key, not ${type}`);
      const algorithm = type === 'ec' ? 'ES256' : 'RS256';
      keys.push({ key: await importSPKI(config.publicKeyPem, algorithm), algorithms: [algorithm] });
    }
    if (config.jwks) keys.push({ key: createLocalJWKSet(config.jwks as never), algorithms: ['RS256', 'ES256'] });
    return new Authenticator(keys, config);
  }

  get configured(): boolean {
    return this.keys.length > 0;
  }

  async authenticate(authorization: string | null | undefined): Promise<Principal> {
    if (authorization === null || authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(authorization.trim());
    if (!match?.[1]) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
    if (!this.configured) throw new AuthenticationError('this server has no keys to verify tokens with');
    const payload = await this.verify(match[1]);
    const problem = lifetimeProblem(payload, this.config.maxAgeSeconds);
    if (problem) throw new AuthenticationError(`the token was not accepted: ${problem}`);
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new AuthenticationError(`the token's claims are invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const granted = claims.data.municipalities;
    const principal: Principal = {
      actor: claims.data.sub,
      role: claims.data.role,
      departments: claims.data.departments ?? [],
      municipalities: granted === undefined ? null : granted.includes('*') ? '*' : granted,
      authenticated: true,
    };
    // lifetimeProblem has refused a token without exp.
    if (payload.exp !== undefined) principal.expiresAt = payload.exp;
    return principal;
  }

  private async verify(token: string): Promise<JWTPayload> {
    let lastError: unknown;
    for (const { key, algorithms } of this.keys) {
      try {
        const options = {
          algorithms,
          clockTolerance: CLOCK_SKEW_SECONDS,
          ...(this.config.issuer ? { issuer: this.config.issuer } : {}),
          ...(this.config.audience ? { audience: this.config.audience } : {}),
        };
        const { payload } =
          typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
        return payload;
      } catch (error) {
        lastError = error;
      }
    }
    const reason = lastError instanceof Error ? lastError.message : 'verification failed';
    throw new AuthenticationError(`the token was not accepted: ${reason}`);
  }
}
