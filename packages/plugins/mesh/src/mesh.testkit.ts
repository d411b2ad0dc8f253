/** Shared set-up for the MESH contract tests: a local server with a few mailboxes and clients for them. */
import { MeshClient } from './mesh.client.js';
import type { MeshClientConfig } from './mesh.types.js';
import { startMeshServer } from './testing/mesh-server.js';
import type { MeshServer } from './testing/mesh-server.js';
import type { MeshServerMailbox, MeshServerOptions } from './testing/mesh-server.types.js';

export const SHARED_SECRET = 'test-shared-secret';
export const OC_WORKFLOW = 'PCN_HUB_OC';
export const SEND_DOC_WORKFLOW = 'GPFED_CONSULT_REPORT';
export const SEND_DOC_ACK_WORKFLOW = 'GPFED_CONSULT_REPORT_ACK';

/** The hub's mailbox. */
export const HUB: MeshServerMailbox = {
  id: 'X26HUB01',
  password: 'hub-password',
  workflows: [OC_WORKFLOW, SEND_DOC_WORKFLOW, SEND_DOC_ACK_WORKFLOW],
  odsCode: 'Y01234',
  name: 'Test PCN hub',
};
/** A registered practice. */
export const PRACTICE: MeshServerMailbox = {
  id: 'X26GP001',
  password: 'practice-password',
  workflows: [SEND_DOC_WORKFLOW, SEND_DOC_ACK_WORKFLOW],
  odsCode: 'M81065',
  name: 'Test practice',
};
/** An online consultation supplier. */
export const SUPPLIER: MeshServerMailbox = {
  id: 'X26OCS01',
  password: 'supplier-password',
  workflows: [OC_WORKFLOW],
  odsCode: 'YGM24',
};
/** A mailbox registered for an unrelated workflow only. */
export const OTHER: MeshServerMailbox = {
  id: 'X26OTH01',
  password: 'other-password',
  workflows: ['SOME_OTHER_WORKFLOW'],
  odsCode: 'M81066',
};

/** A running server plus a way to make clients for its mailboxes. */
export interface MeshFixture {
  server: MeshServer;
  client(mailbox: MeshServerMailbox, overrides?: Partial<MeshClientConfig>): MeshClient;
  stop(): Promise<void>;
}

/** Starts a server with HUB, PRACTICE, SUPPLIER and OTHER. */
export async function startMeshFixture(options: Partial<MeshServerOptions> = {}): Promise<MeshFixture> {
  const server = await startMeshServer({
    mailboxes: [HUB, PRACTICE, SUPPLIER, OTHER],
    sharedSecret: SHARED_SECRET,
    ...options,
  });
  const clients: MeshClient[] = [];
  return {
    server,
    client(mailbox, overrides = {}) {
      const client = new MeshClient({
        baseUrl: server.url,
        mailboxId: mailbox.id,
        password: mailbox.password,
        sharedSecret: SHARED_SECRET,
        timeoutMs: 5_000,
        chunkSizeBytes: 1024,
        ...(options.clock ? { clock: options.clock } : {}),
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.close();
      await server.stop();
    },
  };
}

/** Downloads and acknowledges everything waiting for a client (test clean-up between cases). */
export async function emptyInbox(client: MeshClient): Promise<void> {
  await client.drain(async (id) => client.acknowledge(id));
}
