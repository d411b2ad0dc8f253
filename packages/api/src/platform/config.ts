import { createHmac, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** Who signs the tokens the API accepts. */
export type JwtKeyConfig =
  | { readonly kind: 'hs256'; readonly secret: Uint8Array }
  | { readonly kind: 'development'; readonly keyFile: string | null }
  | { readonly kind: 'jwks'; readonly url: URL };

/** Where the data lives. */
export type DatabaseConfig =
  | { readonly kind: 'postgresql'; readonly url: string; readonly poolMax: number }
  | {
      readonly kind: 'pglite';
      readonly dataDir: string | null;
      /** Where freshly migrated, empty databases are cached to start new ones from (null: off). */
      readonly templateDir: string | null;
    };

/** Limits and links of attachments; use cases read them through `ctx.settings.attachments`. */
export interface AttachmentSettings {
  /** Largest attachment, bytes: refused at declaration and when the upload passes it. */
  readonly maxBytes: number;
  /** MIME types an attachment may have (lower case). */
  readonly contentTypes: readonly string[];
  /** Hold every upload PENDING_SCAN until a scanner plugin records a verdict, even when none is enabled. */
  readonly scanRequired: boolean;
  /** Lifetime of a signed download link, seconds. */
  readonly linkSeconds: number;
  /** HMAC key of download links. */
  readonly linkSecret: Uint8Array;
}

/** The whole configuration, parsed once from the environment and frozen. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly migrateOnStart: boolean;
  readonly seedOnStart: boolean;
  /** Seed the demo PCN's activity (consultations, prescriptions, referrals) in the background after listening. */
  readonly seedDemoActivity: boolean;
  /** Development only: a new demo online consultation every this many seconds (0: off). */
  readonly demoTrafficSeconds: number;
  readonly jwt: {
    readonly issuer: string;
    readonly audience: string;
    readonly key: JwtKeyConfig;
    readonly maxTokenLifetimeSeconds: number;
    /** Tolerated clock difference for `iat` and `exp`, seconds. */
    readonly clockSkewSeconds: number;
  };
  readonly redisUrl: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly limits: {
    readonly bodyBytes: number;
    readonly depth: number;
    readonly aliases: number;
    readonly cost: number;
    readonly tokens: number;
    /** Answer introspection (`__schema`, `__type`) on HTTP and graphql-ws. */
    readonly introspection: boolean;
    /** Compile an operation (graphql-jit) the n-th time an authenticated caller runs it; 0: never. */
    readonly compileAfter: number;
    readonly subscriptionsPerSocket: number;
    readonly socketsPerPrincipal: number;
  };
  /** Request throttling (per minute; 0 turns a limit off). */
  readonly rateLimits: {
    readonly authFailuresPerAddress: number;
    readonly authFailuresPerKeyPrefix: number;
    readonly requestsPerPrincipal: number;
  };
  /** Prometheus metrics on their own listener (null: off). */
  readonly metrics: { readonly port: number; readonly host: string } | null;
  /** OpenTelemetry traces over OTLP/HTTP (null: off, no cost). */
  readonly tracing: {
    readonly endpoint: URL;
    readonly serviceName: string;
    readonly headers: Readonly<Record<string, string>>;
  } | null;
  /** Exact browser origins allowed to call the hub cross-origin (its own origin always may). */
  readonly corsOrigins: readonly string[];
  /** The web app (packages/web) and the GraphQL explorer served by the hub. */
  readonly web: {
    /** Built web app directory; null: found beside the API (never in tests, which set it). */
    readonly distDir: string | null;
    /** Serve the GraphQL explorer at GET /graphql to browsers. */
    readonly explorer: boolean;
    /** Single sign-on of the web app (OIDC_ISSUER, OIDC_CLIENT_ID); null: none configured. */
    readonly oidc: { readonly issuer: string; readonly clientId: string } | null;
  };
  readonly shutdownGraceMs: number;
  /** How long the event log keeps events; older cursors get RESYNC_REQUIRED. */
  readonly eventRetentionHours: number;
  /** Write-back delivery (the outbox worker). */
  readonly writeBack: {
    /** Run a worker inside the API process. */
    readonly worker: boolean;
    readonly concurrency: number;
    readonly leaseMs: number;
    readonly maxAttempts: number;
    readonly backoffMs: number;
    readonly timeoutMs: number;
    readonly pollMs: number;
    /** How far back (days) entries blocked at save are re-planned when an agreement or the switch lets them through. */
    readonly backfillDays: number;
  };
  /** Attachments of online consultations (modules/attachments). */
  readonly attachments: AttachmentSettings;
  /** Plugin webhook delivery (dispatcher + worker). */
  readonly pluginWebhooks: {
    readonly worker: boolean;
    readonly maxAttempts: number;
    readonly backoffMs: number;
    readonly timeoutMs: number;
    readonly leaseMs: number;
    readonly pollMs: number;
  };
}

