import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// pg is a dependency of packages/api; resolve it from there.
const requireFromApi = createRequire(fileURLToPath(new URL('../../packages/api/package.json', import.meta.url)));
const pg = requireFromApi('pg');

/** The PostgreSQL server the benchmarks use for scratch databases. */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin(fn) {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's version string, or null when it cannot be reached. */
export async function postgresVersion() {
  try {
    return await withAdmin(async (c) => (await c.query('show server_version')).rows[0].server_version);
  } catch {
    return null;
  }
}

/** Creates an empty database; returns its URL and a drop(). */
export async function createScratchDatabase(prefix = 'pcnhub_bench') {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}
