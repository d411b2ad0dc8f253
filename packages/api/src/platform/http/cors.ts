import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a browser may send cross-origin: the credential, the plugin hints, request and trace ids. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-pcn-hub-organisation',
  'x-pcn-hub-on-behalf-of',
  'x-request-id',
  'traceparent',
  'tracestate',
  'apollo-require-preflight',
].join(', ');

/**
 * Which browser origins may call the hub: its own (same host) and the exact origins of
 * CORS_ORIGINS. Requests with no Origin (servers, curl, the SDK in Node) are not browsers and are
 * not judged here. Credentials (cookies) are never allowed: the hub authenticates by bearer token.
 */
export interface OriginPolicy {
  /** True for no Origin, the hub's own origin, or one on the list. */
  allows(origin: string | undefined, host: string | undefined): boolean;
  /**
   * Applies CORS to an HTTP request. Returns true when the response is finished (a preflight, or
   * an origin that is refused).
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function createOriginPolicy(allowed: readonly string[]): OriginPolicy {
  const list = new Set(allowed);
  const allows = (origin: string | undefined, host: string | undefined) =>
    origin === undefined || list.has(origin) || sameHost(origin, host);
  return {
    allows,
    handle(req, res) {
      const origin = req.headers.origin;
      if (origin === undefined) return false;
      if (!allows(origin, req.headers.host)) {
        // No CORS headers: the browser refuses the answer; the request itself is refused too.
        res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(
          JSON.stringify({
            errors: [{ message: 'This origin may not call the hub (CORS_ORIGINS)', extensions: { code: 'FORBIDDEN' } }],
          }),
        );
        return true;
      }
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
          'content-length': '0',
        });
        res.end();
        return true;
      }
      return false;
    },
  };
}
