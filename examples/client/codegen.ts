import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The served schema (or the server itself: 'http://localhost:4000/graphql').
  schema: 'schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        // Every scalar mapped, so no `unknown` hides in the generated types.
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      // src/gql/persisted-documents.json: the manifest for PLAN_LEDGER_TRUSTED_DOCUMENTS.
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
