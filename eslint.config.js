// ESLint flat config: type-aware typescript-eslint plus the boundaries of docs/architecture.md#house-rules.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { localRules } from './eslint.local-rules.js';

const root = dirname(fileURLToPath(import.meta.url));

// A few Node globals for the plain JavaScript files (scripts, config); TypeScript files get theirs from @types/node.
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'URL',
    'fetch',
    'Buffer',
    'AbortController',
    'AbortSignal',
    'performance',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.data/**',
    'packages/sdk/.guide/**',
    '**/coverage/**',
    'packages/sdk/src/generated/**',
    // GraphQL Code Generator's client preset output (pnpm --filter @pcn-hub/web codegen).
    'packages/web/src/gql/**',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Files outside every tsconfig (root config files) are checked with a default project.
        projectService: {
          allowDefaultProject: ['vitest.config.ts', 'vitest.global-setup.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: root,
      },
    },
    plugins: { local: localRules },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Type-only imports for types, value imports for decorated classes (docs/architecture.md#type-only-imports).
      // With emitDecoratorMetadata on, the rule skips files that contain decorators, so it never asks for
      // (or autofixes into) a type-only import of a class that reflect-metadata needs at run time.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // type-graphql wants classes that are only decorator carriers (resolvers, input and object types).
      '@typescript-eslint/no-extraneous-class': 'off',
      // type-graphql object types are plain data shapes: resolvers return object literals of them, which is
      // how type-graphql is meant to be used (it never relies on the prototype of a returned object).
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // noUncheckedIndexedAccess is on, so `rows[0]!` after a length check is the house idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Promise-returning interface methods (close(), Apollo plugin hooks, test helpers) are written as
      // async functions without an await; no-floating-promises and no-misused-promises catch the real bugs.
      '@typescript-eslint/require-await': 'off',
      // Purely stylistic: `() => logger.debug(m)` and `return send(res, ...)` early exits read fine.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Numbers and booleans in template literals are fine; objects are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // docs/architecture.md#module-boundaries, #layers-of-the-api and #thin-resolvers (eslint.local-rules.js).
      'local/module-boundaries': 'error',
      'local/platform-boundary': 'error',
      'local/resolvers-without-orm': 'error',
      // docs/architecture.md#module-anatomy: <topic>.<role>.ts from a closed list of roles.
      'local/module-file-names': 'error',
    },
  },
  {
    // Tests and testkits walk parsed JSON (GraphQL answers, FHIR messages) and vitest's asymmetric
    // matchers (expect.objectContaining) are typed `any`; a wrong shape fails the test's own assertions.
    // Every other rule, no-floating-promises included, still applies to them.
    files: ['**/*.test.ts', '**/*.testkit.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // docs/architecture.md#public-contract-only: the SDK and plugins talk to the hub over its public contract only.
    // no-restricted-imports does not see import(), hence the syntax rule for dynamic imports (its regex
    // spells '/' as \x2F: a selector's regex literal cannot contain a slash).
    files: ['packages/sdk/**', 'packages/plugins/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@pcn-hub/api', '@pcn-hub/api/*'],
              message: 'The SDK and plugins never import @pcn-hub/api: use @pcn-hub/schema and the GraphQL API.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^@pcn-hub\\x2Fapi(\\x2F|$)/]',
          message: 'The SDK and plugins never import @pcn-hub/api: use @pcn-hub/schema and the GraphQL API.',
        },
      ],
    },
  },
  {
    // Plugins depend on @pcn-hub/sdk only (its entry points . /client /plugin /testing), as a third-party
    // vendor's would: no @pcn-hub/schema, no other plugin. Rule options do not merge across blocks, so this
    // one repeats the @pcn-hub/api restriction above and leaves it to that pattern (one report per import).
    files: ['packages/plugins/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@pcn-hub/api', '@pcn-hub/api/*'],
              message: 'Plugins never import @pcn-hub/api: use @pcn-hub/sdk and the GraphQL API.',
            },
            {
              regex: '^@pcn-hub/(?!api(/|$))(?!sdk(/(client|plugin|testing))?$)',
              message: 'Plugins import only @pcn-hub/sdk and its entry points /client, /plugin, /testing.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^@pcn-hub\\x2Fapi(\\x2F|$)/]',
          message: 'Plugins never import @pcn-hub/api: use @pcn-hub/sdk and the GraphQL API.',
        },
        {
          selector:
            'ImportExpression[source.value=/^@pcn-hub\\x2F(?!api(\\x2F|$))(?!sdk(\\x2F(client|plugin|testing))?$)/]',
          message: 'Plugins import only @pcn-hub/sdk and its entry points /client, /plugin, /testing.',
        },
      ],
    },
  },
  {
    // The one exception: @pcn-hub/sdk/testing starts a real hub inside the test process, so it has to
    // contain the server, and it loads exactly the API's public embedded entry (lazily, by import()).
    // Vendors' production code imports @pcn-hub/sdk/client or /plugin, which never load it.
    files: ['packages/sdk/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A regex: gitignore-style groups cannot re-include a path below an excluded one.
              regex: '^@pcn-hub/api(?!/embedded$)(/|$)',
              message: 'The SDK testing entry may import @pcn-hub/api/embedded only.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^@pcn-hub\\x2Fapi(?!\\x2Fembedded$)(\\x2F|$)/]',
          message: 'The SDK testing entry may import @pcn-hub/api/embedded only.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals },
  },
);
