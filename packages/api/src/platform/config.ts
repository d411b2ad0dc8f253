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

/**
 * Every variable the configuration reads, by concern. README.md's Configuration table is the one
 * description of each (default and meaning); config-docs.test.ts keeps the two lists the same.
 */
export const CONFIG_VARIABLES: readonly string[] = `
  NODE_ENV HOST PORT SHUTDOWN_GRACE_MS LOG_LEVEL
  DATABASE_URL DATABASE_POOL_MAX PCN_HUB_DATA_DIR PGLITE_TEMPLATE_DIR MIGRATE_ON_START
  SEED_ON_START SEED_DEMO_ACTIVITY DEMO_TRAFFIC_SECONDS
  JWT_ISSUER JWT_AUDIENCE JWT_SECRET JWT_JWKS_URL JWT_MAX_LIFETIME_SECONDS JWT_CLOCK_SKEW_SECONDS
  REDIS_URL EVENT_RETENTION_HOURS
  MAX_BODY_BYTES GRAPHQL_MAX_DEPTH GRAPHQL_MAX_ALIASES GRAPHQL_MAX_COST GRAPHQL_MAX_TOKENS
  GRAPHQL_INTROSPECTION GRAPHQL_COMPILE_AFTER WS_MAX_SUBSCRIPTIONS_PER_SOCKET WS_MAX_SOCKETS_PER_PRINCIPAL
  RATE_LIMIT_AUTH_FAILURES RATE_LIMIT_KEY_FAILURES RATE_LIMIT_REQUESTS
  METRICS_PORT METRICS_HOST OTEL_EXPORTER_OTLP_ENDPOINT OTEL_EXPORTER_OTLP_HEADERS OTEL_SERVICE_NAME
  CORS_ORIGINS WEB_DIST_DIR GRAPHQL_EXPLORER OIDC_ISSUER OIDC_CLIENT_ID
  WRITE_BACK_WORKER WRITE_BACK_CONCURRENCY WRITE_BACK_LEASE_MS WRITE_BACK_MAX_ATTEMPTS
  WRITE_BACK_BACKOFF_MS WRITE_BACK_TIMEOUT_MS WRITE_BACK_POLL_MS WRITE_BACK_BACKFILL_DAYS
  ATTACHMENT_MAX_BYTES ATTACHMENT_CONTENT_TYPES ATTACHMENT_SCAN_REQUIRED ATTACHMENT_LINK_SECONDS ATTACHMENT_LINK_SECRET
  PLUGIN_WEBHOOK_WORKER PLUGIN_WEBHOOK_MAX_ATTEMPTS PLUGIN_WEBHOOK_BACKOFF_MS PLUGIN_WEBHOOK_TIMEOUT_MS PLUGIN_WEBHOOK_POLL_MS
`
  .split(/\s+/)
  .filter((name) => name !== '');

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
