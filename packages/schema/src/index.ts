/**
 * `@pcn-hub/schema`: the pcn-hub contract shared by server and clients — error codes, NHS identifier
 * validators and the GraphQL scalars built on them.
 */

export * from './errors.js';
export * from './identifiers/index.js';
export * from './scalars.js';
