// The served EditionChanges, ValueRevision and DepartmentMove, and Query.editionChanges, field for field as
// municipalities.graphql has them (the rest of that contract is checked once #15 builds it).
import { buildSchema, extendSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { ledgerSchema } from '../src/graphql/schema';
import { contractFile } from './support/contract';

/** `field(arg: Type): Type` of each field of an object type, arguments by name (their order means nothing to a client). */
function signature(schema: GraphQLSchema, name: string): string[] {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return Object.values(type.getFields())
    .map((field) => `${field.name}(${field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).sort().join(', ')}): ${String(field.type)}`)
    .sort();
}

describe('editionChanges as the municipalities contract has it', () => {
  const contract = extendSchema(
    extendSchema(buildSchema(contractFile('core.graphql')), parse(contractFile('clients.graphql'))),
    parse(contractFile('municipalities.graphql')),
  );

  it.each(['EditionChanges', 'ValueRevision', 'DepartmentMove'])('%s has exactly the contract’s fields', async (name) => {
    expect(signature(await ledgerSchema(), name)).toEqual(signature(contract, name));
  });

  it('Query.editionChanges takes the contract’s arguments', async () => {
    const served = signature(await ledgerSchema(), 'Query').filter((field) => field.startsWith('editionChanges('));
    expect(served).toEqual(signature(contract, 'Query').filter((field) => field.startsWith('editionChanges(')));
  });
});
