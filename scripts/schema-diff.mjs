#!/usr/bin/env node
// Compares the committed GraphQL schema with the schema at the baseline named in CHANGELOG.md
// (`<!-- schema-baseline: <commit> -->`) using GraphQL Inspector, prints every change, and fails
// when a breaking change is not listed in CHANGELOG.md's "Unreleased" section by its path
// (for example `HubConsultation.patient`). Run by CI; `--list` only prints.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const changelog = readFileSync(`${root}CHANGELOG.md`, 'utf8');
const baseline = /<!-- schema-baseline: ([0-9a-f]{7,40}) -->/.exec(changelog)?.[1];
if (!baseline) {
  console.error('schema diff: CHANGELOG.md names no <!-- schema-baseline: <commit> -->');
  process.exit(1);
}
let before;
try {
  before = execFileSync('git', ['show', `${baseline}:packages/schema/schema.graphql`], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch {
  console.error(`schema diff: the baseline ${baseline} is not in this clone's history`);
  process.exit(1);
}
const after = readFileSync(`${root}packages/schema/schema.graphql`, 'utf8');
const changes = await diff(buildSchema(before), buildSchema(after));
const unreleased = changelog.split(/^## /m).find((section) => section.startsWith('Unreleased')) ?? '';
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
console.log(
  `schema diff against ${baseline}: ${changes.length} changes, ${breaking.length} breaking, ${dangerous.length} dangerous`,
);
const unlisted = [];
for (const change of breaking) {
  const path = change.path ?? '';
  const listed = path !== '' && unreleased.includes(`\`${path}\``);
  console.log(`  BREAKING ${listed ? '' : '(not in CHANGELOG) '}${path}: ${change.message}`);
  if (!listed) unlisted.push(path || change.message);
}
for (const change of dangerous) console.log(`  dangerous ${change.path ?? ''}: ${change.message}`);
if (process.argv.includes('--list')) process.exit(0);
if (unlisted.length > 0) {
  console.error(
    `schema diff: ${unlisted.length} breaking change(s) not listed under "## Unreleased" in CHANGELOG.md: ${unlisted.join(', ')}`,
  );
  process.exit(1);
}
