import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BodyTooLargeError, readBody } from './body.js';
import { htmlSecurityHeaders } from './security-headers.js';

/**
 * The hub's web app (packages/web, built by `pnpm build`) served from the API's own origin:
 * `/assets/*` (content-hashed, cached for a year), `index.html` for `/` and every client route
 * (never cached), the GraphQL explorer's page for browsers at `GET /graphql`, and in development
 * `POST /dev/token`, which mints a token for a demo user (the "sign in as a demo user" pickers).
 */
export interface WebAppOptions {
  /** WEB_DIST_DIR; null: look for packages/web/dist beside the API (unless `locate` is false). */
  readonly distDir: string | null;
  /** Look for the build beside the API when distDir is null (off in tests, which set WEB_DIST_DIR). */
  readonly locate: boolean;
  readonly production: boolean;
  /** Serve the explorer page at GET /graphql (GRAPHQL_EXPLORER). */
  readonly explorer: boolean;
  /** Single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID): told to the app at GET /config.json; its origin joins connect-src. */
  readonly oidc?: { readonly issuer: string; readonly clientId: string } | null | undefined;
  /** Signs a token for a demo user; null for an unknown user. Absent: no demo sign-in. */
  readonly mintDemoToken?: ((username: string, ttlSeconds: number) => Promise<string | null>) | undefined;
}

export interface WebAppHandler {
  /** Answers `/`, `/assets/*`, client routes, `/config.json` and `/dev/token`; false when the request is not the web app's. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** Answers a browser's GET /graphql with the explorer; false when there is no explorer to serve. */
  explorer(req: IncomingMessage, res: ServerResponse): boolean;
}

