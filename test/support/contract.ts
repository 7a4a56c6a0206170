import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The team's shared contract, when this checkout sits beside it; PLAN_LEDGER_SHARED_CONTRACT names it
 * elsewhere (a git worktree, whose parent folder is not the team's).
 */
export const SHARED_CONTRACT_DIR = process.env['PLAN_LEDGER_SHARED_CONTRACT'] ?? join(__dirname, '..', '..', '..', 'shared', 'contract');
/** A copy kept in the repository, so a clone anywhere can check the schema against it. */
export const VENDORED_CONTRACT_DIR = join(__dirname, '..', 'fixtures', 'contract');

type ContractFileName = 'core.graphql' | 'clients.graphql' | 'municipalities.graphql' | 'statements-csv.md' | 'README.md';

export function contractFile(name: ContractFileName): string {
  return readFileSync(join(VENDORED_CONTRACT_DIR, name), 'utf8');
}

export const sharedContractAvailable = (): boolean => existsSync(SHARED_CONTRACT_DIR);
