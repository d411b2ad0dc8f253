// Benchmark arm: the whole API (startApp from packages/api/dist), as deployed but quiet, in its own
// process. Options: { databaseUrl } for PostgreSQL (pool 20, as large as the floor's) or { dataDir }
// for PGlite on disk (the embedded default); { principals: { name: claims } } to sign bearer tokens
// for. Answers { type: 'statements', body, token } with the SQL statements one request ran (the
// ORM logger hook the inbox test uses; the fewest of three requests).
import 'reflect-metadata';
import { serveChild } from './child.mjs';

const dist = new URL('../../packages/api/dist/', import.meta.url);

await serveChild(async ({ databaseUrl, dataDir, principals = {} }) => {
  const { parseConfig } = await import(new URL('platform/config.js', dist).href);
  const { startApp } = await import(new URL('app.js', dist).href);
  const database = databaseUrl
    ? { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: '20' }
    : { PCN_HUB_DATA_DIR: dataDir, PGLITE_TEMPLATE_DIR: 'off' };
  const app = await startApp(
    parseConfig({
      ...database,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
      WRITE_BACK_WORKER: 'false',
      PLUGIN_WEBHOOK_WORKER: 'false',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      // One principal drives the load: throttling and the per-principal socket cap would measure themselves.
      RATE_LIMIT_REQUESTS: '0',
      WS_MAX_SOCKETS_PER_PRINCIPAL: '1000000',
    }),
  );
  const tokens = {};
  for (const [name, claims] of Object.entries(principals)) tokens[name] = await app.tokens.sign(claims, 3600);

  const post = async (body, token) => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const json = await res.json();
    if (res.status !== 200 || json.errors) throw new Error(`answered ${res.status}: ${JSON.stringify(json.errors)}`);
    return json;
  };

  /** SQL statements of one request: the fewest of `runs` (a poller can only add to one count). */
  const statements = async ({ body, token, runs = 3 }) => {
    const logger = app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    let seen = [];
    logger.logQuery = (context) => {
      seen.push(context.formatted ?? context.query);
      original(context);
    };
    let fewest = null;
    try {
      for (let run = 0; run < runs; run++) {
        seen = [];
        const json = await post(body, token);
        if (!fewest || seen.length < fewest.sql.length) fewest = { sql: seen, data: json.data };
      }
    } finally {
      logger.logQuery = original;
    }
    return { count: fewest.sql.length, sql: fewest.sql, data: fewest.data };
  };

  return {
    url: app.url,
    info: { tokens },
    onMessage: (message) => (message.type === 'statements' ? statements(message) : post(message.body, message.token)),
    stop: () => app.stop(),
  };
});
