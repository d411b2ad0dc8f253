import { mkdirSync } from 'node:fs';
import { Migrator } from '@mikro-orm/migrations';
import type { MikroORM, Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** The EntityManager every service receives: same API on PGlite and PostgreSQL. */
export type Em = SqlEntityManager;
/** The ORM, whichever driver runs underneath. */
export type Orm = MikroORM & { em: Em };

/** Options shared by both drivers; the driver and connection are added per kind. */
function baseOptions(logger: Logger | undefined): Partial<Options> {
  return {
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
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
 * Both run the same migrations and SQL.
 */
export async function createOrm(database: DatabaseConfig, logger?: Logger): Promise<Orm> {
  if (database.kind === 'postgresql') {
    // Only the configured driver is loaded: the other one costs boot time for nothing.
    const { MikroORM: PostgreSqlMikroORM } = await import('@mikro-orm/postgresql');
    const orm = await PostgreSqlMikroORM.init({
      ...baseOptions(logger),
      clientUrl: database.url,
      pool: { min: 0, max: database.poolMax },
    } as Parameters<(typeof import('@mikro-orm/postgresql'))['MikroORM']['init']>[0]);
    return orm as unknown as Orm;
  }
  if (database.dataDir) mkdirSync(database.dataDir, { recursive: true });
  const { MikroORM: PgliteMikroORM } = await import('@mikro-orm/pglite');
  const orm = await PgliteMikroORM.init({
    ...baseOptions(logger),
    dbName: database.dataDir ?? 'memory://',
  } as Parameters<(typeof import('@mikro-orm/pglite'))['MikroORM']['init']>[0]);
  return orm as unknown as Orm;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** True when every committed migration has been applied (readiness). */
export async function migrationsApplied(orm: Orm): Promise<boolean> {
  const pending = await orm.migrator.getPending();
  return pending.length === 0;
}
