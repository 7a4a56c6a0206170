import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The team's shared contract, when this checkout sits beside it. */
export const SHARED_CONTRACT_DIR = join(__dirname, '..', '..', '..', 'shared', 'contract');
/** A copy kept in the repository, so a clone anywhere can check the schema against it. */
export const VENDORED_CONTRACT_DIR = join(__dirname, '..', 'fixtures', 'contract');

export function contractFile(name: 'core.graphql' | 'clients.graphql' | 'README.md'): string {
  return readFileSync(join(VENDORED_CONTRACT_DIR, name), 'utf8');
}

export const sharedContractAvailable = (): boolean => existsSync(SHARED_CONTRACT_DIR);
