import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../../../', import.meta.url));
// The bundle `pnpm worker` runs (built by the global setup).
const workerBundle = `${root}packages/api/dist/bundle/worker.mjs`;
const script = `${root}bench/write-back-crash.mjs`;
const databaseUrl = process.env.TEST_DATABASE_URL;

interface CrashSummary {
  entries: number;
  kills: number;
  lost: number;
  pending: number;
  duplicateEffects: number;
  effects: number;
  states: Record<string, number>;
}

// The worker runs as its own OS process and is killed with SIGKILL, so this needs PostgreSQL (a
// PGlite database belongs to one process).
describe.skipIf(!databaseUrl)('write-back crash test (small: 300 entries, 3 kill -9s; PostgreSQL only)', () => {
  it('loses nothing, duplicates nothing and leaves nothing pending when the worker is killed at random', async () => {
    expect(existsSync(workerBundle), 'the global setup builds the worker bundle').toBe(true);
    const child = spawn(process.execPath, [script, '300', '3'], {
      cwd: root,
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const summary = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1)) as CrashSummary;
    expect(summary).toMatchObject({ entries: 300, kills: 3, lost: 0, pending: 0, duplicateEffects: 0, effects: 300 });
    expect(summary.states).toEqual({ DELIVERED: 300 });
  }, 300_000);
});

if (!databaseUrl) {
  describe('write-back crash test', () => {
    it.skip('needs TEST_DATABASE_URL (PostgreSQL): the killed worker runs as a separate process', () => {});
  });
}
