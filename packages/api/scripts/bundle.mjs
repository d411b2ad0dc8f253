// Bundles the compiled API (packages/api/dist, from `tsc -b`) into packages/api/dist/bundle:
// main.mjs (the server) and worker.mjs (`pnpm worker`), with shared chunks. Node resolves and
// loads about 1,500 separate modules for the unbundled server, which is most of its startup; the
// bundle is a handful of files. `pnpm start` and `pnpm worker` run the bundle; the unbundled
// dist/main.js and dist/worker.js stay runnable (tests, debugging).
//
// Kept out of the bundle: @electric-sql/pglite (it loads its WebAssembly and data files from
// beside its own module) and pg-native (an optional native addon that pg probes for). Everything
// else, including the ORM's drivers, is inside, so each library exists exactly once
// (graphql in particular: two copies would fail with "another module or realm").
//
// graphql's `instanceOf` is built in production mode whatever NODE_ENV says. Outside production,
// graphql-js guards every failed type test (isObjectType, isNonNullType, ...) with a check for a
// second copy of graphql loaded beside it; the bundle holds exactly one copy by construction, so
// the guard can never fire, yet it cost about 40 ms of a restart and some of every request's
// validation. The build fails if graphql's source stops matching, rather than silently keeping it.
//
// --if-stale: do nothing when the bundle is newer than every compiled file it is made from (the
// API's and @pcn-hub/schema's dist) and than the lockfile.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = `${dist}bundle`;
const inputs = [dist, fileURLToPath(new URL('../../schema/dist/', import.meta.url))];
const lockfile = fileURLToPath(new URL('../../../pnpm-lock.yaml', import.meta.url));

/** Newest modification time of the .js files under `dir` (the bundle's own directory excluded). */
async function newestJs(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !entry.name.endsWith('.js') || path.startsWith(out)) continue;
    newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

async function upToDate() {
  try {
    const built = (await stat(join(out, 'main.mjs'))).mtimeMs;
    const sources = Math.max((await stat(lockfile)).mtimeMs, ...(await Promise.all(inputs.map(newestJs))));
    return built > sources;
  } catch {
    return false;
  }
}

if (process.argv.includes('--if-stale') && (await upToDate())) process.exit(0);

/** Rewrites graphql's jsutils/instanceOf to its production form (see above). */
const graphqlInstanceOfInProductionMode = {
  name: 'graphql-instanceof-production',
  transform(code, id) {
    if (!/[\\/]graphql[\\/]jsutils[\\/]instanceOf\.m?js$/.test(id)) return null;
    const guard = /globalThis\.process\s*&&(?:\s*\/\/[^\n]*\n)?\s*process\.env\.NODE_ENV === ['"]production['"]/;
    if (!guard.test(code))
      throw new Error(`${id}: graphql's production-mode test has changed; update scripts/bundle.mjs`);
    return { code: code.replace(guard, 'true'), map: null };
  },
};

const started = performance.now();
const bundle = await rolldown({
  input: { main: `${dist}main.js`, worker: `${dist}worker.js` },
  platform: 'node',
  external: [/^@electric-sql\/pglite(\/|$)/, 'pg-native', /^node:/],
  logLevel: 'warn',
  plugins: [graphqlInstanceOfInProductionMode],
  onwarn(warning, warn) {
    // Circular imports inside libraries (MikroORM, kysely) are theirs and harmless once bundled.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'EVAL') return;
    warn(warning);
  },
});
await rm(out, { recursive: true, force: true });
await bundle.write({
  dir: out,
  format: 'esm',
  entryFileNames: '[name].mjs',
  chunkFileNames: 'chunks/[name]-[hash].mjs',
  sourcemap: true,
  // Chunks must not reorder module side effects (reflect-metadata has to run before any decorator).
  strictExecutionOrder: true,
});
await bundle.close();
if (!process.argv.includes('--quiet')) {
  process.stdout.write(`api bundle: ${out} in ${Math.round(performance.now() - started)} ms\n`);
}
