import { getMetadataStorage, type AuthChecker } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';
import { Errors } from '../errors.js';
import { hasAnyRole } from './actor.js';
import { pluginAccessOf, pluginFields } from './plugin-scope.js';
import type { Role } from './roles.js';

/**
 * type-graphql's auth checker. Root fields declare `@Authorized(...roles)`; an empty list means
 * "any authenticated actor". A denial is audited and answered FORBIDDEN; no actor, UNAUTHENTICATED.
 */
export const authChecker: AuthChecker<RequestContext, Role> = async ({ context, info }, roles) => {
  if (!context.actor) throw Errors.unauthenticated();
  const plugin = context.actor.plugin;
  if (plugin) {
    // A plugin is judged by its granted scopes alone: roles never open a field to it.
    const access = pluginAccessOf(info.fieldName);
    if (access === 'SELF' || (access !== undefined && plugin.scopes.has(access))) return true;
    await recordDenial(context, info, access ? `missing scope ${access}` : 'not open to plugins');
    throw Errors.forbidden(
      access
        ? `Plugin lacks the ${access} scope for ${info.parentType.name}.${info.fieldName}`
        : `${info.parentType.name}.${info.fieldName} is not open to plugins`,
    );
  }
  if (roles.length === 0 || hasAnyRole(context.actor, roles)) return true;
  await recordDenial(context, info);
  throw Errors.forbidden(`Not allowed to use ${info.parentType.name}.${info.fieldName}`);
};

async function recordDenial(context: RequestContext, info: GraphQLResolveInfo, reason?: string): Promise<void> {
  try {
    await context.audit.recordNow(context.em, [
      {
        action: `${info.parentType.name}.${info.fieldName}`,
        subjectType: 'Operation',
        outcome: 'DENIED',
        reason: reason ?? null,
      },
    ]);
  } catch (error) {
    context.logger.error({ err: error, requestId: context.requestId }, 'could not audit a denial');
  }
}

/**
 * Deny by default: every query, mutation and subscription must declare who may use it. Called
 * when the schema is built, so a field without a rule stops the server from starting.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's metadata stores classes as Function
export function assertEveryRootFieldAuthorized(resolverClasses: readonly Function[]): void {
  const storage = getMetadataStorage();
  const declared = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
  const roots = [
    ...storage.queries.map((q) => ({ kind: 'Query', q })),
    ...storage.mutations.map((q) => ({ kind: 'Mutation', q })),
    ...storage.subscriptions.map((q) => ({ kind: 'Subscription', q })),
  ].filter(({ q }) => resolverClasses.includes(q.target));
  const missing = roots
    .filter(({ q }) => !declared.has(`${q.target.name}.${q.methodName}`))
    .map(({ kind, q }) => `${kind}.${q.schemaName}`);
  if (missing.length > 0) {
    throw new Error(`These fields declare no access rule (add @Authorized): ${missing.join(', ')}`);
  }
  // @PluginScope keys on the method name: it must be the schema name of an authorized root field.
  const rootNames = new Set(roots.filter(({ q }) => q.schemaName === q.methodName).map(({ q }) => q.methodName));
  const stray = [...pluginFields().keys()].filter((name) => !rootNames.has(name));
  if (stray.length > 0)
    throw new Error(`@PluginScope on methods that are not root fields of the same name: ${stray.join(', ')}`);
}
