import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs once before any test file: compiles the workspace (`tsc -b`, incremental) and bundles the
 * API when stale, so suites that spawn the real processes (the built server and worker, the
 * bundle `pnpm start` runs) never race each other building them, nor run a stale build.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('.', import.meta.url));
  try {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    // Type errors fail the typecheck step, not every test; tsc still emits.
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    process.stderr.write(`tsc -b reported errors (the tests run on what it emitted):\n${output.slice(0, 4000)}\n`);
  }
  execFileSync(process.execPath, [`${root}packages/api/scripts/bundle.mjs`, '--if-stale', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The web app (packages/web/dist) for the browser suites, when missing or older than its sources.
  execFileSync(process.execPath, [`${root}packages/web/scripts/build-if-stale.mjs`, '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  // Commands run as printed (`pnpm start`, `pnpm demo-token`) must not rebuild under running suites.
  execFileSync(process.execPath, [`${root}scripts/ensure-built.mjs`, '--stamp'], { cwd: root, stdio: 'inherit' });
}
