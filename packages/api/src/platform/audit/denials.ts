import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../context.js';

/** Codes that mean "the actor reached for something it may not have". */
const DENIAL_CODES = new Set(['FORBIDDEN', 'NOT_FOUND']);
/** At most this many rows for one request (a list of foreign ids is one attempt, not a flood). */
const MOST_ROWS = 20;

/**
 * Writes a DENIED audit row for each FORBIDDEN or NOT_FOUND a signed-in actor received, unless
 * the services already audited the refusal themselves: a hub manager sees every denial in the
 * PCN's trail (a foreign id answers NOT_FOUND to the client, but the trail records the attempt),
 * with the request id to find the request's log lines.
 */
export async function auditDenials(
  ctx: RequestContext,
  operationType: string,
  operationName: string | null,
  errors: readonly GraphQLFormattedError[],
): Promise<void> {
  if (!ctx.actor || ctx.audit.denied > 0) return;
  const denials = errors.filter((e) => typeof e.extensions?.code === 'string' && DENIAL_CODES.has(e.extensions.code));
  if (denials.length === 0) return;
  try {
    await ctx.audit.recordNow(
      ctx.orm.em.fork(),
      denials.slice(0, MOST_ROWS).map((e) => {
        const id = e.extensions?.id;
        const field = typeof e.path?.[0] === 'string' ? e.path[0] : (operationName ?? 'anonymous');
        return {
          action: `${operationType}:${field}`.slice(0, 100),
          subjectType: 'Denial',
          subjectId: typeof id === 'string' ? id.slice(0, 100) : null,
          outcome: 'DENIED' as const,
          reason: `${String(e.extensions?.code)}: ${e.message}`.slice(0, 500),
        };
      }),
    );
  } catch (error) {
    ctx.logger.error({ err: error, requestId: ctx.requestId }, 'could not audit a denial');
  }
}

/** The HTTP side: after each response (graphql-ws audits in its own hooks). */
export function denialAudit(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (errors.length > 0)
            await auditDenials(contextValue, operation?.operation ?? 'operation', operationName ?? null, errors);
        },
      };
    },
  };
}
