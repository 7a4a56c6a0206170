import { SignJWT } from 'jose';
import type { Role } from './principal';

/** Development tokens, signed with the shared secret. */
export async function mintToken(
  secret: Uint8Array,
  claims: { sub: string; role: Role; departments?: string[]; municipalities?: string[] },
  options: { expiresIn?: string; issuer?: string | null; audience?: string | null } = {},
): Promise<string> {
  let jwt = new SignJWT({
    role: claims.role,
    ...(claims.departments?.length ? { departments: claims.departments } : {}),
    ...(claims.municipalities?.length ? { municipalities: claims.municipalities } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(secret);
}
