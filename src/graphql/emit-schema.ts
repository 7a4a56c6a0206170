import { lexicographicSortSchema, printSchema } from 'graphql';
import { fromRoot } from '../config/paths';
import { ledgerSchema } from './schema';

export const SCHEMA_FILE = fromRoot('schema', 'schema.graphql');

const HEADER = '# Emitted by `plan-ledger schema` from the type-graphql classes in src/graphql. Do not edit.\n\n';

/** The served schema as SDL, sorted so the emitted file only changes when the schema does. */
export async function servedSchemaSdl(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await ledgerSchema())) + '\n';
}
