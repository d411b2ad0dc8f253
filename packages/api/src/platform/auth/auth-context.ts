import { createParameterDecorator } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../context.js';
import { Errors } from '../errors.js';

/**
 * The request context with its actor known: every root field is `@Authorized`, so the actor is
 * always there by the time a resolver runs; without one this is UNAUTHENTICATED, never a crash.
 */
export function authenticated(ctx: RequestContext): AuthenticatedContext {
  if (!ctx.actor) throw Errors.unauthenticated();
  return ctx as AuthenticatedContext;
}

/** Resolver parameter: `@AuthCtx() ctx: AuthenticatedContext` (instead of `@Ctx()` and a cast). */
export function AuthCtx() {
  return createParameterDecorator<RequestContext>(({ context }) => authenticated(context));
}
