import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; make vitest use the same one (one realm).
    alias: { graphql: 'graphql/index.js' },
    conditions: ['source'],
  },
  test: {
    include: ['packages/**/src/**/*.test.ts', 'packages/plugins/*/src/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
