// Benchmark arm: PostGraphile v5 (Amber preset) over the hub's own PostgreSQL database, served by
// its real HTTP server (grafserv on node:http) in its own process. PostgreSQL only: PostGraphile
// introspects the catalog through `pg` and has no PGlite adaptor. Options: { databaseUrl }.
// Same pool size as the API and the floor (20); no GraphiQL, no explain, no watch mode.
import { createServer } from 'node:http';
import { serveChild } from './child.mjs';

await serveChild(async ({ databaseUrl }) => {
  // Production mode, said out loud (Grafast warns when it has to assume it).
  process.env.GRAPHILE_ENV ??= 'production';
  process.env.NODE_ENV ??= 'production';
  const { postgraphile } = await import('postgraphile');
  const { makePgService } = await import('postgraphile/adaptors/pg');
  const { grafserv } = await import('postgraphile/grafserv/node');
  const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString: databaseUrl, schemas: ['public'], poolConfig: { max: 20 } })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 100_000 },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on('error', (error) => process.stderr.write(`postgraphile: ${error}\n`));
  serv.addTo(server);
  // Build the schema (introspection) before the first request, as a deployed server would.
  await pgl.getSchemaResult();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pgl.release();
    },
  };
});
