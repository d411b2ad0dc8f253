import { configDefaults, defineConfig } from 'vitest/config';

const ALL = ['packages/**/src/**/*.test.ts', 'packages/plugins/*/src/**/*.test.ts'];
const INTEGRATION = ['packages/**/src/**/*.int.test.ts', 'packages/plugins/*/src/**/*.int.test.ts'];

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; make vitest use the same one (one realm).
    alias: { graphql: 'graphql/index.js' },
    conditions: ['source'],
  },
  test: {
    setupFiles: ['reflect-metadata'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two projects: pure unit tests (`*.test.ts`) run from the sources with no build, so one runs in
    // seconds; integration tests (`*.int.test.ts`) start real hubs, databases, processes and
    // browsers, so their project first builds the workspace once (the global setup).
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: [...configDefaults.exclude, ...INTEGRATION] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: ['./vitest.global-setup.ts'] } },
    ],
  },
});
