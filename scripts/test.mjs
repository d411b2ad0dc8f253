// `pnpm test [-- ] [files or filters…]`: vitest run, with the `--` npm-style separator dropped
// (vitest would otherwise read everything after it as options, and run every suite).
// Pure unit tests (*.test.ts) run from the sources with no build; any integration test
// (*.int.test.ts) in the run first builds the workspace once (vitest.config.ts, projects).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const { status, signal } = spawnSync(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' });
process.exit(status ?? (signal ? 1 : 0));
