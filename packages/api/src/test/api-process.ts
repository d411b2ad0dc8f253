import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository's root, where the built API lives (`packages/api/dist/...`, built by the global setup). */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A TCP port free on 127.0.0.1 at the time of asking. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** GET without keep-alive: the connection is closed once answered, so nothing stays open. */
function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** Resolves once `base`/readyz answers 200; fails with the log if the process exits or is not ready in 120 s. */
async function waitReady(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited early: ${log()}`);
    try {
      if ((await status(`${base}/readyz`)) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`API not ready: ${log()}`);
}

/** An API process of the built server, listening on `url` (http://127.0.0.1:port). */
export interface ApiProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** The last 2,000 characters of its stdout and stderr. */
  readonly log: () => string;
}

/**
 * Starts the built API (`entry`, relative to the repository root) as a child process on a free
 * port of 127.0.0.1 with `env` (and only PATH besides); resolves once /readyz answers 200, or kills
 * it and fails.
 */
export async function spawnApi(entry: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [`${REPO_ROOT}${entry}`], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const api: ApiProcess = { child, port, url: `http://127.0.0.1:${port}`, log: () => output.slice(-2000) };
  try {
    await waitReady(api.url, child, api.log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return api;
}
