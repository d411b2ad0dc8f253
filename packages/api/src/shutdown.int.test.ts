import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnApi, type ApiProcess } from './test/api-process.js';
import { startTestHub, TEST_DATABASES, TEST_JWT_SECRET, type TestHub } from './test/harness.js';
import { wsClient } from './test/ws-client.js';

/**
 * SIGTERM on the real process, as an orchestrator sends it: the bundle `pnpm start` runs (built by
 * the global setup) in development
 * mode (where Apollo Server would install signal handlers of its own unless told not to) with a
 * live graphql-ws subscription. The process must close the subscription as "going away" (1001)
 * and exit 0 within the grace period, on both databases.
 */
describe.each(TEST_DATABASES)('SIGTERM on the API process (%s)', (kind) => {
  let hub: (TestHub & { stop(): Promise<void> }) | null = null;
  let child: ChildProcess | null = null;

  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await hub?.stop();
    hub = null;
  });

  /** Starts the built API on this suite's database; resolves once /readyz answers 200. */
  async function startApi(): Promise<ApiProcess> {
    // The harness's hub mints tokens (the demo data is deterministic, so its users exist in the
    // child's database too) and, on PostgreSQL, provides a migrated and seeded database.
    hub = await startTestHub(kind);
    const database = hub.config.database;
    const api = await spawnApi('packages/api/dist/bundle/main.mjs', {
      NODE_ENV: 'development',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '10000',
      ...(database.kind === 'postgresql'
        ? { DATABASE_URL: database.url, MIGRATE_ON_START: 'false', SEED_ON_START: 'false' }
        : { PCN_HUB_DATA_DIR: 'memory://' }),
    });
    child = api.child;
    return api;
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
    const api = await startApi();
    const result = await terminate(api.child);
    expect(result, api.log()).toMatchObject({ code: 0, signal: null });
    expect(result.ms).toBeLessThan(5_000);
  });

  it('closes live subscriptions as going away (1001), drains HTTP, then exits 0', { timeout: 180_000 }, async () => {
    const api = await startApi();
    const token = await hub!.token('hub.coord1');
    let closeCode: number | null = null;
    let failed: unknown = null;
    let acknowledged!: () => void;
    const connected = new Promise<void>((resolve) => (acknowledged = resolve));
    const client = wsClient(`${api.url}/graphql`, token, {
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
    const viewer = await fetch(`${api.url}/graphql`, {
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
