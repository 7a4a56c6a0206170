// editionChanges asked in-process (Apollo's executeOperation over a real SQLite ledger), counting the SQL
// statements it runs.
import type { Ledger } from '../../src/application/ledger';
import { createApolloServer } from '../../src/graphql/apollo-server';
import { createRequestContext } from '../../src/graphql/context';
import { EDITION_CHANGES, type EditionChangesData } from './edition-changes';

export type GraphQLErrorData = { message: string; extensions?: Record<string, unknown> };

export async function askEditionChanges(ledger: Ledger, edition: number): Promise<{ data: EditionChangesData | null; errors: readonly GraphQLErrorData[] }> {
  const server = await createApolloServer();
  const response = await server.executeOperation<{ editionChanges: EditionChangesData }>(
    { query: EDITION_CHANGES, variables: { edition } },
    { contextValue: createRequestContext(ledger, 'tester') },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data: data?.editionChanges ?? null, errors: errors ?? [] };
}

export async function editionChanges(ledger: Ledger, edition: number): Promise<EditionChangesData> {
  const { data, errors } = await askEditionChanges(ledger, edition);
  if (errors.length > 0 || data === null) throw new Error(`editionChanges(${edition}): ${JSON.stringify(errors)}`);
  return data;
}
