import 'reflect-metadata';
import { loadConfig } from './platform/config.js';
import { startApp } from './app.js';
import { PRINTED } from './cli/printed.js';

const config = loadConfig();
const app = await startApp(config);
const where =
  config.database.kind === 'pglite' ? `embedded PGlite (${config.database.dataDir ?? 'in memory'})` : 'PostgreSQL';
app.logger.info({ url: app.url, database: config.database.kind }, 'pcn-hub API ready');
if (process.stdout.isTTY || config.env === 'development') {
  process.stdout.write(
    `\npcn-hub API ready at ${app.url} on ${where}\n` +
      (app.tokens.development
        ? `Get a demo token:  ${PRINTED.demoToken}   (others: hub.anp1, hub.coord1, p1.gp, p1.admin, pcn.analyst, oc.supplier)\n`
        : '') +
      '\n',
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'draining');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
