import 'reflect-metadata';
import { loadConfig } from '../platform/config.js';
import { createOrm, migrate } from '../platform/db/orm.js';
import { createLogger } from '../platform/logger.js';
import { seedDemo } from '../seed/demo.js';
import { HUB_ENTITIES } from '../modules.js';

const config = loadConfig();
const orm = await createOrm(config.database, createLogger(config.logLevel), HUB_ENTITIES);
try {
  await migrate(orm);
  const { seeded } = await seedDemo(orm.em.fork());
  process.stdout.write(seeded ? 'demo PCN seeded\n' : 'database already has organisations; nothing seeded\n');
} finally {
  await orm.close(true);
}