/** A configuration variable with a bad value; the message names the variable, never the value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** One row per variable: the README's configuration table is generated from the same facts. */
export const CONFIG_VARIABLES = [
  ['NODE_ENV', 'development', '`development`, `test` or `production`. Production refuses development signing keys.'],
  ['HOST', '0.0.0.0', 'Interface the HTTP and WebSocket server binds.'],
  ['PORT', '4000', 'Port of `/graphql` (HTTP and WebSocket), `/healthz` and `/readyz`.'],
  ['DATABASE_URL', '(unset)', 'PostgreSQL URL. Unset: embedded PGlite under `PCN_HUB_DATA_DIR`.'],
  ['DATABASE_POOL_MAX', '10', 'PostgreSQL connection pool size.'],
  ['PCN_HUB_DATA_DIR', './.data/pglite', 'PGlite data directory; `memory://` keeps it in memory.'],
  [
    'PGLITE_TEMPLATE_DIR',
    '`pglite-templates` beside the data directory; off for `memory://`',
    'Cache of a freshly migrated, empty PGlite database (schema only, no data), one per PGlite version and migration list: a new database starts from it instead of running initdb and every migration. `off` disables it; unused when `MIGRATE_ON_START=false`.',
  ],
  [
    'MIGRATE_ON_START',
    'true',
    'Apply pending migrations when the server starts; set `false` in production and run `pnpm db:migrate`.',
  ],
  ['SEED_ON_START', 'true on PGlite, else false', 'Seed the demo PCN when the database has no organisations.'],
  [
    'SEED_DEMO_ACTIVITY',
    'true in development when `SEED_ON_START` is true, else false',
    'After the server answers, fill the demo PCN with activity through its own API (about 80 online consultations in every inbox folder, hub consultations and their write-back, prescriptions, referrals, booked slots), once, while the database has no online consultations.',
  ],
  [
    'DEMO_TRAFFIC_SECONDS',
    '`0` (off)',
    'Development only: a new online consultation from a demo patient arrives every this many seconds (`pnpm demo:traffic` does the same against a running hub). Refused in production.',
  ],
  ['JWT_ISSUER', 'pcn-hub-dev', 'Expected `iss` claim.'],
  ['JWT_AUDIENCE', 'pcn-hub', 'Expected `aud` claim.'],
  [
    'JWT_SECRET',
    '(development key)',
    'HS256 secret, at least 32 characters. Unset outside production: a development key kept in the data directory.',
  ],
  ['JWT_JWKS_URL', '(unset)', 'JWKS URL of the identity provider (RS256/ES256). Takes precedence over `JWT_SECRET`.'],
  [
    'JWT_MAX_LIFETIME_SECONDS',
    '43200',
    'Tokens whose `exp - iat` is longer, or issued longer ago than this, are refused.',
  ],
  [
    'JWT_CLOCK_SKEW_SECONDS',
    '60',
    'Clock difference tolerated for `iat` (a token issued further in the future is refused) and `exp`.',
  ],
  [
    'REDIS_URL',
    '(unset)',
    'Redis for cross-instance wake-ups. Unset: PostgreSQL LISTEN/NOTIFY (or in-process on PGlite).',
  ],
  ['LOG_LEVEL', 'info', 'pino level: fatal, error, warn, info, debug, trace, silent.'],
  ['MAX_BODY_BYTES', '1048576', 'Largest request body; larger gets 413.'],
  ['GRAPHQL_MAX_DEPTH', '12', 'Deepest selection allowed.'],
  ['GRAPHQL_MAX_ALIASES', '30', 'Most aliases in one operation.'],
  ['GRAPHQL_MAX_COST', '5000', 'Largest estimated cost of one operation.'],
  ['GRAPHQL_MAX_TOKENS', '2000', 'Most tokens in one document.'],
  [
    'GRAPHQL_INTROSPECTION',
    'true outside production',
    'Answer introspection queries (HTTP and graphql-ws). Off in production unless set `true`.',
  ],
  [
    'GRAPHQL_COMPILE_AFTER',
    '2',
    'Run an HTTP query or mutation as code compiled for it (graphql-jit) from the n-th time an authenticated caller sends it; until then, and with `0` always, graphql-js executes it.',
  ],
  [
    'WS_MAX_SUBSCRIPTIONS_PER_SOCKET',
    '100',
    'Most operations one graphql-ws socket may run at once; more closes the socket with 4429.',
  ],
  [
    'WS_MAX_SOCKETS_PER_PRINCIPAL',
    '50',
    'Most graphql-ws sockets one user or plugin key may hold open in one process; more is closed with 4429.',
  ],
  [
    'RATE_LIMIT_AUTH_FAILURES',
    '30',
    'Failed authentications per client address per minute before `RATE_LIMITED` (429, `Retry-After`). Shared through Redis when `REDIS_URL` is set. `0` turns it off.',
  ],
  [
    'RATE_LIMIT_KEY_FAILURES',
    '10',
    'Failed authentications per API key prefix per minute before `RATE_LIMITED`. `0` turns it off.',
  ],
  [
    'RATE_LIMIT_REQUESTS',
    '1200',
    'Requests per authenticated user or plugin key per minute before `RATE_LIMITED`. `0` turns it off.',
  ],
  [
    'METRICS_PORT',
    '(unset: off)',
    'Serve Prometheus metrics at `/metrics` on this port (a listener of its own, never the public one).',
  ],
  ['METRICS_HOST', '127.0.0.1', 'Interface of the metrics listener.'],
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    '(unset: off)',
    'OTLP/HTTP endpoint (e.g. `http://collector:4318`): traces of requests, operations, database statements and the deliveries they cause are exported to `<endpoint>/v1/traces`. Unset: tracing is off and costs nothing.',
  ],
  ['OTEL_EXPORTER_OTLP_HEADERS', '(none)', 'Headers for the OTLP exporter, `key=value` pairs separated by commas.'],
  ['OTEL_SERVICE_NAME', 'pcn-hub', 'The `service.name` of exported spans.'],
  [
    'CORS_ORIGINS',
    '`http://localhost:5173,http://127.0.0.1:5173` outside production, else empty',
    "Comma-separated exact origins (`scheme://host[:port]`) whose browser pages may call the hub (HTTP and graphql-ws). The hub's own origin always may.",
  ],
  [
    'WEB_DIST_DIR',
    '`packages/web/dist` beside the API',
    'Directory of the built web app (`pnpm build`) served at `/`, and of the GraphQL explorer served to browsers at `/graphql`.',
  ],
  [
    'GRAPHQL_EXPLORER',
    'true outside production',
    'Serve the GraphQL explorer (GraphiQL, offline) to browsers at `GET /graphql`. Off in production unless set `true`.',
  ],
  [
    'OIDC_ISSUER',
    '(unset: no single sign-on)',
    'Issuer URL of the OpenID Connect provider (NHS CIS2 in production) the web app signs staff in with: authorisation code flow with PKCE, discovered at `<issuer>/.well-known/openid-configuration`. Set with `OIDC_CLIENT_ID`; the hub verifies the access tokens it issues through `JWT_JWKS_URL`, `JWT_ISSUER` and `JWT_AUDIENCE`.',
  ],
  [
    'OIDC_CLIENT_ID',
    '(unset)',
    "The web app's client id at `OIDC_ISSUER` (a public client: no secret; its redirect URI is the hub's `/`).",
  ],
  ['SHUTDOWN_GRACE_MS', '10000', 'How long SIGTERM waits for requests and sockets to drain.'],
  ['EVENT_RETENTION_HOURS', '168', 'Hours events are kept for replay; older cursors get `RESYNC_REQUIRED`.'],
  [
    'WRITE_BACK_WORKER',
    'true',
    'Run a write-back delivery worker inside the API process; `false` when workers run apart (`pnpm worker`).',
  ],
  ['WRITE_BACK_CONCURRENCY', '16', 'Write-back deliveries one worker keeps in flight.'],
  [
    'WRITE_BACK_LEASE_MS',
    '30000',
    "Lease of a claimed delivery; a killed worker's deliveries are retaken after it. Must exceed `WRITE_BACK_TIMEOUT_MS`.",
  ],
  ['WRITE_BACK_MAX_ATTEMPTS', '8', 'Attempts before a delivery goes DEAD (dead letter).'],
  [
    'WRITE_BACK_BACKOFF_MS',
    '1000',
    'Delay before the second attempt; doubles per attempt (jittered, capped at an hour).',
  ],
  [
    'WRITE_BACK_TIMEOUT_MS',
    '10000',
    'How long an HTTP target has to acknowledge; no answer means outcome unknown (retried with the same id).',
  ],
  ['WRITE_BACK_POLL_MS', '1000', 'Fallback poll of the outbox when no wake-up hint arrives.'],
  [
    'WRITE_BACK_BACKFILL_DAYS',
    '14',
    'Look-back window: entries blocked at save within this many days are sent when an agreement becomes ACTIVE or the practice-to-practice switch turns on (0: never).',
  ],
  [
    'ATTACHMENT_MAX_BYTES',
    '20971520',
    'Largest attachment of an online consultation (20 MiB): a larger declared size is `BAD_USER_INPUT`, a larger upload `413 PAYLOAD_TOO_LARGE` before any byte is stored (the `Content-Length` is checked first, then a running count stops the stream).',
  ],
  [
    'ATTACHMENT_CONTENT_TYPES',
    '`image/jpeg,image/png,image/heic,image/heif,image/webp,application/pdf`',
    'Comma-separated MIME types an attachment may have; any other is refused at declaration (`BAD_USER_INPUT`) and at upload (`415`).',
  ],
  [
    'ATTACHMENT_SCAN_REQUIRED',
    'false',
    'Hold every uploaded attachment `PENDING_SCAN` until a scanner plugin (scope `attachments:scan`) records `CLEAN`. Off: attachments are held only where a scanner plugin is enabled, else `AVAILABLE` at once.',
  ],
  [
    'ATTACHMENT_LINK_SECONDS',
    '300',
    'Lifetime of a signed attachment download link; an older link answers `410 LINK_EXPIRED`.',
  ],
  [
    'ATTACHMENT_LINK_SECRET',
    'derived from `JWT_SECRET`; else random per process',
    'HMAC key (at least 32 characters) that signs download links. Set it when several API instances serve links and tokens are verified through `JWT_JWKS_URL`.',
  ],
  [
    'PLUGIN_WEBHOOK_WORKER',
    'true',
    'Dispatch and deliver plugin webhooks inside the API process; `false` when workers run apart.',
  ],
  [
    'PLUGIN_WEBHOOK_MAX_ATTEMPTS',
    '10',
    'Attempts before a plugin webhook delivery goes DEAD (redrive with `redrivePluginWebhookDelivery`).',
  ],
  [
    'PLUGIN_WEBHOOK_BACKOFF_MS',
    '5000',
    'Delay before the second webhook attempt; doubles per attempt (jittered, capped at 6 hours).',
  ],
  ['PLUGIN_WEBHOOK_TIMEOUT_MS', '10000', 'How long a plugin has to answer a webhook with 2xx.'],
  [
    'PLUGIN_WEBHOOK_POLL_MS',
    '1000',
    'Fallback poll of the event log and the webhook queue when no wake-up hint arrives.',
  ],
] as const;

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, 'must be a whole number');
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, 'must be true or false');
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

