// Builds packages/web (codegen + vite build) when dist is missing or older than its sources.
// Used by the root vitest global setup and `pnpm bench:web`; `pnpm build` always builds.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'e2e' || name === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

const built = newest(join(web, 'dist', 'index.html'));
const sources = Math.max(
  ...[
    'src',
    'index.html',
    'explorer.html',
    'vite.config.ts',
    'codegen.ts',
    'package.json',
    '../schema/schema.graphql',
  ].map((p) => newest(join(web, p))),
);
if (built > sources && newest(join(web, 'dist', 'explorer.html')) > 0) {
  if (!quiet) process.stdout.write('packages/web: dist is up to date\n');
} else {
  const bin = (pkg, file) => join(web, 'node_modules', pkg, file);
  // A production build even when run from a test runner (vitest sets NODE_ENV=test: React's development build).
  const env = { ...process.env, NODE_ENV: 'production' };
  const run = (args) => execFileSync(process.execPath, args, { cwd: web, env, stdio: quiet ? 'pipe' : 'inherit' });
  run([bin('@graphql-codegen/cli', 'cjs/bin.js'), '--config', 'codegen.ts', '--silent']);
  run([bin('vite', 'bin/vite.js'), 'build', '--logLevel', quiet ? 'error' : 'warn']);
  if (!quiet) process.stdout.write('packages/web: built\n');
}
