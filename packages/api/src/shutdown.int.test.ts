import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, TEST_DATABASES, TEST_JWT_SECRET, type TestHub } from './test/harness.js';

/**
 * SIGTERM on the real process, as an orchestrator sends it: the bundle `pnpm start` runs (built by
 * the global setup) in development
 * mode (where Apollo Server would install signal handlers of its own unless told not to) with a
 * live graphql-ws subscription. The process must close the subscription as "going away" (1001)
 * and exit 0 within the grace period, on both databases.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

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

describe.each(TEST_DATABASES)('SIGTERM on the API process (%s)', (kind) => {
  let hub: (TestHub & { stop(): Promise<void> }) | null = null;
  let child: ChildProcess | null = null;

  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await hub?.stop();
    hub = null;
  });

  /** Starts the built API on this suite's database; resolves once /readyz answers 200. */
  async function spawnApi(): Promise<{ child: ChildProcess; port: number; log: () => string }> {
    // The harness's hub mints tokens (the demo data is deterministic, so its users exist in the
    // child's database too) and, on PostgreSQL, provides a migrated and seeded database.
    hub = await startTestHub(kind);
    const database = hub.config.database;
    const port = await freePort();
    let output = '';
    const spawned = spawn(process.execPath, [`${root}packages/api/dist/bundle/main.mjs`], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'warn',
        SHUTDOWN_GRACE_MS: '10000',
        ...(database.kind === 'postgresql'
          ? { DATABASE_URL: database.url, MIGRATE_ON_START: 'false', SEED_ON_START: 'false' }
          : { PCN_HUB_DATA_DIR: 'memory://' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    spawned.stdout.on('data', (d: Buffer) => (output += d.toString()));
    spawned.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const log = () => output.slice(-2000);
    await waitReady(`http://127.0.0.1:${port}`, spawned, log);
    return { child: spawned, port, log };
  }

  /** Sends SIGTERM; resolves with how the process ended (or that it had not after 20 s) and when. */
  function terminate(process: ChildProcess): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) => {
      const sent = performance.now();
      const hung = setTimeout(
        () => resolve({ code: null, signal: 'still running 20 s after SIGTERM', ms: performance.now() - sent }),
        20_000,
      );
      process.once('exit', (code, signal) => {
        clearTimeout(hung);
        resolve({ code, signal, ms: performance.now() - sent });
      });
    });
    process.kill('SIGTERM');
    return exited;
  }

  it('exits 0 promptly when idle (no connection open)', { timeout: 180_000 }, async () => {
    const api = await spawnApi();
    const result = await terminate(api.child);
    expect(result, api.log()).toMatchObject({ code: 0, signal: null });
    expect(result.ms).toBeLessThan(5_000);
  });

  it('closes live subscriptions as going away (1001), drains HTTP, then exits 0', { timeout: 180_000 }, async () => {
    const api = await spawnApi();
    const token = await hub!.token('hub.coord1');
    let closeCode: number | null = null;
    let failed: unknown = null;
    let acknowledged!: () => void;
    const connected = new Promise<void>((resolve) => (acknowledged = resolve));
    const client = createClient({
      url: `ws://127.0.0.1:${api.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { connected: () => acknowledged(), closed: (event) => (closeCode = (event as { code: number }).code) },
    });
    client.subscribe(
      {
        query: 'subscription ($org: OdsCode!) { inboxEvents(organisation: $org) { __typename } }',
        variables: { org: 'Y99000' },
      },
      { next: () => undefined, error: (error) => (failed = error), complete: () => undefined },
    );
    await connected;
    await new Promise((r) => setTimeout(r, 300)); // the subscribe message is processed
    expect(failed).toBeNull();
    // A query through the schema, the database and the authoriser; the keep-alive connection it
    // leaves open must not hold the drain for its whole grace period.
    const viewer = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id organisation { odsCode } } }' }),
    });
    expect(await viewer.json()).toMatchObject({ data: { viewer: { organisation: { odsCode: 'Y99000' } } } });

    const result = await terminate(api.child);
    await client.dispose();
    expect(result, api.log()).toMatchObject({ code: 0, signal: null });
    expect(result.ms).toBeLessThan(10_000);
    expect(closeCode).toBe(1001);
  });
});
