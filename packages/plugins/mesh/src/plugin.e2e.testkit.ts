/**
 * Shared set-up of the end-to-end tests: a real hub (startTestHub), the MESH plugin registered on
 * it, a local MESH server with the hub's, a supplier's and practices' mailboxes, and a log sink
 * that the tests search for patient data.
 */
import { registerTestPlugin, startTestHub, syntheticNhsNumber } from '@pcn-hub/sdk/testing';
import type { RegisteredTestPlugin, TestHub } from '@pcn-hub/sdk/testing';
import { MeshClient } from './mesh.client.js';
import type { MeshLogger } from './mesh.inbound.types.js';
import type { MeshPluginConfig } from './mesh.plugin.types.js';
import { meshManifest } from './plugin.manifest.js';
import { startMeshServer } from './testing/mesh-server.js';
import type { MeshServer } from './testing/mesh-server.js';
import type { MeshServerMailbox } from './testing/mesh-server.types.js';

export const SHARED_SECRET = 'e2e-shared-secret';
export const OC_WORKFLOW = 'PCN_HUB_OC';
export const OTHER_WORKFLOW = 'SOME_OTHER_WORKFLOW';
export const SEND_DOC = 'GPFED_CONSULT_REPORT';
export const SEND_DOC_ACK = 'GPFED_CONSULT_REPORT_ACK';
export const HUB_ODS = 'Y99000';

const hubWorkflows = [OC_WORKFLOW, OTHER_WORKFLOW, SEND_DOC, SEND_DOC_ACK];
/** The hub's mailbox the running plugin polls. */
export const HUB_BOX: MeshServerMailbox = {
  id: 'X26HUB01',
  password: 'hub-pw',
  workflows: hubWorkflows,
  odsCode: HUB_ODS,
};
/** A second hub mailbox, for the crash tests' own pollers. */
export const HUB_BOX_2: MeshServerMailbox = { id: 'X26HUB02', password: 'hub2-pw', workflows: hubWorkflows };
/** An online consultation supplier. */
export const SUPPLIER_BOX: MeshServerMailbox = {
  id: 'X26OCS01',
  password: 'supplier-pw',
  workflows: [OC_WORKFLOW, OTHER_WORKFLOW],
};
/** Practice Y99011's mailbox. */
export const PRACTICE_BOX: MeshServerMailbox = {
  id: 'X26GP011',
  password: 'practice-pw',
  workflows: [SEND_DOC, SEND_DOC_ACK],
  odsCode: 'Y99011',
  name: 'Demo practice 1',
};

/** A running hub, plugin registration and MESH server. */
export interface E2e {
  hub: TestHub;
  registered: RegisteredTestPlugin;
  mesh: MeshServer;
  /** A MESH client for a mailbox of the local server. */
  client(box: MeshServerMailbox, chunkSizeBytes?: number): MeshClient;
  /** Everything the plugins logged, as JSON lines. */
  logs: string[];
  logger: MeshLogger;
  /** Runs a GraphQL document as a demo user and returns its data (fails on errors). */
  gql(user: string, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** The plugin configuration for the hub's mailbox; `overrides` replace top-level parts. */
  config(overrides?: Partial<MeshPluginConfig>): MeshPluginConfig;
  stop(): Promise<void>;
}

/** Starts the hub (write-back polled every 50 ms) and the MESH server; registers the plugin. */
export async function startE2e(enableAs: readonly string[] = ['hub.manager']): Promise<E2e> {
  const hub = await startTestHub({
    env: { WRITE_BACK_POLL_MS: '50', WRITE_BACK_BACKOFF_MS: '100', PLUGIN_WEBHOOK_WORKER: 'false' },
  });
  const registered = await registerTestPlugin(hub, meshManifest, { enableAs });
  const mesh = await startMeshServer({
    mailboxes: [HUB_BOX, HUB_BOX_2, SUPPLIER_BOX, PRACTICE_BOX],
    sharedSecret: SHARED_SECRET,
  });
  const clients: MeshClient[] = [];
  const logs: string[] = [];
  const e2e: E2e = {
    hub,
    registered,
    mesh,
    logs,
    logger: (level, event, fields) => logs.push(JSON.stringify({ level, event, ...fields })),
    client(box, chunkSizeBytes = 1024 * 1024) {
      const c = new MeshClient({
        baseUrl: mesh.url,
        mailboxId: box.id,
        password: box.password,
        sharedSecret: SHARED_SECRET,
        timeoutMs: 5_000,
        chunkSizeBytes,
      });
      clients.push(c);
      return c;
    },
    async gql(user, query, variables = {}) {
      return hub.client(user).request(query, variables);
    },
    config(overrides = {}) {
      return {
        hub: { url: hub.url, apiKey: registered.apiKey, hubOdsCode: HUB_ODS },
        mesh: {
          baseUrl: mesh.url,
          mailboxId: HUB_BOX.id,
          password: HUB_BOX.password,
          sharedSecret: SHARED_SECRET,
          timeoutMs: 5_000,
          ocWorkflowIds: [OC_WORKFLOW],
        },
        writeBack: { signingSecrets: {}, routing: { kind: 'AUTOMATIC', dobFormat: 'YYYYMMDD' } },
        pollIntervalMs: 100,
        pollRetryBaseMs: 50,
        logger: e2e.logger,
        ...overrides,
      };
    },
    async stop() {
      for (const c of clients) c.close();
      await mesh.stop();
      await hub.stop();
    },
  };
  return e2e;
}

/** Demographics of demo patient `i` (registered at practice Y9901(1 + i % 7)), read from the hub. */
export async function demoPatient(e2e: E2e, i: number) {
  const data = await e2e.gql(
    'hub.anp1',
    'query ($n: NHSNumber!) { patient(nhsNumber: $n) { nhsNumber givenName familyName dateOfBirth } }',
    {
      n: syntheticNhsNumber(i),
    },
  );
  return data.patient as { nhsNumber: string; givenName: string; familyName: string; dateOfBirth: string };
}

/** Waits until `check` returns something other than undefined (polling every 50 ms). */
export async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
