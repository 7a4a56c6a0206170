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

/** Editors edit only the indicators of their own departments; admins edit any. */
export function requireEditorOf(principal: Principal, department: string | null, action: string): void {
  requireRole(principal, ['editor', 'admin'], action);
  if (principal.role === 'admin') return;
  if (department === null || !principal.departments.includes(department)) {
    throw new ForbiddenError(`${action}: ${principal.actor} edits only for ${principal.departments.join(', ') || 'no department'}, not ${department ?? 'an indicator without a department'}`);
  }
}
