// Benchmark arm: the floor, a bare node:http server running ONE SQL statement per request (a case of
// bench/lib/floors.mjs) and JSON.stringify of its rows, in its own process. Options: { floor, context }
// and { databaseUrl } (pg pool of 20) or { dataDir } (PGlite on disk, one connection like the API's).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sendJson, serveChild } from './child.mjs';
import { FLOORS } from './floors.mjs';

const requireFromApi = createRequire(fileURLToPath(new URL('../../packages/api/package.json', import.meta.url)));

await serveChild(async ({ floor, context, databaseUrl, dataDir }) => {
  const { sql, params } = FLOORS[floor];
  let db;
  if (databaseUrl) {
    const pg = requireFromApi('pg');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    db = { query: (text, values) => pool.query(text, values), close: () => pool.end() };
  } else {
    const { PGlite } = await import(requireFromApi.resolve('@electric-sql/pglite'));
    const lite = await PGlite.create(dataDir);
    db = { query: (text, values) => lite.query(text, values), close: () => lite.close() };
  }
  const server = createServer((req, res) => {
    req.resume();
    db.query(sql, params(context)).then(
      ({ rows }) => sendJson(res, 200, JSON.stringify(rows)),
      (error) => sendJson(res, 500, JSON.stringify({ errors: [{ message: String(error) }] })),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // One request before the load, so a broken statement fails the bench instead of counting as 500s.
  const { rows } = await db.query(sql, params(context));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    info: { rows: rows.length, first: rows[0] },
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
});
