import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context.js';

/**
 * One PluginCall audit row: the operation a plugin ran, as the plugin (with its on-behalf-of
 * user), with its outcome from the error codes of the answer.
 */
export async function auditPluginCall(
  ctx: RequestContext,
  operationType: string,
  operationName: string | null,
  codes: readonly string[],
): Promise<void> {
  const outcome = codes.length === 0 ? 'SUCCESS' : codes.includes('FORBIDDEN') ? 'DENIED' : 'FAILED';
  try {
    await ctx.audit.recordNow(ctx.orm.em.fork(), [
      {
        action: `${operationType}:${operationName ?? 'anonymous'}`.slice(0, 100),
        subjectType: 'PluginCall',
        subjectId: ctx.actor!.plugin!.keyId,
        outcome,
        reason: codes.length ? codes.join(',').slice(0, 500) : null,
      },
    ]);
  } catch (error) {
    ctx.logger.error({ err: error, requestId: ctx.requestId }, 'could not audit a plugin call');
  }
}

/**
 * Audits every operation a plugin runs over HTTP (graphql-ws subscriptions are audited when they
 * start): one row per call besides the rows the services write for what the call touched. Staff
 * calls are audited by the services alone.
 */
export function pluginCallAudit(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.actor?.plugin) return;
      return {
        async willSendResponse({ contextValue: ctx, operation, operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) =>
            typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
          );
          await auditPluginCall(ctx, operation?.operation ?? 'operation', operationName ?? null, codes);
        },
      };
    },
  };
}
