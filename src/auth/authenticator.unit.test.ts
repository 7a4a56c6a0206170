import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, exportJWK, SignJWT } from 'jose';
import { loadAuthConfig } from './auth-config';
import { Authenticator } from './authenticator';
import { requireEditorOf, requireRole } from './authorization';
import { mintToken } from './mint-token';
import { ANONYMOUS } from './principal';

const SECRET = 'a-development-secret-of-at-least-32-bytes!';

/** A token signed with SECRET, its claims set by `claims`. */
function hs256(payload: Record<string, string>, claims: (jwt: SignJWT) => SignJWT): Promise<string> {
  return claims(new SignJWT(payload).setProtectedHeader({ alg: 'HS256' })).sign(new TextEncoder().encode(SECRET));
}

async function hsAuthenticator() {
  return Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_SECRET: SECRET }));
}

describe('Authenticator', () => {
  it('treats a request without a token as the anonymous viewer', async () => {
    expect(await (await hsAuthenticator()).authenticate(undefined)).toBe(ANONYMOUS);
  });

  it('accepts an HS256 token minted by `plan-ledger token` and takes the actor from sub', async () => {
    const token = await mintToken(new TextEncoder().encode(SECRET), { sub: 'tanaka', role: 'editor', departments: ['庶務課'] });
    expect(await (await hsAuthenticator()).authenticate(`Bearer ${token}`)).toEqual({
      actor: 'tanaka',
      role: 'editor',
      departments: ['庶務課'],
      municipalities: null,
      authenticated: true,
      expiresAt: decodeJwt(token).exp,
    });
  });

  it.each(['rsa', 'ec'] as const)('accepts a %s-signed token with the public key configured', async (type) => {
    const { publicKey, privateKey } =
      type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const authenticator = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_PUBLIC_KEY: pem }));
    const token = await new SignJWT({ role: 'auditor' })
      .setProtectedHeader({ alg: type === 'rsa' ? 'RS256' : 'ES256' })
      .setSubject('kansa')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await authenticator.authenticate(`Bearer ${token}`)).role).toBe('auditor');
  });

  it('accepts a token whose key is found in a JWKS', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const authenticator = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWKS: JSON.stringify({ keys: [jwk] }) }));
    const token = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('root').setExpirationTime('1h').sign(privateKey);
    expect((await authenticator.authenticate(`Bearer ${token}`)).actor).toBe('root');
  });

  it.each([
    ['a malformed header', async () => 'Token abc', /Bearer <token>/],
    ['a wrong signature', async () => `Bearer ${await mintToken(new TextEncoder().encode('x'.repeat(40)), { sub: 'a', role: 'admin' })}`, /not accepted/],
    ['an expired token', async () => `Bearer ${await mintToken(new TextEncoder().encode(SECRET), { sub: 'a', role: 'admin' }, { expiresIn: '-1m' })}`, /not accepted/],
    [
      'an unknown role',
      async () => `Bearer ${await new SignJWT({ role: 'mayor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET))}`,
      /claims are invalid: role/,
    ],
    [
      'a missing sub',
      async () => `Bearer ${await new SignJWT({ role: 'viewer' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET))}`,
      /claims are invalid: sub/,
    ],
    ['a token without exp', async () => `Bearer ${await hs256({ role: 'admin' }, (jwt) => jwt.setSubject('a'))}`, /no "exp" claim/],
    ['an exp in the year 5138', async () => `Bearer ${await hs256({ role: 'admin' }, (jwt) => jwt.setSubject('a').setIssuedAt().setExpirationTime(99_999_999_999))}`, /lives longer/],
    ['a lifetime over the maximum', async () => `Bearer ${await hs256({ role: 'admin' }, (jwt) => jwt.setSubject('a').setIssuedAt().setExpirationTime('13h'))}`, /lives longer/],
    ['an iat a year ahead', async () => `Bearer ${await hs256({ role: 'admin' }, (jwt) => jwt.setSubject('a').setIssuedAt('365d').setExpirationTime('366d'))}`, /"iat" claim lies in the future/],
    ['an nbf an hour ahead', async () => `Bearer ${await hs256({ role: 'admin' }, (jwt) => jwt.setSubject('a').setNotBefore('1h').setExpirationTime('2h'))}`, /not accepted: "nbf"/],
  ])('refuses %s as UNAUTHENTICATED', async (_what, header, message) => {
    await expect((await hsAuthenticator()).authenticate(await header())).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });
  });

  it('accepts a clock skew of up to a minute in iat and nbf, and a longer life where PLAN_LEDGER_JWT_MAX_AGE allows it', async () => {
    const skewed = await hs256({ role: 'viewer' }, (jwt) => jwt.setSubject('a').setIssuedAt('30s').setNotBefore('30s').setExpirationTime('1h'));
    expect((await (await hsAuthenticator()).authenticate(`Bearer ${skewed}`)).actor).toBe('a');
    const dayLong = await hs256({ role: 'viewer' }, (jwt) => jwt.setSubject('b').setIssuedAt().setExpirationTime('20h'));
    await expect((await hsAuthenticator()).authenticate(`Bearer ${dayLong}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const longer = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_SECRET: SECRET, PLAN_LEDGER_JWT_MAX_AGE: '1d' }));
    expect((await longer.authenticate(`Bearer ${dayLong}`)).actor).toBe('b');
  });

  it.each([
    [{ PLAN_LEDGER_JWT_SECRET: 'short' }, /at least 32 bytes/],
    [{ PLAN_LEDGER_JWT_MAX_AGE: 'forever' }, /PLAN_LEDGER_JWT_MAX_AGE: must be a positive duration/],
    [{ PLAN_LEDGER_JWT_MAX_AGE: '0' }, /PLAN_LEDGER_JWT_MAX_AGE: must be a positive duration/],
    [{ PLAN_LEDGER_JWKS: '{"keys": []}' }, /JWKS/],
    [{ PLAN_LEDGER_JWKS: '{"keys":[{}]}', PLAN_LEDGER_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' }, /at most one/],
  ])('refuses a bad configuration at start-up: %j', (env, message) => {
    expect(() => loadAuthConfig(env)).toThrow(message);
  });
});

describe('authorization', () => {
  const editor = { actor: 'tanaka', role: 'editor' as const, departments: ['庶務課'], municipalities: null, authenticated: true };

  it('tells an anonymous caller to authenticate, and a wrong role that it is forbidden', () => {
    expect(() => requireRole(ANONYMOUS, ['admin'], 'importReport')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requireRole(editor, ['admin'], 'importReport')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireRole(editor, ['editor', 'admin'], 'recordValue')).not.toThrow();
  });

  it('refuses every role once the token has expired', () => {
    const expired = { ...editor, role: 'admin' as const, expiresAt: Math.floor(Date.now() / 1000) - 1 };
    expect(() => requireRole(expired, ['admin'], 'ledgerEvents')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'ledgerEvents: the token expired' }));
    expect(() => requireRole({ ...expired, expiresAt: Math.floor(Date.now() / 1000) + 60 }, ['admin'], 'ledgerEvents')).not.toThrow();
  });

  it('lets editors edit only their own departments', () => {
    expect(() => requireEditorOf(editor, '庶務課', 'recordValue')).not.toThrow();
    expect(() => requireEditorOf(editor, '福祉課', 'recordValue')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireEditorOf(editor, null, 'recordValue')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireEditorOf({ ...editor, role: 'admin', departments: [] }, '福祉課', 'recordValue')).not.toThrow();
  });
});
