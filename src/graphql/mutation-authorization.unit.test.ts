import { ledgerSchema } from './schema';
import { MUTATION_GUARDS } from './mutation-authorization';

describe('MUTATION_GUARDS', () => {
  // A writing field without a check fails every call (never runs unchecked): catch it here instead.
  it('has a check for every root mutation field of the served schema', async () => {
    const fields = Object.keys((await ledgerSchema()).getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(MUTATION_GUARDS).sort()).toEqual(fields);
  });
});
