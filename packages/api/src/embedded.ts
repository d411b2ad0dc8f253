/**
 * `@pcn-hub/api/embedded`: a whole hub in this process, on in-memory PGlite, listening on a
 * loopback port. Public for `@pcn-hub/sdk/testing` (vendors test plugins against a real hub) and
 * nothing else: it is a test fixture, never a way to run the hub in production.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { startApp } from './app.js';
import type { Role } from './platform/auth/roles.js';
import { parseConfig } from './platform/config.js';
import { projectCacheTemplateDir } from './platform/db/pglite-template.js';
import { DEMO_USERS } from './seed/demo.js';

/** Options of {@link startEmbeddedHub}. */
export interface EmbeddedHubOptions {
  /** Port on 127.0.0.1; default 0 (a free one). */
  readonly port?: number;
  /** Seed the demo PCN (organisations, staff, 500 synthetic patients); default true. */
  readonly seed?: boolean;
  /** Further configuration variables (see the README's configuration table); they win over the defaults. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Claims of a token minted for an arbitrary actor. */
export interface EmbeddedTokenClaims {
  readonly sub: string;
  /** ODS code of the actor's organisation. */
  readonly org: string;
  readonly roles: readonly Role[];
}

/** A demo staff user of the seeded PCN. */
export interface EmbeddedDemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly odsCode: string;
  readonly roles: readonly string[];
}

/** A running embedded hub. */
export interface EmbeddedHub {
  /** `http://127.0.0.1:<port>/graphql` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/graphql` */
  readonly wsUrl: string;
  readonly port: number;
  /** The seeded demo staff (empty without the seed). */
  readonly demoUsers: readonly EmbeddedDemoUser[];
  /** Mints a JWT the hub accepts: for a demo username, or for explicit claims. */
  mintToken(user: string | EmbeddedTokenClaims, ttlSeconds?: number): Promise<string>;
  /** Stops the server, its workers and the database. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a hub as the API's own tests do: NODE_ENV test, in-memory PGlite, migrations applied,
 * the demo PCN seeded, a random HS256 secret known only to this process, logs silenced.
 */
export async function startEmbeddedHub(options: EmbeddedHubOptions = {}): Promise<EmbeddedHub> {
  const seed = options.seed ?? true;
  const config = parseConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    PCN_HUB_DATA_DIR: 'memory://',
    PGLITE_TEMPLATE_DIR: projectCacheTemplateDir(),
    SEED_ON_START: String(seed),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    // A test hub is driven hard by one test process: throttling off unless a test asks for it.
    RATE_LIMIT_AUTH_FAILURES: '0',
    RATE_LIMIT_KEY_FAILURES: '0',
    RATE_LIMIT_REQUESTS: '0',
    ...options.env,
  });
  const app = await startApp(config);
  const sign = app.tokens.sign;
  const demoUsers = seed ? DEMO_USERS.map((user) => ({ ...user, roles: [...user.roles] })) : [];
  return {
    url: app.url,
    wsUrl: app.url.replace(/^http/, 'ws'),
    port: app.port,
    demoUsers,
    async mintToken(user, ttlSeconds) {
      // Only a JWKS-configured hub (env JWT_JWKS_URL) has no signing key here.
      if (!sign) throw new Error('This embedded hub verifies tokens against a JWKS: it cannot mint them');
      if (typeof user !== 'string') return sign({ sub: user.sub, org: user.org, roles: [...user.roles] }, ttlSeconds);
      const demo = DEMO_USERS.find((candidate) => candidate.username === user);
      if (!demo || !seed) throw new Error(`No demo user ${user}`);
      return sign({ sub: demo.username, org: demo.odsCode, roles: [...demo.roles] }, ttlSeconds);
    },
    stop: () => app.stop(),
  };
}
