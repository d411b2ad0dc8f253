import { buildSchema } from 'type-graphql';
import { assertValidSchema, type GraphQLSchema } from 'graphql';
import { authChecker, assertEveryRootFieldAuthorized } from './platform/auth/authorization.js';
import { AuditResolver } from './platform/audit/audit.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { resolvePlainFieldsByDefault } from './platform/graphql/plain-fields.js';
import { MODULE_RESOLVERS } from './modules.js';

/** Every resolver class of the API: the platform's, then every module's (`src/modules.ts`). */
export const RESOLVERS = [NodeResolver, AuditResolver, ...MODULE_RESOLVERS] as const;

/**
 * type-graphql insists on a PubSub once any subscription exists. Ours all bring their own
 * `subscribe` (the event log is the source), so topic-based subscriptions are refused.
 */
const NO_TOPIC_PUBSUB = {
  publish(): void {
    throw new Error('Topic-based subscriptions are not used; subscribe from the event log');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('Topic-based subscriptions are not used; subscribe from the event log');
  },
};

let built: Promise<GraphQLSchema> | null = null;

/** Builds (once per process) the executable schema; refuses to start if a root field has no access rule. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    assertEveryRootFieldAuthorized(RESOLVERS);
    resolvePlainFieldsByDefault();
    const schema = await buildSchema({
      resolvers: [...RESOLVERS],
      authChecker,
      authMode: 'error',
      validate: false,
      pubSub: NO_TOPIC_PUBSUB,
      // type-graphql's own check runs a full introspection query over the schema (a fifth of a
      // restart); assertValidSchema is the part of it that matters and throws the same errors.
      skipCheck: true,
    });
    assertValidSchema(schema);
    return schema;
  })();
  return built;
}
