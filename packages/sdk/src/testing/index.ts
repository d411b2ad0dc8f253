/**
 * `@pcn-hub/sdk/testing`: test a plugin or integration against a real hub running in the test
 * process (in-memory database, demo PCN, synthetic patients). Needs `@pcn-hub/api` installed;
 * never import this entry point from production code.
 */
export { startTestHub, type StartTestHubOptions, type TestHub, type TestHubUser } from './testing.hub.js';
export { registerTestPlugin, type RegisterTestPluginOptions, type RegisteredTestPlugin } from './testing.plugins.js';