function url(env: Env, name: string, protocols: readonly string[]): URL | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')}`);
  return parsed;
}

/**
 * Parses the environment into a frozen {@link Config}. The only reader of `process.env` is
 * {@link loadConfig}; tests pass their own map.
 */
function tracingConfig(env: Env): Config['tracing'] {
  const endpoint = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  if (!endpoint) return null;
  const headers: Record<string, string> = {};
  for (const pair of (env.OTEL_EXPORTER_OTLP_HEADERS ?? '').split(',').filter((p) => p.trim() !== '')) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new ConfigError('OTEL_EXPORTER_OTLP_HEADERS', 'must be key=value pairs separated by commas');
    headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  const serviceName = env.OTEL_SERVICE_NAME || 'pcn-hub';
  if (!/^[\w.-]{1,100}$/.test(serviceName))
    throw new ConfigError('OTEL_SERVICE_NAME', 'must be 1-100 letters, digits, dots, dashes or underscores');
  return { endpoint, serviceName, headers };
}

function origins(env: Env, name: string, fallback: string): string[] {
  const raw = env[name] ?? fallback;
  const list = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  for (const origin of list) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(name, 'each entry must be an origin such as https://hub.example.nhs.uk');
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        name,
        'each entry must be an exact origin (scheme://host[:port], no path or trailing slash)',
      );
    }
  }
  return list;
}

