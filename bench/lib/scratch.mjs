// Scratch databases for the throughput benches: a PostgreSQL database and a PGlite data directory,
// each migrated, seeded with the demo PCN and then with the bench's own rows by `seed(client, api)`,
// where client has query(sql, params) -> { rows } (a pg Client or a PGlite instance) and api holds
// the compiled API modules the seeds use (uuidv7 and the schema package's validators).
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from './postgres.mjs';

const requireFromApi = createRequire(fileURLToPath(new URL('../../packages/api/package.json', import.meta.url)));
const dist = new URL('../../packages/api/dist/', import.meta.url);

async function apiModules() {
  const { createOrm, migrate } = await import(new URL('platform/db/orm.js', dist).href);
  const { HUB_ENTITIES } = await import(new URL('modules.js', dist).href);
  const { createLogger } = await import(new URL('platform/logger.js', dist).href);
  const { seedDemo } = await import(new URL('seed/demo.js', dist).href);
  const { uuidv7 } = await import(new URL('platform/ids.js', dist).href);
  return {
    createOrm: (database, logger) => createOrm(database, logger, HUB_ENTITIES),
    migrate,
    logger: createLogger('silent'),
    seedDemo,
    uuidv7,
  };
}

async function migrateAndSeedDemo(database) {
  const { createOrm, migrate, logger, seedDemo } = await apiModules();
  const orm = await createOrm(database, logger);
  try {
    await migrate(orm);
    await seedDemo(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

/** A new PostgreSQL database (BENCH_DATABASE_URL's server), seeded. Returns { url, drop() }. */
export async function preparePostgres(prefix, seed) {
  const db = await createScratchDatabase(prefix);
  try {
    await migrateAndSeedDemo({ kind: 'postgresql', url: db.url, poolMax: 2 });
    const pg = requireFromApi('pg');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await seed(client, await apiModules());
    } finally {
      await client.end();
    }
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** A new PGlite data directory on disk (as the API runs by default), seeded. Returns { dataDir, drop() }. */
export async function preparePglite(seed) {
  const root = await mkdtemp(join(tmpdir(), 'pcnhub-bench-'));
  const dataDir = join(root, 'pglite');
  const drop = () => rm(root, { recursive: true, force: true });
  try {
    await migrateAndSeedDemo({ kind: 'pglite', dataDir, templateDir: null });
    const { PGlite } = await import(requireFromApi.resolve('@electric-sql/pglite'));
    const lite = await PGlite.create(dataDir);
    try {
      await seed(lite, await apiModules());
      await lite.query('checkpoint');
    } finally {
      await lite.close();
    }
    return { dataDir, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Diagnostics: each statement (as sent, values inlined by MikroORM) with its plan on PostgreSQL. */
export async function explain(url, statements) {
  const pg = requireFromApi('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const query of statements) {
      let plan = '';
      if (/^select/i.test(query)) {
        try {
          const { rows } = await client.query(`explain (analyze) ${query}`);
          plan = ` | ${rows.at(-1)['QUERY PLAN']}\n${rows
            .slice(0, -2)
            .map((r) => `    ${r['QUERY PLAN']}`)
            .join('\n')}`;
        } catch (error) {
          plan = ` | explain failed: ${error.message}`;
        }
      }
      process.stderr.write(`[statement${plan}]\n  ${query.slice(0, 400)}\n`);
    }
  } finally {
    await client.end();
  }
}
