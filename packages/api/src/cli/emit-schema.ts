import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildHubSchema } from '../schema.js';

const target = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
const header = '# Emitted by `pnpm schema:emit` from packages/api. Do not edit by hand.\n\n';
const printed = header + printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== printed) {
    process.stderr.write('packages/schema/schema.graphql is out of date: run `pnpm schema:emit` and commit it.\n');
    process.exit(1);
  }
  process.stdout.write('schema.graphql is up to date\n');
} else {
  writeFileSync(target, printed);
  process.stdout.write('wrote packages/schema/schema.graphql\n');
}