export function parseConfig(env: Env, cwd: string = process.cwd()): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDirRaw = env.PCN_HUB_DATA_DIR ?? './.data/pglite';
  const dataDir = dataDirRaw === 'memory://' ? null : resolve(cwd, dataDirRaw);
  const templateRaw = env.PGLITE_TEMPLATE_DIR;
  // A template is a migrated database: never used where the server must not migrate.
  const templateDir =
    templateRaw === 'off' || !bool(env, 'MIGRATE_ON_START', true)
      ? null
      : templateRaw
        ? resolve(cwd, templateRaw)
        : dataDir
          ? resolve(dataDir, '..', 'pglite-templates')
          : null;
  const database: DatabaseConfig = databaseUrl
    ? { kind: 'postgresql', url: databaseUrl.toString(), poolMax: int(env, 'DATABASE_POOL_MAX', 10, 1, 500) }
    : { kind: 'pglite', dataDir, templateDir };

  const jwksUrl = url(env, 'JWT_JWKS_URL', ['https:', 'http:']);
  let key: JwtKeyConfig;
  if (jwksUrl) {
    key = { kind: 'jwks', url: jwksUrl };
  } else if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
    key = { kind: 'hs256', secret: new TextEncoder().encode(env.JWT_SECRET) };
  } else {
    if (nodeEnv === 'production') {
      throw new ConfigError('JWT_SECRET', 'production needs JWT_SECRET or JWT_JWKS_URL; development keys are refused');
    }
    // Development key: stable across restarts when the data directory persists, so minted tokens keep working.
    key = { kind: 'development', keyFile: dataDir ? resolve(dataDir, '..', 'dev-signing-key') : null };
  }

  const config: Config = {
    env: nodeEnv,
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 4000, 0, 65535),
    database,
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    seedOnStart: bool(env, 'SEED_ON_START', database.kind === 'pglite'),
    seedDemoActivity: bool(
      env,
      'SEED_DEMO_ACTIVITY',
      nodeEnv === 'development' && bool(env, 'SEED_ON_START', database.kind === 'pglite'),
    ),
    demoTrafficSeconds: demoTraffic(env, nodeEnv),
    jwt: {
      issuer: env.JWT_ISSUER || 'pcn-hub-dev',
      audience: env.JWT_AUDIENCE || 'pcn-hub',
      key,
      maxTokenLifetimeSeconds: int(env, 'JWT_MAX_LIFETIME_SECONDS', 43_200, 60, 31_536_000),
      clockSkewSeconds: int(env, 'JWT_CLOCK_SKEW_SECONDS', 60, 0, 3600),
    },
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'])?.toString() ?? null,
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    limits: {
      bodyBytes: int(env, 'MAX_BODY_BYTES', 1_048_576, 1024, 104_857_600),
      depth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      aliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      cost: int(env, 'GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
      tokens: int(env, 'GRAPHQL_MAX_TOKENS', 2000, 50, 100_000),
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
      compileAfter: int(env, 'GRAPHQL_COMPILE_AFTER', 2, 0, 1_000_000),
      subscriptionsPerSocket: int(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 100, 1, 100_000),
      socketsPerPrincipal: int(env, 'WS_MAX_SOCKETS_PER_PRINCIPAL', 50, 1, 1_000_000),
    },
    rateLimits: {
      authFailuresPerAddress: int(env, 'RATE_LIMIT_AUTH_FAILURES', 30, 0, 1_000_000),
      authFailuresPerKeyPrefix: int(env, 'RATE_LIMIT_KEY_FAILURES', 10, 0, 1_000_000),
      requestsPerPrincipal: int(env, 'RATE_LIMIT_REQUESTS', 1200, 0, 10_000_000),
    },
    metrics: env.METRICS_PORT
      ? { port: int(env, 'METRICS_PORT', 9464, 0, 65535), host: env.METRICS_HOST || '127.0.0.1' }
      : null,
    tracing: tracingConfig(env),
    corsOrigins: origins(
      env,
      'CORS_ORIGINS',
      nodeEnv === 'production' ? '' : 'http://localhost:5173,http://127.0.0.1:5173',
    ),
    web: {
      distDir: env.WEB_DIST_DIR ? resolve(cwd, env.WEB_DIST_DIR) : null,
      explorer: bool(env, 'GRAPHQL_EXPLORER', nodeEnv !== 'production'),
      oidc: oidcConfig(env),
    },
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    eventRetentionHours: int(env, 'EVENT_RETENTION_HOURS', 168, 1, 87_600),
    writeBack: writeBackConfig(env),
    attachments: attachmentConfig(env),
    pluginWebhooks: pluginWebhookConfig(env),
  };
  return deepFreeze(config);
}