/** Paths that are never the web app's (the API's own). */
const API_PATHS = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pcn-hub</title></head><body>
<h1>pcn-hub</h1>
<p>The web app is not built. Run <code>pnpm build</code> (or <code>pnpm start</code>, which builds first), then reload.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>`;

/** Finds `packages/web/dist` (with its index.html) walking up from this file: src, dist and the bundle. */
export function locateWebDist(from: string = fileURLToPath(import.meta.url)): string | null {
  let dir = dirname(from);
  for (let i = 0; i < 8; i++) {
    for (const candidate of [join(dir, 'web', 'dist'), join(dir, 'packages', 'web', 'dist')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function errorBody(code: string, message: string, field?: string): string {
  return JSON.stringify({ errors: [{ message, extensions: field ? { code, field } : { code } }] });
}

interface Page {
  readonly html: string;
  readonly headers: Record<string, string>;
  readonly mtimeMs: number;
}

export function createWebAppHandler(options: WebAppOptions): WebAppHandler {
  let located: string | null = options.distDir ? resolve(options.distDir) : null;
  const pages = new Map<string, Page>();
  const oidc = options.oidc ?? null;
  // The app discovers the provider and exchanges the code from the browser: its origin may be fetched.
  const connectSrc = oidc ? [new URL(oidc.issuer).origin] : [];
  const demoSignIn = !options.production && Boolean(options.mintDemoToken);
  /** What the app learns at run time: how staff sign in. */
  const runtimeConfig = JSON.stringify({
    oidc: oidc ? { issuer: oidc.issuer, clientId: oidc.clientId } : null,
    demoSignIn,
  });

  function distDir(): string | null {
    if (!located && options.locate) located = locateWebDist();
    return located;
  }

  /** A built HTML page with its security headers, re-read when the build changes. */
  function page(name: 'index.html' | 'explorer.html'): Page | null {
    const dir = distDir();
    if (!dir) return null;
    const file = join(dir, name);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    const cached = pages.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached;
    const built = readFileSync(file, 'utf8');
    // Production pages hide the demo sign-in pickers (the hub refuses POST /dev/token there anyway).
    const html = options.production ? built.replace('<html lang="en">', '<html lang="en" data-demo="off">') : built;
    const headers = htmlSecurityHeaders(html, name === 'index.html' ? { connectSrc } : {});
    if (name === 'explorer.html') {
      // The explorer's editor (Monaco) writes <style> elements at run time and GraphiQL's stylesheet
      // embeds its fonts as data: URLs; scripts stay 'self' only.
      headers['content-security-policy'] = headers['content-security-policy']!.replace(
        "style-src 'self'",
        "style-src 'self' 'unsafe-inline'",
      ).replace("font-src 'self'", "font-src 'self' data:");
    }
    const fresh = { html, headers, mtimeMs };
    pages.set(file, fresh);
    return fresh;
  }

  function sendHtml(req: IncomingMessage, res: ServerResponse, html: string, headers: Record<string, string>): void {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...headers });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  function sendJson(res: ServerResponse, status: number, body: string): void {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  }

  function serveAsset(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const dir = distDir();
    if (!dir) return false;
    const assets = join(dir, 'assets');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname.slice('/assets/'.length));
    } catch {
      return false;
    }
    const file = resolve(assets, decoded);
    if (!file.startsWith(assets + sep) || decoded.includes('\0')) return false;
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return false;
      size = stat.size;
    } catch {
      return false;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(size),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      // Module workers (the explorer's editor) are same-origin scripts too.
      'cross-origin-resource-policy': 'same-origin',
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
    return true;
  }

  async function devToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.production || !options.mintDemoToken) {
      return sendJson(res, 403, errorBody('FORBIDDEN', 'Demo sign-in is available in development only'));
    }
    if (!(req.headers['content-type'] ?? '').includes('application/json')) {
      // A JSON body also makes a cross-origin browser request preflight, where CORS refuses it.
      return sendJson(res, 415, errorBody('BAD_USER_INPUT', 'Send JSON: { "user": "hub.anp1" }'));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req, 4096));
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', 'Request body is too large'));
      return sendJson(res, 400, errorBody('BAD_USER_INPUT', 'Request body is not valid JSON'));
    }
    const body = (parsed ?? {}) as { user?: unknown; ttlSeconds?: unknown };
    if (typeof body.user !== 'string' || body.user.length === 0) {
      return sendJson(res, 400, errorBody('BAD_USER_INPUT', 'Name a demo user', 'user'));
    }
    const ttl =
      typeof body.ttlSeconds === 'number' && Number.isInteger(body.ttlSeconds)
        ? Math.min(Math.max(body.ttlSeconds, 1), 28_800)
        : 28_800;
    const token = await options.mintDemoToken(body.user, ttl);
    if (!token) return sendJson(res, 400, errorBody('BAD_USER_INPUT', `No demo user ${body.user}`, 'user'));
    sendJson(res, 200, JSON.stringify({ token }));
  }

  return {
    handle(req, res, url) {
      const { pathname } = url;
      if (pathname === '/dev/token') {
        if (req.method !== 'POST') return false;
        devToken(req, res).catch(() => {
          if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Could not sign the token'));
          else res.end();
        });
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      if (API_PATHS.has(pathname)) return false;
      if (pathname === '/config.json') {
        sendJson(res, 200, req.method === 'HEAD' ? '' : runtimeConfig);
        return true;
      }
      if (pathname.startsWith('/assets/')) return serveAsset(req, res, pathname);
      // SPA fallback: `/` and client routes (no file extension) for a browser asking for HTML.
      const accept = req.headers.accept ?? '';
      if (pathname !== '/' && (extname(pathname) !== '' || !accept.includes('text/html'))) return false;
      const index = page('index.html');
      if (index) sendHtml(req, res, index.html, index.headers);
      else sendHtml(req, res, NOT_BUILT, htmlSecurityHeaders(NOT_BUILT));
      return true;
    },
    explorer(req, res) {
      if (!options.explorer) {
        sendJson(
          res,
          404,
          errorBody(
            'NOT_FOUND',
            'The GraphQL explorer is off (GRAPHQL_EXPLORER=true turns it on); POST GraphQL requests here',
          ),
        );
        return true;
      }
      const explorer = page('explorer.html');
      if (!explorer) return false;
      sendHtml(req, res, explorer.html, explorer.headers);
      return true;
    },
  };
}
