import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, extendSchema, findBreakingChanges, parse } from 'graphql';
import { SCHEMA_FILE, servedSchemaSdl } from '../src/graphql/emit-schema';
import { ledgerSchema } from '../src/graphql/schema';
import { SHARED_CONTRACT_DIR, VENDORED_CONTRACT_DIR, contractFile, sharedContractAvailable } from './support/contract';

describe('the served schema', () => {
  it('matches the emitted schema/schema.graphql (run `plan-ledger schema` after changing a type)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await servedSchemaSdl());
  });

  it('breaks nothing in the core contract', async () => {
    const changes = findBreakingChanges(buildSchema(contractFile('core.graphql')), await ledgerSchema());
    expect(changes).toEqual([]);
  });

  it('breaks nothing in the core contract extended by the clients contract', async () => {
    const contract = extendSchema(buildSchema(contractFile('core.graphql')), parse(contractFile('clients.graphql')));
    expect(findBreakingChanges(contract, await ledgerSchema())).toEqual([]);
  });

  it('breaks nothing in core + clients extended by the municipalities contract (as the contract README says)', async () => {
    const withClients = extendSchema(buildSchema(contractFile('core.graphql')), parse(contractFile('clients.graphql')));
    const contract = extendSchema(withClients, parse(contractFile('municipalities.graphql')));
    expect(findBreakingChanges(contract, await ledgerSchema())).toEqual([]);
  });

  it('catches a breaking change (the check itself works)', async () => {
    const narrowed = buildSchema(contractFile('core.graphql').replace('title: String!\n  "所属', 'titleRenamed: String!\n  "所属'));
    expect(findBreakingChanges(buildSchema(contractFile('core.graphql')), narrowed).length).toBeGreaterThan(0);
  });
});

// The copy in test/fixtures/contract must be the team's contract, not a drifting fork of it.
const vendored = 'the vendored contract in test/fixtures/contract';
if (sharedContractAvailable()) {
  describe(vendored, () => {
    const files = (dir: string) => readdirSync(dir).sort();
    it('holds the same files as the shared one', () => {
      expect(files(VENDORED_CONTRACT_DIR)).toEqual(files(SHARED_CONTRACT_DIR));
    });
    it.each(files(SHARED_CONTRACT_DIR))('%s equals the shared one', (name) => {
      expect(readFileSync(join(VENDORED_CONTRACT_DIR, name), 'utf8')).toBe(readFileSync(join(SHARED_CONTRACT_DIR, name), 'utf8'));
    });
  });
} else {
  describe.skip(`${vendored} (skipped: ../shared/contract is not beside this clone)`, () => {
    it('equals the shared one', () => undefined);
  });
}
