import { userInfo } from 'node:os';

/** Who the CLI records as the actor: PLAN_LEDGER_ACTOR, or the operating-system user. */
export function cliActor(): string {
  const configured = process.env['PLAN_LEDGER_ACTOR']?.trim();
  if (configured) return configured;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
