/**
 * `@pcn-hub/schema`: the pcn-hub contract shared by server and clients — error codes, NHS identifier
 * validators, the GraphQL scalars built on them, and the plugin contract.
 */

export * from './backoff.js';
export * from './errors.js';
export * from './identifiers/index.js';
export * from './scalars.js';
export * from './plugins.js';
