import 'reflect-metadata';
import { loadConfig } from '../platform/config.js';
import { createOrm, migrate } from '../platform/db/orm.js';
import { createLogger } from '../platform/logger.js';
import { HUB_ENTITIES } from '../modules.js';

const config = loadConfig();
const orm = await createOrm(config.database, createLogger(config.logLevel), HUB_ENTITIES);
try {
  const applied = await migrate(orm);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
} finally {
  await orm.close(true);
}
