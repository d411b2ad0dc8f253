import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Orm } from '../db/orm.js';
import { migrationsApplied } from '../db/orm.js';
import { createRequestContext, type RequestContext } from '../context.js';
import { AuditLog } from '../audit/audit.log.js';
import { pluginCallAudit } from '../audit/plugin-calls.js';
import { denialAudit } from '../audit/denials.js';
import { metrics } from '../observability/metrics.js';
import { operationObserver, type OperationFacts } from '../observability/operations.js';
import { contextFrom, inSpan, SpanKind, tracingOn } from '../observability/tracing.js';
import type { Authenticator, CallerHints } from '../auth/authenticate.js';
import { createCallerAuthentication } from '../auth/caller.js';
import { createThrottle } from '../auth/throttle.js';
import type { EventBus } from '../events/event-bus.js';
import type { Actor } from '../auth/actor.js';
import { createErrorFormatter, HubError } from '../errors.js';
import { compiledGateway } from '../graphql/compiled-execution.js';
import { createOperationGuard } from '../graphql/operation-guard.js';
import { BodyTooLargeError, readBody } from './body.js';
import { createOriginPolicy } from './cors.js';
import { sendRouteError, type HttpRoute } from './routes.js';
import { LANDING_PAGE } from './landing-page.js';
import { htmlSecurityHeaders } from './security-headers.js';
import { createWebAppHandler } from './web-app.js';
import { startWebSocketServer } from './websocket.js';

export interface HttpServerDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly orm: Orm;
  readonly schema: GraphQLSchema;
  readonly authenticator: Authenticator;
  readonly events: EventBus;
  /** Signs a demo user's token for the development sign-in (POST /dev/token); null for an unknown user. */
  readonly mintDemoToken?: (username: string, ttlSeconds: number) => Promise<string | null>;
  /** Plain HTTP routes of the modules (attachment bytes), authenticated like GraphQL. */
  readonly routes?: readonly HttpRoute[];
}

