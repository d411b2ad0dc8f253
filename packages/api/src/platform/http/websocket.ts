import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Actor } from '../auth/actor.js';
import type { CallerAuthentication } from '../auth/caller.js';
import { rateLimited, type Throttle } from '../auth/throttle.js';
import { auditPluginCall } from '../audit/plugin-calls.js';
import { auditDenials } from '../audit/denials.js';
import type { RequestContext } from '../context.js';
import { HubError } from '../errors.js';
import type { OperationGuard } from '../graphql/operation-guard.js';
import type { OriginPolicy } from './cors.js';

/** Close codes: graphql-ws's 4401/4403, and 4400 (bad connection parameters) and 4429 (too many) of the hub. */
const CLOSE = { badRequest: 4400, unauthorized: 4401, forbidden: 4403, tooMany: 4429 } as const;

type SocketExtra = {
  actor?: Actor | null;
  principal?: string;
};

export interface WebSocketDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly authenticate: CallerAuthentication;
  readonly throttle: Throttle;
  readonly guard: OperationGuard;
  readonly origins: OriginPolicy;
  readonly buildContext: (actor: Actor | null, requestId: string) => RequestContext;
  readonly formatAll: (errors: readonly GraphQLError[]) => GraphQLFormattedError[];
}

function closeCodeFor(error: unknown): number {
  if (!(error instanceof HubError)) return CLOSE.unauthorized;
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return CLOSE.badRequest;
    case 'FORBIDDEN':
      return CLOSE.forbidden;
    case 'RATE_LIMITED':
      return CLOSE.tooMany;
    default:
      return CLOSE.unauthorized;
  }
}

/**
 * graphql-ws on the HTTP server's `/graphql`: the same door as HTTP. The same caller
 * authentication (hint validation, throttling, sampled audit of refusals), the same document
 * guard (parse with the token cap, validation with introspection off in production, limits with
 * the real variable values), the same error formatting, plugin calls audited; plus caps on
 * operations per socket and sockets per principal.
 */
export function startWebSocketServer(deps: WebSocketDeps): { dispose(): void | Promise<void> } {
  const { config, logger, guard, throttle, authenticate, origins, formatAll, buildContext } = deps;
  const { subscriptionsPerSocket, socketsPerPrincipal } = config.limits;
  const sockets = new Map<string, number>();
  const wsServer = new WebSocketServer({
    server: deps.httpServer,
    path: '/graphql',
    maxPayload: config.limits.bodyBytes,
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }) =>
      origins.allows(origin, req.headers.host),
  });

  // graphql-ws closes with 4500 (its internal error) on a message type only a server may send;
  // that is the client's protocol error: close with 4400 first, as for any malformed message.
  const CLIENT_MESSAGES = new Set(['connection_init', 'ping', 'pong', 'subscribe', 'complete']);
  wsServer.on('connection', (socket) => {
    socket.on('message', (data: Buffer | string) => {
      let type: unknown;
      try {
        type = (JSON.parse(typeof data === 'string' ? data : data.toString('utf8')) as { type?: unknown } | null)?.type;
      } catch {
        return; // graphql-ws closes unparsable messages with 4400 itself
      }
      if (typeof type === 'string' && !CLIENT_MESSAGES.has(type))
        socket.close(CLOSE.badRequest, `Unexpected message of type ${type.slice(0, 40)}`);
    });
  });

  const release = (extra: SocketExtra) => {
    if (!extra.principal) return;
    const left = (sockets.get(extra.principal) ?? 1) - 1;
    if (left <= 0) sockets.delete(extra.principal);
    else sockets.set(extra.principal, left);
    extra.principal = undefined;
  };

  const cleanup = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema: deps.schema,
      onNext: async (_ctx, _id, payload, args, result) => {
        if (!result.errors?.length) return undefined;
        const errors = formatAll(result.errors);
        await auditDenials(args.contextValue as RequestContext, 'subscription', payload.operationName ?? null, errors);
        return { ...result, errors };
      },
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = params.authorization ?? params.Authorization;
        const header = typeof raw === 'string' ? (/^Bearer\s/i.test(raw) ? raw : `Bearer ${raw}`) : undefined;
        try {
          const actor = await authenticate({
            authorization: header,
            organisation: params.organisation,
            onBehalfOf: params.onBehalfOf,
            address: ctx.extra.request.socket.remoteAddress ?? 'unknown',
            requestId: randomUUID(),
          });
          if (!actor) {
            ctx.extra.socket.close(CLOSE.unauthorized, 'Unauthorized');
            return false;
          }
          const principal = `${actor.kind}:${actor.plugin?.keyId ?? actor.id}:${actor.organisationOds}`;
          const open = sockets.get(principal) ?? 0;
          if (open >= socketsPerPrincipal) {
            ctx.extra.socket.close(CLOSE.tooMany, 'Too many sockets for this principal');
            return false;
          }
          sockets.set(principal, open + 1);
          ctx.extra.principal = principal;
          ctx.extra.actor = actor;
          return true;
        } catch (error) {
          const code = closeCodeFor(error);
          ctx.extra.socket.close(
            code,
            code === CLOSE.unauthorized ? 'Unauthorized' : (error as Error).message.slice(0, 120),
          );
          return false;
        }
      },
      onClose: (ctx) => release(ctx.extra),
      onSubscribe: async (ctx, _id, payload) => {
        const actor = ctx.extra.actor ?? null;
        if (Object.keys(ctx.subscriptions).length > subscriptionsPerSocket) {
          return [rateLimited(1)];
        }
        const parsed = guard.parseAndValidate(payload.query);
        if ('errors' in parsed) return parsed.errors;
        const limitErrors = guard.checkOperation(parsed.document, payload.operationName, payload.variables, 'ws');
        if (limitErrors.length > 0) return limitErrors;
        if (actor) {
          const wait = await throttle.request(ctx.extra.principal ?? actor.id);
          if (wait !== null) return [rateLimited(wait)];
        }
        const contextValue = buildContext(actor, randomUUID());
        if (actor?.plugin) {
          const operation = getOperationAST(parsed.document, payload.operationName);
          await auditPluginCall(contextValue, operation?.operation ?? 'operation', payload.operationName ?? null, []);
        }
        const args: ExecutionArgs = {
          schema: deps.schema,
          document: parsed.document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
        return args;
      },
    },
    wsServer,
  );
  logger.debug({ subscriptionsPerSocket, socketsPerPrincipal }, 'graphql-ws ready');
  return cleanup;
}
