export const ROLES = ['viewer', 'editor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: `actor` is the token's `sub`, the name recorded on every event they append. */
export interface Principal {
  actor: string;
  role: Role;
  /** For editors: the 課 whose indicators they may edit. */
  departments: readonly string[];
  /**
   * The codes of the municipalities the token may act for (its `municipalities` claim), '*' for the
   * whole platform, or null without the claim: then it acts only on a ledger of one municipality.
   */
  municipalities: readonly string[] | '*' | null;
  authenticated: boolean;
  /** When the token stops being valid (epoch seconds, its `exp`); absent for callers without a token. */
  expiresAt?: number;
}

/** No token: may read the plan, nothing else. */
export const ANONYMOUS: Principal = { actor: 'anonymous', role: 'viewer', departments: [], municipalities: null, authenticated: false };

/** An in-process caller the server trusts (scripts, tests, the benchmark): acts as admin under its name. */
export const trustedCaller = (actor: string): Principal => ({ actor, role: 'admin', departments: [], municipalities: '*', authenticated: true });