function oidcConfig(env: Env): Config['web']['oidc'] {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  const clientId = env.OIDC_CLIENT_ID ?? '';
  if (!issuer && !clientId) return null;
  if (!issuer) throw new ConfigError('OIDC_ISSUER', 'must be set with OIDC_CLIENT_ID');
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'must be set with OIDC_ISSUER');
  if (issuer.search || issuer.hash)
    throw new ConfigError('OIDC_ISSUER', 'must be an issuer URL without query or fragment');
  if (!/^[\x21-\x7e]{1,200}$/.test(clientId))
    throw new ConfigError('OIDC_CLIENT_ID', 'must be 1-200 visible ASCII characters');
  // The issuer exactly as configured (discovery answers it back; a trailing slash matters).
  return { issuer: env.OIDC_ISSUER!, clientId };
}

function demoTraffic(env: Env, nodeEnv: Config['env']): number {
  const seconds = int(env, 'DEMO_TRAFFIC_SECONDS', 0, 0, 86_400);
  if (seconds > 0 && nodeEnv === 'production')
    throw new ConfigError('DEMO_TRAFFIC_SECONDS', 'is for development only; unset it in production');
  return seconds;
}

function writeBackConfig(env: Env): Config['writeBack'] {
  const timeoutMs = int(env, 'WRITE_BACK_TIMEOUT_MS', 10_000, 50, 600_000);
  const leaseMs = int(env, 'WRITE_BACK_LEASE_MS', 30_000, 200, 3_600_000);
  // A lease shorter than the timeout would let a second worker send while the first still waits.
  if (leaseMs <= timeoutMs) throw new ConfigError('WRITE_BACK_LEASE_MS', 'must be longer than WRITE_BACK_TIMEOUT_MS');
  return {
    worker: bool(env, 'WRITE_BACK_WORKER', true),
    concurrency: int(env, 'WRITE_BACK_CONCURRENCY', 16, 1, 1024),
    leaseMs,
    maxAttempts: int(env, 'WRITE_BACK_MAX_ATTEMPTS', 8, 1, 100),
    backoffMs: int(env, 'WRITE_BACK_BACKOFF_MS', 1000, 1, 3_600_000),
    timeoutMs,
    pollMs: int(env, 'WRITE_BACK_POLL_MS', 1000, 10, 60_000),
    backfillDays: int(env, 'WRITE_BACK_BACKFILL_DAYS', 14, 0, 366),
  };
}

