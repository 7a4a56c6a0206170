import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations for the page, as examples/client/codegen.ts makes them for any client, from the
// served schema (`plan-ledger schema` writes it).
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/api/operations.ts'],
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: {
        strictScalars: true,
        scalars: { DateTimeISO: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
        // Documents as strings with their types attached: no graphql-js in the browser bundle.
        documentMode: 'string',
      },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
