import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('config', () => {
  it('defaults to embedded PGlite under ./.data/pglite with development keys', () => {
    const config = parseConfig({}, '/srv/hub');
    expect(config.database).toEqual({
      kind: 'pglite',
      dataDir: '/srv/hub/.data/pglite',
      templateDir: '/srv/hub/.data/pglite-templates',
    });
    expect(config.jwt.key).toEqual({ kind: 'development', keyFile: '/srv/hub/.data/dev-signing-key' });
    expect(config.port).toBe(4000);
    expect(config.migrateOnStart).toBe(true);
    expect(config.seedOnStart).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
  });

  it('keeps PGlite templates beside the data directory, off in memory unless given, and off on request', () => {
    expect(parseConfig({ PCN_HUB_DATA_DIR: 'memory://' }, '/srv/hub').database).toEqual({
      kind: 'pglite',
      dataDir: null,
      templateDir: null,
    });
    expect(
      parseConfig({ PCN_HUB_DATA_DIR: 'memory://', PGLITE_TEMPLATE_DIR: 'cache/t' }, '/srv/hub').database,
    ).toMatchObject({
      templateDir: '/srv/hub/cache/t',
    });
    expect(parseConfig({ PGLITE_TEMPLATE_DIR: 'off' }, '/srv/hub').database).toMatchObject({ templateDir: null });
    expect(parseConfig({ MIGRATE_ON_START: 'false' }, '/srv/hub').database).toMatchObject({ templateDir: null });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and does not seed by default', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u@db:5432/hub',
      DATABASE_POOL_MAX: '25',
      JWT_SECRET: 'x'.repeat(32),
    });
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgres://u@db:5432/hub', poolMax: 25 });
    expect(config.seedOnStart).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ MIGRATE_ON_START: 'perhaps' }, 'MIGRATE_ON_START'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ GRAPHQL_MAX_DEPTH: '1' }, 'GRAPHQL_MAX_DEPTH'],
    [{ CORS_ORIGINS: 'http://ok.example,not an origin' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://hub.example/path' }, 'CORS_ORIGINS'],
    [{ METRICS_PORT: 'nine' }, 'METRICS_PORT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_HEADERS: 'novalue' },
      'OTEL_EXPORTER_OTLP_HEADERS',
    ],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SERVICE_NAME: 'has spaces' }, 'OTEL_SERVICE_NAME'],
    [{ RATE_LIMIT_REQUESTS: '-1' }, 'RATE_LIMIT_REQUESTS'],
    [{ JWT_CLOCK_SKEW_SECONDS: 'lots' }, 'JWT_CLOCK_SKEW_SECONDS'],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, 'GRAPHQL_INTROSPECTION'],
  ])('a bad value stops with a message naming the variable (%o)', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it('refuses development keys in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: production needs/);
    const config = parseConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) });
    expect(config.jwt.key.kind).toBe('hs256');
  });

  it('never echoes the bad value (it may be a secret)', () => {
    try {
      parseConfig({ JWT_SECRET: 'hunter2' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
