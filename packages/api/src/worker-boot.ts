import 'reflect-metadata';
import { loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';
import { createOrm, migrationsApplied } from './platform/db/orm.js';
import { createEventBus } from './platform/events/index.js';
import { startMetrics } from './observability.js';
import { startTracing, traceDatabase } from './platform/observability/tracing.js';
import { HUB_ENTITIES, MODULE_WORKERS, pluginDeliveryGivenUp } from './modules.js';
import { startWorkers, stopWorkers } from './platform/hub-module.js';

// The modules' workers on their own (`pnpm worker`: write-back and plugin webhooks): any number of them can share one PostgreSQL,
// beside API processes started with WRITE_BACK_WORKER=false. It never migrates; it waits for the
// API (or `pnpm db:migrate`) to have done so.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const tracing = startTracing(config.tracing);
const orm = await createOrm(config.database, logger, HUB_ENTITIES);
traceDatabase(orm);
for (let waited = 0; !(await migrationsApplied(orm)); waited += 1) {
  if (waited % 10 === 0) logger.info('waiting for migrations to be applied');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const events = await createEventBus({
  databaseUrl: config.database.kind === 'postgresql' ? config.database.url : null,
  redisUrl: config.redisUrl,
  logger,
});
const workers = startWorkers(MODULE_WORKERS, {
  orm,
  bus: events,
  config,
  logger,
  firstSweepDelayMs: 0,
  pluginDeliveryGivenUp: pluginDeliveryGivenUp(orm),
  startOptions: {},
});
const metricsServer = await startMetrics(config, orm, logger);
logger.info(
  { workers: [...workers.keys()], worker: workers.get('write-back')?.id, concurrency: config.writeBack.concurrency },
  'workers ready',
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining');
    Promise.all([stopWorkers(workers, config.shutdownGraceMs), metricsServer?.close()])
      .then(() => events.close())
      .then(() => orm.close(true))
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
