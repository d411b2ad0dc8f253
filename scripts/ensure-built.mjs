#!/usr/bin/env node
// Builds the workspace (`pnpm build`) only when a source is newer than the last successful build,
// so `pnpm start`, `pnpm worker` and the other commands that run the API start at once when
// nothing changed. Production runs the built bundle directly and never builds at start.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'node_modules', '.cache', 'pcn-hub-build-stamp');
const SKIP = new Set(['node_modules', 'dist', '.data', '.git', 'coverage']);

function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function stampTime() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
}

if (process.argv.includes('--stamp')) {
  // The build just ran by other means (the test suite's global setup): record it.
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  process.exit(0);
}

const sources = Math.max(newest(join(root, 'packages')), statSync(join(root, 'pnpm-lock.yaml')).mtimeMs);
if (sources > stampTime()) {
  const started = Date.now();
  process.stderr.write('pcn-hub: sources changed since the last build; building (pnpm build)...\n');
  execFileSync(
    process.env.npm_execpath ? process.execPath : 'pnpm',
    process.env.npm_execpath ? [process.env.npm_execpath, '--silent', 'build'] : ['--silent', 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  process.stderr.write(`pcn-hub: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
