import { mkdirSync, rmSync } from 'node:fs';
import { Migrator } from '@mikro-orm/migrations';
import type { MikroORM, Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { EntityDefinition } from '../hub-module.js';
import { PLATFORM_ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { namePreparedStatements } from './sql.js';
import {
  discardTemplate,
  isFreshDatabase,
  readTemplate,
  saveTemplate,
  unpackTemplate,
  type DumpsDataDir,
} from './pglite-template.js';

/** The EntityManager every service receives: same API on PGlite and PostgreSQL. */
export type Em = SqlEntityManager;
/** The ORM, whichever driver runs underneath. */
export type Orm = MikroORM & { em: Em };

const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** Options shared by both drivers; the driver and connection are added per kind. */
function baseOptions(logger: Logger | undefined, entities: readonly EntityDefinition[]): Partial<Options> {
  return {
    entities: [...PLATFORM_ENTITIES, ...entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: MIGRATIONS_TABLE,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      pathTs: 'packages/api/src/platform/db/migrations',
      path: 'packages/api/src/platform/db/migrations',
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `migration-${timestamp}${name ? `-${name}` : ''}`,
    },
    // Entities are validated and discovered at boot, not lazily per request.
    ensureDatabase: false,
    allowGlobalContext: false,
    debug: false,
    forceUtcTimezone: true,
    serialization: { forceObject: true },
    logger: logger ? (message: string) => logger.debug({ orm: message }) : undefined,
  };
}

/**
 * Opens the database: PostgreSQL over `pg` when a URL is configured, embedded PGlite otherwise.
 * Both run the same migrations and SQL. `entities` are the modules' entities (the composition
 * root's `HUB_ENTITIES`); the platform's own are always mapped, so the platform's tests open a
 * database with none.
 */
export async function createOrm(
  database: DatabaseConfig,
  logger?: Logger,
  entities: readonly EntityDefinition[] = [],
): Promise<Orm> {
  if (database.kind === 'postgresql') {
    // Only the configured driver is loaded: the other one costs boot time for nothing.
    const { MikroORM: PostgreSqlMikroORM } = await import('@mikro-orm/postgresql');
    const orm = await PostgreSqlMikroORM.init({
      ...baseOptions(logger, entities),
      clientUrl: database.url,
      pool: { min: 0, max: database.poolMax },
    } as Parameters<(typeof import('@mikro-orm/postgresql'))['MikroORM']['init']>[0]);
    // The pool opens connections on demand (min 0): every one gets the prepared-statement names.
    const pool = (await orm.em.getConnection().getNativeClient()) as {
      on(event: 'connect', listener: (client: Parameters<typeof namePreparedStatements>[0]) => void): void;
    };
    pool.on('connect', namePreparedStatements);
    return orm as unknown as Orm;
  }
  const fresh = isFreshDatabase(database.dataDir);
  const { templateDir, dataDir } = database;
  if (fresh && templateDir) {
    let opened: Orm | null = null;
    try {
      // On disk the template is unpacked natively; in memory PGlite loads the tarball itself.
      const template = dataDir ? unpackTemplate(templateDir, dataDir) : await readTemplate(templateDir);
      if (!template) return await openPgliteFrom(database, logger, entities, fresh);
      const orm = (opened = await openPglite(database, logger, entities, template === true ? null : template));
      // Loading happens on first use: make it happen here, where a bad template can be dropped.
      await orm.em.getConnection().execute('select 1');
      PGLITE_ORIGIN.set(orm, { fresh, fromTemplate: true, templateDir });
      return orm;
    } catch (error) {
      logger?.warn({ err: error }, 'PGlite template did not load; creating the database from scratch');
      await opened?.close(true).catch(() => undefined);
      await discardTemplate(templateDir);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return openPgliteFrom(database, logger, entities, fresh);
}

/** Opens an existing PGlite database, or creates one with initdb. */
async function openPgliteFrom(
  database: Extract<DatabaseConfig, { kind: 'pglite' }>,
  logger: Logger | undefined,
  entities: readonly EntityDefinition[],
  fresh: boolean,
): Promise<Orm> {
  const orm = await openPglite(database, logger, entities, null);
  PGLITE_ORIGIN.set(orm, { fresh, fromTemplate: false, templateDir: database.templateDir });
  return orm;
}

/** How a PGlite database was opened: new or existing, from a template or from initdb. */
const PGLITE_ORIGIN = new WeakMap<Orm, { fresh: boolean; fromTemplate: boolean; templateDir: string | null }>();

async function openPglite(
  database: Extract<DatabaseConfig, { kind: 'pglite' }>,
  logger: Logger | undefined,
  entities: readonly EntityDefinition[],
  template: Blob | null,
): Promise<Orm> {
  if (database.dataDir) mkdirSync(database.dataDir, { recursive: true });
  const { MikroORM: PgliteMikroORM } = await import('@mikro-orm/pglite');
  const orm = await PgliteMikroORM.init({
    ...baseOptions(logger, entities),
    dbName: database.dataDir ?? 'memory://',
    // A factory: the ORM deep-copies plain option objects, which a Blob does not survive.
    ...(template ? { driverOptions: () => ({ loadDataDir: template }) } : {}),
  } as Parameters<(typeof import('@mikro-orm/pglite'))['MikroORM']['init']>[0]);
  return orm as unknown as Orm;
}

/**
 * Applies pending migrations; returns the names applied. A PGlite database that was created from
 * scratch and has just received every migration becomes the template for the next new one.
 */
export async function migrate(orm: Orm, logger?: Logger): Promise<string[]> {
  if (await migrationsApplied(orm)) return [];
  const applied = (await orm.migrator.up()).map((migration) => migration.name);
  const origin = PGLITE_ORIGIN.get(orm);
  if (origin?.fresh && !origin.fromTemplate && origin.templateDir && applied.length === MIGRATIONS.length) {
    const connection = orm.em.getConnection() as unknown as { getNativeClient(): Promise<DumpsDataDir> };
    await saveTemplate(origin.templateDir, await connection.getNativeClient(), logger);
  }
  return applied;
}

/**
 * True when every committed migration has been applied (readiness; `migrate`'s fast path). One
 * query against the migrations table instead of the migrator's own bookkeeping, which costs tens of
 * milliseconds on every start and readiness probe. A missing table means none has run.
 */
export async function migrationsApplied(orm: Orm): Promise<boolean> {
  const em: Em = orm.em;
  const rows = await em
    .getConnection()
    .execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE}`)
    .catch(() => null);
  if (!rows) return false;
  const recorded = new Set(rows.map((row) => row.name));
  return MIGRATIONS.every((migration) => recorded.has(migration.name));
}
