import { getMetadataStorage, type AuthChecker } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';
import { Errors } from '../errors.js';
import { hasAnyRole } from './actor.js';
import type { Role } from './roles.js';

/**
 * type-graphql's auth checker. Root fields declare `@Authorized(...roles)`; an empty list means
 * "any authenticated actor". A denial is audited and answered FORBIDDEN; no actor, UNAUTHENTICATED.
 */
export const authChecker: AuthChecker<RequestContext, Role> = async ({ context, info }, roles) => {
  if (!context.actor) throw Errors.unauthenticated();
  if (roles.length === 0 || hasAnyRole(context.actor, roles)) return true;
  await recordDenial(context, info);
  throw Errors.forbidden(`Not allowed to use ${info.parentType.name}.${info.fieldName}`);
};

async function recordDenial(context: RequestContext, info: GraphQLResolveInfo): Promise<void> {
  try {
    await context.audit.recordNow(context.em, [
      { action: `${info.parentType.name}.${info.fieldName}`, subjectType: 'Operation', outcome: 'DENIED' },
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
}
