/**
 * `@pcn-hub/sdk/testing`: test a plugin or integration against a real hub running in the test
 * process (in-memory database, demo PCN, synthetic patients). Needs `@pcn-hub/api` installed;
 * never import this entry point from production code.
 */
export { startTestHub, type StartTestHubOptions, type TestHub, type TestHubUser } from './testing.hub.js';

// Plugin registration helpers belong here: `registerPlugin(manifest)` (register, approve and
// enable a plugin on the test hub, returning its API key, webhook secret and a client acting as
// it). They are added once the hub's plugin API (packages/api/src/modules/plugins) is settled.
