import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../context.js';
import { HubError, mapKnownError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * A plain HTTP route beside `/graphql`, for what GraphQL carries badly: streamed bytes (attachment
 * uploads and downloads). Modules provide routes; the composition root hands them to the server,
 * which authenticates exactly as it does for GraphQL (same credentials, hints and throttling).
 */
export interface HttpRoute {
  /** Whether the route serves this path. */
  matches(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, tools: RouteTools): Promise<void>;
}

/** What the server gives a route for one request. */
export interface RouteTools {
  readonly requestId: string;
  /** A context for the request's credentials, as GraphQL builds it (actor null when none were sent). */
  context(): Promise<RequestContext>;
  /** A context with no actor: for requests authorised by a signed link instead of credentials. */
  anonymous(): RequestContext;
}

/** The HTTP status of a contract error on a plain route. */
const STATUS: Partial<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  ATTACHMENT_NOT_AVAILABLE: 409,
  LINK_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Answers an error as JSON shaped like a GraphQL error (`errors[0].extensions.code`, `.field`).
 * A HubError may name its own status (`extensions.http.status`, e.g. 415); anything that is not a
 * contract error is a 500 whose detail stays in the log.
 */
export function sendRouteError(
  res: ServerResponse,
  error: unknown,
  requestId: string,
  logger: Logger,
  closeAfter = false,
): void {
  const hub = error instanceof HubError ? error : mapKnownError(error);
  if (!hub) logger.error({ err: error, requestId }, 'route failed');
  const { http, ...extensions } = (hub?.extensions ?? {}) as {
    http?: { status?: number; headers?: Record<string, string> };
  };
  const status = hub ? (http?.status ?? STATUS[hub.code] ?? 400) : 500;
  const body = hub
    ? { errors: [{ message: hub.message, extensions: { ...extensions, code: hub.code } }] }
    : {
        errors: [
          { message: `Internal server error (request id ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      };
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A body left unread (refused before reading it, or part-way): the connection cannot be reused.
    ...(closeAfter ? { connection: 'close' } : {}),
    ...(http?.headers ?? {}),
  });
  res.end(JSON.stringify(body));
}
