/**
 * `@pcn-hub/sdk/testing`: test a plugin or integration against a real hub running in the test
 * process (in-memory database, demo PCN, synthetic patients). Needs `@pcn-hub/api` installed;
 * never import this entry point from production code.
 */
export { startTestHub, type StartTestHubOptions, type TestHub, type TestHubUser } from './testing.hub.js';
export { registerTestPlugin, type RegisterTestPluginOptions, type RegisteredTestPlugin } from './testing.plugins.js';
/**
 * The synthetic NHS number of demo patient `n` (0-499 on a seeded test hub), from the 999 range that
 * is never issued to a real person. Demo patient `n` is registered at practice `Y9901(1 + n % 7)`.
 * Re-exported from `@pcn-hub/schema` so that a plugin's tests need only `@pcn-hub/sdk`.
 */
export { syntheticNhsNumber } from '@pcn-hub/schema';