/** The running HTTP + WebSocket server. */
export interface HubServer {
  readonly httpServer: Server;
  readonly apollo: ApolloServer<RequestContext>;
  /** Builds a context as an HTTP request would (used by in-process callers such as tests). */
  contextFor(authorization: string | undefined, requestId?: string, hints?: CallerHints): Promise<RequestContext>;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, drains HTTP requests and WebSocket subscriptions, then resolves. */
  close(): Promise<void>;
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** The request's URL, or null when its path does not parse (never a throw outside the handler). */
function parseRequestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** One request header as a string (a repeated header is joined, as for GraphQL), or null. */
function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** A client's own request id is kept when it is short and plain; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Apollo Server 5 on node:http with graphql-ws on the same port and path. Choices from
 * docs/architecture.md#apollo-server-settings: cache-control and usage reporting off, CSRF
 * prevention on, no batching, an
 * offline landing page, the same operation limits on HTTP and WebSocket.
 */
export async function createHubServer(deps: HttpServerDeps): Promise<HubServer> {
  const { config, logger, orm, schema, authenticator, events } = deps;
  const production = config.env === 'production';
  const settings = { writeBackBackfillDays: config.writeBack.backfillDays, attachments: config.attachments };
  const guard = createOperationGuard({
    schema,
    limits: config.limits,
    introspection: config.limits.introspection,
    hideSuggestions: production,
  });
  const throttle = createThrottle(config, logger);
  const authenticate = createCallerAuthentication({ authenticator, throttle, orm, logger });
  const origins = createOriginPolicy(config.corsOrigins);
  const landingHeaders = htmlSecurityHeaders(LANDING_PAGE);
  const webApp = createWebAppHandler({
    ...config.web,
    locate: config.env !== 'test',
    production,
    mintDemoToken: deps.mintDemoToken,
  });

  const httpServer = createServer();
  /** What the request's log line says beyond method, path and status (ids only). */
  const requestFacts = new Map<
    string,
    { operation?: OperationFacts; principal?: string; organisation?: string; traceId?: string }
  >();

  async function contextFor(
    authorization: string | undefined,
    requestId: string = randomUUID(),
    hints: CallerHints = {},
    address = 'in-process',
  ): Promise<RequestContext> {
    const actor = await authenticate({
      authorization,
      organisation: hints.organisation,
      onBehalfOf: hints.onBehalfOf,
      address,
      requestId,
    });
    return buildContext(actor, requestId);
  }

  /**
   * The context of an HTTP request (GraphQL or a route) from its credentials and caller headers; the
   * request's log line then names who acted, and for which organisation.
   */
  async function callerContext(req: IncomingMessage, requestId: string): Promise<RequestContext> {
    const ctx = await contextFor(
      typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
      requestId,
      { organisation: header(req, 'x-pcn-hub-organisation'), onBehalfOf: header(req, 'x-pcn-hub-on-behalf-of') },
      req.socket.remoteAddress ?? 'unknown',
    );
    const facts = requestFacts.get(requestId);
    if (facts && ctx.actor) {
      facts.principal = ctx.actor.plugin ? `plugin:${ctx.actor.plugin.name}` : ctx.actor.id;
      facts.organisation = ctx.actor.organisationOds;
    }
    return ctx;
  }

  function buildContext(actor: Actor | null, requestId: string): RequestContext {
    return createRequestContext({
      requestId,
      actor,
      em: () => orm.em.fork(),
      logger: logger.child({ requestId }),
      audit: new AuditLog(actor, requestId),
      events,
      orm,
      settings,
    });
  }

  const formatError = createErrorFormatter(logger);
  // WebSocket results go through the same formatter as HTTP: coded errors kept, anything else masked.
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));

  const wsCleanup = startWebSocketServer({
    config,
    logger,
    schema,
    httpServer,
    authenticate,
    throttle,
    guard,
    origins,
    buildContext,
    formatAll,
  });

  const apollo = new ApolloServer<RequestContext>({
    ...(config.limits.compileAfter > 0 ? { gateway: compiledGateway(schema, config.limits.compileAfter) } : { schema }),
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The process's own SIGTERM/SIGINT handler drains (WebSockets first, then HTTP, then workers and
    // the database); Apollo's would race it and re-raise the signal half-way through.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: config.limits.introspection,
    // Validation runs in the operation guard (the same rules as graphql-ws, after a linear
    // structural pre-check that keeps graphql-js's quadratic overlap rule from being fed a bomb).
    dangerouslyDisableValidation: true,
    parseOptions: { maxTokens: config.limits.tokens },
    // Apollo's default indents every response (about 40% more bytes to build and write); clients
    // parse JSON and the explorer formats what it shows.
    stringifyResult: (value) => JSON.stringify(value),
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // Federated tracing is for subgraphs, which the hub is not; left implicit, Apollo Server
      // still loads the plugin and its protobuf tracing code (about 0.8 MB) on every start.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      guard.apolloPlugin(),
      pluginCallAudit(),
      denialAudit(),
      operationObserver((requestId, operation) => {
        const facts = requestFacts.get(requestId);
        if (facts) facts.operation = operation;
      }),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
    ],
  });
  await apollo.start();

  async function ready(): Promise<boolean> {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      return await migrationsApplied(orm);
    } catch {
      return false;
    }
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, config.limits.bodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          send(
            res,
            413,
            errorBody('PAYLOAD_TOO_LARGE', `Request body is larger than ${config.limits.bodyBytes} bytes`),
          );
          req.destroy();
          return;
        }
        throw error;
      }
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json') || type.includes('application/graphql-response+json')) {
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          send(res, 400, errorBody('BAD_USER_INPUT', 'Request body is not valid JSON'));
          return;
        }
      } else {
        body = raw;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const operationName =
      typeof (body as { operationName?: unknown } | undefined)?.operationName === 'string'
        ? (body as { operationName: string }).operationName
        : null;
    const response = await inSpan(
      'graphql.operation',
      { attributes: { 'graphql.operation.name': operationName?.slice(0, 100) ?? '' } },
      () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest,
          context: () => callerContext(req, requestId),
        }),
    );
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('x-request-id', requestId);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function serveRoute(
    route: HttpRoute,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<void> {
    try {
      await route.handle(req, res, url, {
        requestId,
        context: () => callerContext(req, requestId),
        anonymous: () => buildContext(null, requestId),
      });
    } catch (error) {
      const unread = !req.complete;
      sendRouteError(res, error, requestId, logger, unread);
      // Not before the answer is out: the client reads the refusal, then the connection goes.
      if (unread) res.once('finish', () => req.destroy());
    }
  }

  httpServer.on('request', (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const url = parseRequestUrl(req.url);
    if (!url) {
      // A path no URL parser accepts ("//", "///x"): the client's mistake, answered before anything else.
      send(res, 400, errorBody('BAD_USER_INPUT', 'The request path is not a valid URL path'));
      return;
    }
    const started = performance.now();
    requestFacts.set(requestId, {});
    res.on('finish', () => {
      const facts = requestFacts.get(requestId);
      requestFacts.delete(requestId);
      const route = ['/graphql', '/healthz', '/readyz'].includes(url.pathname) ? url.pathname.slice(1) : 'other';
      metrics.httpRequests.inc({
        route,
        method: ['GET', 'POST', 'OPTIONS', 'HEAD'].includes(req.method ?? '') ? req.method! : 'OTHER',
        status: `${Math.floor(res.statusCode / 100)}xx`,
      });
      logger.info(
        {
          requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
          ...(facts?.operation
            ? {
                operation: facts.operation.name,
                operationType: facts.operation.type,
                field: facts.operation.field,
                outcome: facts.operation.outcome,
              }
            : {}),
          ...(facts?.principal ? { principal: facts.principal, organisation: facts.organisation } : {}),
          ...(facts?.traceId ? { traceId: facts.traceId } : {}),
        },
        'request',
      );
    });
    const traceParent = contextFrom(req.headers.traceparent);
    void inSpan(
      `${req.method ?? 'HTTP'} ${url.pathname === '/graphql' ? '/graphql' : 'other'}`,
      {
        kind: SpanKind.SERVER,
        parent: traceParent,
        attributes: { 'http.request.method': req.method ?? '', 'url.path': url.pathname.slice(0, 100) },
      },
      async (span) => {
        if (tracingOn()) {
          const facts = requestFacts.get(requestId);
          if (facts) facts.traceId = span.spanContext().traceId;
          res.on('finish', () => span.setAttribute('http.response.status_code', res.statusCode));
        }
        try {
          if (url.pathname === '/healthz') return send(res, 200, '{"status":"ok"}');
          if (url.pathname === '/readyz') {
            return (await ready()) ? send(res, 200, '{"status":"ready"}') : send(res, 503, '{"status":"not ready"}');
          }
          const route = deps.routes?.find((r) => r.matches(url.pathname));
          if (route) return await serveRoute(route, req, res, url, requestId);
          if (url.pathname !== '/graphql' && webApp.handle(req, res, url)) return;
          if (url.pathname !== '/graphql') return send(res, 404, errorBody('NOT_FOUND', 'Not found'));
          if (origins.handle(req, res)) return;
          if (req.method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html')) {
            if (webApp.explorer(req, res)) return;
            return send(res, 200, LANDING_PAGE, 'text/html; charset=utf-8', landingHeaders);
          }
          await handleGraphQL(req, res, url, requestId);
        } catch (error) {
          const hub = error instanceof HubError ? error : null;
          logger.error({ err: hub ? undefined : error, requestId }, 'request failed');
          if (!res.headersSent)
            send(res, 500, errorBody('INTERNAL_SERVER_ERROR', `Internal server error (request id ${requestId})`));
          else res.end();
        }
      },
    );
  });

  return {
    httpServer,
    apollo,
    contextFor,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      // WebSockets first: the HTTP drain would otherwise wait out its grace period on upgraded sockets.
      await wsCleanup.dispose();
      await apollo.stop();
      await throttle.close();
    },
  };
}
