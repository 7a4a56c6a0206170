import { loadAuthConfig } from '../../auth/auth-config';
import { mintToken } from '../../auth/mint-token';
import { ROLES, type Role } from '../../auth/principal';
import { lifetimeProblem } from '../../auth/token-lifetime';
import { decodeJwt } from 'jose';
import { DomainError } from '../../domain/domain-error';
import { resolveMunicipality } from '../../domain/municipalities/municipality-table';

/** A development token signed with PLAN_LEDGER_JWT_SECRET; the token is the last line printed. */
export async function token(options: { role: string; department: string[]; municipality: string[]; sub: string; expiresIn: string }): Promise<number> {
  const config = loadAuthConfig();
  if (!config.secret) {
    console.error('error: PLAN_LEDGER_JWT_SECRET is not set: there is no secret to sign with');
    return 1;
  }
  if (!(ROLES as readonly string[]).includes(options.role)) {
    console.error(`error: --role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(options.role)}`);
    return 1;
  }
  const role = options.role as Role;
  let municipalities: string[];
  try {
    municipalities = options.municipality.map((named) => (named === '*' ? '*' : resolveMunicipality(named, '--municipality').code));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`error: --municipality: ${error.message}`);
    return 1;
  }
  const jwt = await mintToken(
    config.secret,
    { sub: options.sub, role, departments: options.department, municipalities },
    { expiresIn: options.expiresIn, issuer: config.issuer, audience: config.audience },
  );
  // The server would refuse it: better said now than at the first request.
  const problem = lifetimeProblem(decodeJwt(jwt), config.maxAgeSeconds);
  if (problem) {
    console.error(`error: --expires-in ${options.expiresIn}: ${problem}`);
    return 1;
  }
  const scope = municipalities.length ? ` for ${municipalities.join(', ')}` : '';
  console.error(`token for ${options.sub} (${role}${options.department.length ? `: ${options.department.join(', ')}` : ''})${scope}, valid ${options.expiresIn}:`);
  console.log(jwt);
  return 0;
}
