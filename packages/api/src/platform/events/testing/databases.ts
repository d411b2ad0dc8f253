import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createOrm, migrate, type Orm } from '../../db/orm.js';
import { createLogger } from '../../logger.js';
import { projectCacheTemplateDir } from '../../db/pglite-template.js';

const quiet = createLogger('silent');

/** Which databases event tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const EVENT_TEST_DATABASES: readonly ('pglite' | 'postgresql')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgresql']
  : ['pglite'];

/** A migrated scratch database and an ORM on it. */
export interface ScratchDatabase {
  readonly kind: 'pglite' | 'postgresql';
  readonly orm: Orm;
  /** PostgreSQL URL of the scratch database (null on PGlite). */
  readonly url: string | null;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(baseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database next to `baseUrl`; returns its URL and a drop function. */
export async function createScratchPostgres(
  baseUrl: string,
  prefix = 'pcnhub_ev',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(baseUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Opens a fresh, migrated database of `kind` (no demo data). */
export async function openScratchDatabase(kind: 'pglite' | 'postgresql', poolMax = 10): Promise<ScratchDatabase> {
  if (kind === 'pglite') {
    const orm = await createOrm({ kind: 'pglite', dataDir: null, templateDir: projectCacheTemplateDir() }, quiet);
    await migrate(orm);
    return { kind, orm, url: null, drop: () => orm.close(true) };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchPostgres(base);
  const orm = await createOrm({ kind: 'postgresql', url: scratch.url, poolMax }, quiet);
  await migrate(orm);
  return {
    kind,
    orm,
    url: scratch.url,
    drop: async () => {
      await orm.close(true);
      await scratch.drop();
    },
  };
}
