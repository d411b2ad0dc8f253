import { buildSchema, getMetadataStorage } from 'type-graphql';
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

/**
 * Marks every plain data field `simple` (type-graphql's own option) so the schema gives it no
 * resolver: it is read as a property, as graphql-js and graphql-jit do by default. Otherwise
 * type-graphql wraps every field of every object type in a resolver of its own, there to run field
 * middlewares and `@Authorized` roles (and the schema's global middlewares: it has none), and
 * graphql-jit inlines a property read only for a field without a resolver: a page of 50
 * prescriptions with their items ran over a thousand such wrappers per request. A field keeps its
 * wrapper when a role or middleware is attached to it (or to a field of that name on a class it
 * inherits from or passes on to) or its schema name differs from its property; `@Field` methods
 * and `@FieldResolver`s are resolvers either way.
 */
export function readPlainFieldsAsProperties(): number {
  const storage = getMetadataStorage();
  const related = (a: object, b: object) =>
    a === b ||
    (a as { prototype?: unknown }).prototype instanceof (b as never) ||
    (b as { prototype?: unknown }).prototype instanceof (a as never);
  const attached = [...storage.authorizedFields, ...storage.middlewares];
  let marked = 0;
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.schemaName !== field.name) continue;
    if (attached.some((a) => a.fieldName === field.name && related(a.target, field.target))) continue;
    field.simple = true;
    marked += 1;
  }
  return marked;
}

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
