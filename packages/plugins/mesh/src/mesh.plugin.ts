/**
 * The MESH plugin for pcn-hub, wired: the inbound poller of the hub's mailbox (stored with the hub
 * before acknowledgement, submitted to the inbox) and the write-back bridge (Send Document over
 * MESH to practices, acknowledgements reported back to the hub).
 */
import { createHubClient } from '@pcn-hub/sdk/client';
import type { HubClient } from '@pcn-hub/sdk/client';
import { HubInboundStore, hubSubmit } from './hub.inbound-store.js';
import { MeshClient } from './mesh.client.js';
import type { MeshLogger } from './mesh.inbound.types.js';
import { SendDocumentSender } from './mesh.outbound.js';
import type { MeshPlugin, MeshPluginConfig } from './mesh.plugin.types.js';
import { MeshPoller } from './mesh.poller.js';
import { JsonFileOutboundStore } from './outbound.json-store.js';
import { WriteBackAcknowledgements } from './write-back.acks.js';
import { WriteBackBridge } from './write-back.bridge.js';

const HOUR_MS = 60 * 60 * 1000;

/** Default logger: warnings and errors as JSON lines on stderr (fields are ids and codes only). */
export const stderrLogger: MeshLogger = (level, event, fields) => {
  if (level === 'info') return;
  process.stderr.write(`${JSON.stringify({ level, event, at: new Date().toISOString(), ...fields })}\n`);
};

/**
 * Starts the MESH plugin: polls the hub's mailbox now and then every `pollIntervalMs` (at once
 * again while full pages return), and serves the write-back bridge. One plugin per mailbox.
 *
 * @example
 * ```ts
 * const plugin = await startMeshPlugin({
 *   hub: { url: 'https://hub.example/graphql', apiKey, hubOdsCode: 'Y99000' },
 *   mesh: { baseUrl, mailboxId: 'X26HUB01', password, sharedSecret, tls: { cert, key, ca } },
 *   writeBack: { signingSecrets: { Y99011: secret }, routing: { kind: 'AUTOMATIC', dobFormat: 'YYYYMMDD' } },
 * });
 * // p1.admin: configureWriteBackTarget({ kind: HTTP, endpointUrl: plugin.writeBackUrl('Y99011'), signingSecret: secret })
 * ```
 */
export async function startMeshPlugin(config: MeshPluginConfig): Promise<MeshPlugin> {
  const log = config.logger ?? stderrLogger;
  const clients = new Map<string, HubClient>();
  const hubFor = (odsCode: string): HubClient => {
    const ods = odsCode.toUpperCase();
    let client = clients.get(ods);
    if (!client) {
      client = createHubClient({
        ...config.hub.client,
        url: config.hub.url,
        apiKey: config.hub.apiKey,
        organisation: ods,
      });
      clients.set(ods, client);
    }
    return client;
  };
  const m = config.mesh;
  const mesh = new MeshClient({
    baseUrl: m.baseUrl,
    mailboxId: m.mailboxId,
    password: m.password,
    sharedSecret: m.sharedSecret,
    ...(m.tls ? { tls: m.tls } : {}),
    ...(m.chunkSizeBytes !== undefined ? { chunkSizeBytes: m.chunkSizeBytes } : {}),
    ...(m.timeoutMs !== undefined ? { timeoutMs: m.timeoutMs } : {}),
  });

  const wb = config.writeBack;
  const store = wb.store ?? (await JsonFileOutboundStore.open(wb.storePath ?? './.data/mesh-outbound.json'));
  const infAckTimeoutMs = wb.infrastructureAckTimeoutMs ?? 24 * HOUR_MS;
  const busAckTimeoutMs = wb.businessAckTimeoutMs ?? 5 * 24 * HOUR_MS;
  const sender = new SendDocumentSender({
    client: mesh,
    store,
    deferRetries: true,
    infAckTimeoutMs,
    busAckTimeoutMs,
    logger: log,
  });
  const acks = new WriteBackAcknowledgements({
    sender,
    hubFor,
    logger: log,
    ...(config.onAlert ? { onAlert: config.onAlert } : {}),
  });
  const secrets = new Map(
    Object.entries(wb.signingSecrets).map(([ods, s]) => [ods.toUpperCase(), typeof s === 'string' ? [s] : [...s]]),
  );
  const bridge = new WriteBackBridge({
    sender,
    store,
    hubFor,
    signingSecrets: (ods) => secrets.get(ods.toUpperCase()),
    routing: wb.routing,
    logger: log,
    ...(wb.pathPrefix !== undefined ? { pathPrefix: wb.pathPrefix } : {}),
  });

  const hubOds = config.hub.hubOdsCode;
  const parse = config.parseOptions;
  const poller = new MeshPoller({
    client: mesh,
    store: new HubInboundStore({ client: hubFor(hubOds), mailboxId: mesh.mailboxId, logger: log }),
    submit: hubSubmit(hubFor(hubOds), log),
    onReport: (report) => acks.onReport(report),
    onItkResponse: (response) => acks.onItkResponse(response),
    logger: log,
    ...(config.pollIntervalMs !== undefined ? { intervalMs: config.pollIntervalMs } : {}),
    ...(config.pollRetryBaseMs !== undefined ? { retryBaseMs: config.pollRetryBaseMs } : {}),
    ...(m.ocWorkflowIds ? { workflowIds: m.ocWorkflowIds } : {}),
    ...(parse ? { parseOptions: (message) => (typeof parse === 'function' ? parse(message.headers) : parse) } : {}),
  });

  let bridgeUrl: string;
  try {
    bridgeUrl = await bridge.listen(wb.port ?? 0, wb.host ?? '127.0.0.1');
  } catch (err) {
    mesh.close();
    throw err;
  }
  poller.start();
  const checkEvery = wb.ackCheckIntervalMs ?? Math.min(60_000, infAckTimeoutMs, busAckTimeoutMs);
  let checking: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    checking = acks.checkOverdue().catch((err: unknown) => {
      log('error', 'mesh.write-back.ack-check-failed', { code: err instanceof Error ? err.name : 'UNKNOWN' });
    });
  }, checkEvery);
  timer.unref();

  return {
    bridgeUrl,
    writeBackUrl: (ods) => `${bridgeUrl}${bridge.pathFor(ods)}`,
    pollOnce: () => poller.pollOnce(),
    checkAcknowledgements: () => acks.checkOverdue(),
    store,
    async stop() {
      clearInterval(timer);
      await poller.stop();
      await bridge.close();
      await checking;
      mesh.close();
      await Promise.all([...clients.values()].map((c) => c.close()));
    },
  };
}
