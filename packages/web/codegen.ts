import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents (GraphQL Code Generator's client preset) against the committed schema. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/e2e/**'],
  ignoreNoDocuments: true,
  // Formatted like the rest of the tree (prettier --check covers src/gql).
  hooks: { afterAllFileWrite: ['node ../../node_modules/prettier/bin/prettier.cjs --write'] },
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          LocalDate: 'string',
          OdsCode: 'string',
          NHSNumber: 'string',
          SnomedCode: 'string',
          DmdCode: 'string',
          PrescriptionId: 'string',
        },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
