import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { LANDING_PAGE } from '../platform/http/landing-page.js';
import { PRINTED } from './printed.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'pcn-hub-printed-'));

/** pnpm as the test runner found it (`pnpm test` sets npm_execpath), else from PATH. */
function pnpmArgv(command: string): [string, string[]] {
  const args = command.split(/\s+/).slice(1);
  const execpath = process.env.npm_execpath;
  return execpath && /pnpm/.test(execpath) ? [process.execPath, [execpath, ...args]] : ['pnpm', args];
}

const env = { ...process.env, PCN_HUB_DATA_DIR: join(scratch, 'pglite'), NODE_ENV: 'development', LOG_LEVEL: 'warn' };

function run(command: string) {
  const [bin, args] = pnpmArgv(command);
  return spawnSync(bin, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('commands printed by the server, the landing page and the README, run as printed', () => {
  it('prints the token command where a newcomer looks', () => {
    expect(readme).toContain(PRINTED.demoToken);
    expect(readme).toContain(PRINTED.demoTokenSilent);
    expect(readme).toContain(PRINTED.customToken);
    expect(LANDING_PAGE).toContain(PRINTED.demoToken);
    // Every `pnpm ... token` line of the README is one of the commands tested here.
    const lines = [...readme.matchAll(/pnpm (?:--silent )?[\w:-]*token[^\n`]*/g)].map((m) =>
      m[0].replace(/\s+#.*$/, '').trim(),
    );
    for (const line of lines)
      expect(Object.values(PRINTED).some((cmd) => line.startsWith(cmd.split(' --user')[0]!))).toBe(true);
  });

  it('mints a demo token', () => {
    const out = run(PRINTED.demoToken);
    expect(out.status, out.stderr).toBe(0);
    const token = out.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(JWT);
    expect(decodeJwt(token)).toMatchObject({ sub: 'hub.manager', org: 'Y99000', roles: ['HUB_MANAGER'] });
  });

  it('prints the token alone with --silent (for TOKEN=$(...))', () => {
    const out = run(PRINTED.demoTokenSilent);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.trim()).toMatch(JWT);
  });

  it('mints a custom token', () => {
    const out = run(PRINTED.customToken);
    expect(out.status, out.stderr).toBe(0);
    expect(decodeJwt(out.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      sub: 'locum.gp',
      org: 'Y99012',
      roles: ['PRACTICE_CLINICIAN'],
    });
  });

  it('names an unknown demo user', () => {
    const out = run('pnpm demo-token --user nobody');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('"nobody" is not a demo user');
  });

  it('pnpm start serves, and SIGTERM to it drains and leaves nothing running', async () => {
    const [bin, args] = pnpmArgv('pnpm start');
    const child = spawn(bin, args, {
      cwd: root,
      env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 90_000;
    let url: string | null = null;
    while (!url && Date.now() < deadline) {
      url = /pcn-hub API ready at (http:\/\/\S+\/graphql)/.exec(output)?.[1] ?? null;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(url, output).not.toBeNull();
    expect(output).toContain(PRINTED.demoToken);
    const health = await fetch(url!.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing of the process group is left answering.
    await new Promise((r) => setTimeout(r, 500));
    let alive = true;
    try {
      process.kill(-child.pid!, 0);
    } catch {
      alive = false;
    }
    expect(alive).toBe(false);
  });
});
