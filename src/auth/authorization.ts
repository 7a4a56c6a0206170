import type { Principal, Role } from './principal';

export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
}

export class UnauthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
}

/** Whether the token behind the principal has expired (a live subscription outlives the moment it was checked). */
export const hasExpired = (principal: Principal, nowMs = Date.now()): boolean =>
  principal.expiresAt !== undefined && principal.expiresAt * 1000 <= nowMs;

/**
 * Refuses unless the principal holds one of the roles and its token is still valid; an anonymous caller
 * is told to authenticate.
 */
export function requireRole(principal: Principal, roles: readonly Role[], action: string): void {
  if (hasExpired(principal)) throw new UnauthenticatedError(`${action}: the token expired`);
  if (roles.includes(principal.role)) return;
  if (!principal.authenticated) throw new UnauthenticatedError(`${action} needs a bearer token`);
  throw new ForbiddenError(`${action} needs the role ${roles.join(' or ')}; ${principal.actor} is ${principal.role}`);
}

/** Whether the principal may act for a municipality, the ledger holding `held` (see Principal.municipalities). */
export function actsFor(principal: Principal, municipality: string, held: readonly string[]): boolean {
  const granted = principal.municipalities;
  if (granted === '*') return true;
  if (granted !== null) return granted.includes(municipality);
  return held.length === 0 || (held.length === 1 && held[0] === municipality);
}

/** Refuses a write or a log read for a municipality the token does not act for. */
export function requireMunicipality(principal: Principal, municipality: string, held: readonly string[], action: string): void {
  if (actsFor(principal, municipality, held)) return;
  const granted = principal.municipalities;
  const scope = granted === null ? 'has no municipalities claim, so it acts only on a ledger of one municipality' : `acts for ${granted === '*' ? 'every municipality' : granted.join(', ')}`;
  throw new ForbiddenError(`${action}: the token of ${principal.actor} ${scope}, not ${municipality}`);
}

/**
 * The municipalities whose log the principal may read: every one ('*', or no claim on a ledger of at
 * most one), or those of its claim (none, without a claim on a ledger of several).
 */
export function readableMunicipalities(principal: Principal, held: readonly string[]): readonly string[] | '*' {
  const granted = principal.municipalities;
  if (granted === '*') return '*';
  if (granted !== null) return granted;
  return held.length <= 1 ? '*' : [];
}

/** Editors edit only the indicators of their own departments; admins edit any. */
export function requireEditorOf(principal: Principal, department: string | null, action: string): void {
  requireRole(principal, ['editor', 'admin'], action);
  if (principal.role === 'admin') return;
  if (department === null || !principal.departments.includes(department)) {
    throw new ForbiddenError(`${action}: ${principal.actor} edits only for ${principal.departments.join(', ') || 'no department'}, not ${department ?? 'an indicator without a department'}`);
  }
}
