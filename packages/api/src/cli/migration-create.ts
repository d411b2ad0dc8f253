import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createOrm, migrate } from '../platform/db/orm.js';
import { HUB_ENTITIES } from '../modules.js';

// Diffs the entities against a scratch in-memory database at the committed migrations and
// writes the difference as a new migration file.
const { values } = parseArgs({ options: { name: { type: 'string' }, initial: { type: 'boolean', default: false } } });
const orm = await createOrm({ kind: 'pglite', dataDir: null, templateDir: null }, undefined, HUB_ENTITIES);
try {
  await migrate(orm);
  const result = await orm.migrator.create(undefined, false, values.initial, values.name);
  process.stdout.write(result.fileName ? `wrote ${result.fileName}; add it to migrations/index.ts\n` : 'no changes\n');
} finally {
  await orm.close(true);
}
