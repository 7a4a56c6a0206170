// The lifetime rules a signature cannot enforce: a correctly signed token without `exp`, with `exp`
// centuries ahead, or issued in the future would otherwise be accepted for as long as it says.
import type { JWTPayload } from 'jose';

/** Clocks of the issuer and this server may disagree by this much (seconds). */
export const CLOCK_SKEW_SECONDS = 60;

/** PLAN_LEDGER_JWT_MAX_AGE when unset: a working day. */
export const DEFAULT_MAX_AGE_SECONDS = 12 * 60 * 60;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `3600`, `90s`, `30m`, `12h` or `1d` in seconds; null when the text is none of these. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,9})\s*([smhd]?)$/.exec(text.trim());
  if (!match?.[1]) return null;
  return Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
}

/**
 * Why a verified token's times are not acceptable, or null when they are: `exp` is required and must
 * not have passed, `iat` may not lie ahead of `now` (beyond the skew), and `exp` may lie at most
 * `maxAgeSeconds` after `iat` (or after now, for a token without `iat`).
 */
export function lifetimeProblem(payload: JWTPayload, maxAgeSeconds: number, now = Math.floor(Date.now() / 1000)): string | null {
  if (payload.exp === undefined) return 'the token has no "exp" claim: tokens must expire';
  // jose allowed the clock skew on exp as on nbf; an expired token gets none.
  if (payload.exp <= now) return 'the token expired';
  if (payload.iat !== undefined && payload.iat > now + CLOCK_SKEW_SECONDS) return 'the token\'s "iat" claim lies in the future';
  const from = Math.min(payload.iat ?? now, now);
  if (payload.exp - from > maxAgeSeconds + CLOCK_SKEW_SECONDS) {
    return `the token lives longer than this server accepts (${maxAgeSeconds} s, PLAN_LEDGER_JWT_MAX_AGE)`;
  }
  return null;
}
