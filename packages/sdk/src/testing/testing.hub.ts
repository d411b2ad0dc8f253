import type { EmbeddedHub } from '@pcn-hub/api/embedded';
import { createHubClient, type HubClient, type HubClientOptions } from '../client/index.js';

/** Options of {@link startTestHub}. */
export interface StartTestHubOptions {
  /** Port on 127.0.0.1; default a free one. */
  readonly port?: number;
  /** Seed the demo PCN; default true. */
  readonly seed?: boolean;
  /** Hub configuration variables (e.g. `{ EVENT_RETENTION_HOURS: '1' }`); the defaults suit tests. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A demo staff user of the seeded PCN, e.g. `hub.manager`, `hub.anp1`, `p1.gp`, `oc.supplier`. */
export interface TestHubUser {
  readonly username: string;
  readonly displayName: string;
  /** ODS code of the user's organisation (the hub is Y99000, practices Y99011-Y99017, the PCN U99001). */
  readonly odsCode: string;
  readonly roles: readonly string[];
}

/** An in-process hub for tests. */
export interface TestHub {
  /** `http://127.0.0.1:<port>/graphql` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/graphql` */
  readonly wsUrl: string;
  /** The demo staff you can act as (empty with `seed: false`). */
  readonly users: readonly TestHubUser[];
  /** A JWT for a demo user, valid for `ttlSeconds` (default the hub's). */
  token(username: string, ttlSeconds?: number): Promise<string>;
  /**
   * A client acting as a demo user (a fresh token per request), or anonymous without one.
   * `options` override the defaults, e.g. `{ url }` to go through a proxy. Closed by `stop()`.
   */
  client(asUsername?: string, options?: Partial<HubClientOptions>): HubClient;
  /** Closes the clients it made and stops the hub. */
  stop(): Promise<void>;
}

/**
 * Loads the server. Only this module (the `./testing` entry point) does so, and only when called:
 * a vendor's production code imports `./client` or `./plugin` and never loads the hub.
 */
async function loadEmbedded(): Promise<typeof import('@pcn-hub/api/embedded')> {
  try {
    return await import('@pcn-hub/api/embedded');
  } catch (error) {
    throw new Error('startTestHub needs the pcn-hub server package (@pcn-hub/api) installed beside @pcn-hub/sdk', {
      cause: error,
    });
  }
}

/**
 * Starts a real pcn-hub in this process: in-memory PGlite, the demo PCN seeded, listening on a
 * random loopback port. Start one per test file (in `beforeAll`) and `stop()` it after; it takes
 * a few seconds, mostly migrations and the seed.
 *
 * @example
 * ```ts
 * const hub = await startTestHub();
 * const viewer = await hub.client('hub.anp1').queries.viewer();
 * await hub.stop();
 * ```
 */
export async function startTestHub(options: StartTestHubOptions = {}): Promise<TestHub> {
  const { startEmbeddedHub } = await loadEmbedded();
  const embedded: EmbeddedHub = await startEmbeddedHub({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const clients = new Set<HubClient>();
  const token = (username: string, ttlSeconds?: number): Promise<string> => embedded.mintToken(username, ttlSeconds);
  return {
    url: embedded.url,
    wsUrl: embedded.wsUrl,
    users: embedded.demoUsers,
    token,
    client(asUsername, clientOptions = {}) {
      const client = createHubClient({
        url: embedded.url,
        wsUrl: embedded.wsUrl,
        ...(asUsername ? { token: () => token(asUsername) } : {}),
        ...clientOptions,
      });
      clients.add(client);
      return client;
    },
    async stop() {
      await Promise.all([...clients].map((client) => client.close()));
      clients.clear();
      await embedded.stop();
    },
  };
}