const DEFAULT_ATTACHMENT_TYPES = 'image/jpeg,image/png,image/heic,image/heif,image/webp,application/pdf';
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

function attachmentConfig(env: Env): AttachmentSettings {
  const contentTypes = (env.ATTACHMENT_CONTENT_TYPES || DEFAULT_ATTACHMENT_TYPES)
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0);
  if (contentTypes.length === 0 || contentTypes.some((t) => !MIME_TYPE.test(t))) {
    throw new ConfigError('ATTACHMENT_CONTENT_TYPES', 'must be MIME types such as image/jpeg, separated by commas');
  }
  const secret = env.ATTACHMENT_LINK_SECRET;
  if (secret !== undefined && secret !== '' && secret.length < 32)
    throw new ConfigError('ATTACHMENT_LINK_SECRET', 'must be at least 32 characters');
  // Derived from the JWT secret when there is one (every instance then agrees); a key of its own otherwise.
  const linkSecret = secret
    ? new TextEncoder().encode(secret)
    : env.JWT_SECRET
      ? new Uint8Array(createHmac('sha256', env.JWT_SECRET).update('pcn-hub attachment links').digest())
      : new Uint8Array(randomBytes(32));
  return {
    maxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 20_971_520, 1, 104_857_600),
    contentTypes,
    scanRequired: bool(env, 'ATTACHMENT_SCAN_REQUIRED', false),
    linkSeconds: int(env, 'ATTACHMENT_LINK_SECONDS', 300, 5, 86_400),
    linkSecret,
  };
}

function pluginWebhookConfig(env: Env): Config['pluginWebhooks'] {
  const timeoutMs = int(env, 'PLUGIN_WEBHOOK_TIMEOUT_MS', 10_000, 50, 120_000);
  return {
    worker: bool(env, 'PLUGIN_WEBHOOK_WORKER', true),
    maxAttempts: int(env, 'PLUGIN_WEBHOOK_MAX_ATTEMPTS', 10, 1, 100),
    backoffMs: int(env, 'PLUGIN_WEBHOOK_BACKOFF_MS', 5000, 1, 3_600_000),
    timeoutMs,
    // Twice the timeout: a claimed delivery is never retaken while its attempt may still answer.
    leaseMs: timeoutMs * 2 + 1000,
    pollMs: int(env, 'PLUGIN_WEBHOOK_POLL_MS', 1000, 10, 60_000),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof URL)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Reads `process.env` once; on a bad value prints the variable at fault and exits. */
export function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`pcn-hub: configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
