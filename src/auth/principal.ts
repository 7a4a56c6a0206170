export const ROLES = ['viewer', 'editor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: `actor` is the token's `sub`, the name recorded on every event they append. */
export interface Principal {
  actor: string;
  role: Role;
  /** For editors: the 課 whose indicators they may edit. */
  departments: readonly string[];
  authenticated: boolean;
  /** When the token stops being valid (epoch seconds, its `exp`); absent for callers without a token. */
  expiresAt?: number;
}

/** No token: may read the plan, nothing else. */
export const ANONYMOUS: Principal = { actor: 'anonymous', role: 'viewer', departments: [], authenticated: false };

/** An in-process caller the server trusts (scripts, tests, the benchmark): acts as admin under its name. */
export const trustedCaller = (actor: string): Principal => ({ actor, role: 'admin', departments: [], authenticated: true });
