/** Configuration and handle of the running MESH plugin ({@link startMeshPlugin}). */
import type { HubClientOptions } from '@pcn-hub/sdk/client';
import type { MeshLogger, PollSummary } from './mesh.inbound.types.js';
import type { OutboundDelivery, OutboundStore } from './mesh.outbound.types.js';
import type { MeshTlsOptions } from './mesh.types.js';
import type { OcParseOptions } from './oc.types.js';
import type { MeshAlert, WriteBackRouting } from './write-back.types.js';

/** Where the hub is and how the plugin authenticates. */
export interface MeshPluginHubConfig {
  /** The hub's GraphQL endpoint, e.g. `https://hub.example.nhs.uk/graphql`. */
  url: string;
  /** The plugin's API key (`pcnhub_...`). */
  apiKey: string;
  /** ODS code of the hub organisation the inbound side acts for (e.g. `Y99000`). */
  hubOdsCode: string;
  /** Client options (fetch, retry, timeout) passed to every hub client. */
  client?: Pick<HubClientOptions, 'fetch' | 'retry' | 'timeoutMs'>;
}

/** The hub's MESH mailbox. */
export interface MeshPluginMailboxConfig {
  /** e.g. `https://msg.intspineservices.nhs.uk` (the local server's URL in tests). */
  baseUrl: string;
  mailboxId: string;
  password: string;
  /** The MESH environment's shared secret (HMAC key). */
  sharedSecret: string;
  /** Client certificate, key and CA (mutual TLS; required by real MESH). */
  tls?: MeshTlsOptions;
  /** Uncompressed bytes per outbound chunk; default 20 MB. */
  chunkSizeBytes?: number;
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number;
  /**
   * Workflow ids online consultations arrive on. When given, DATA on any other workflow (other
   * than *_ACK responses) is kept as PARSE_FAILED with UNKNOWN_WORKFLOW.
   */
  ocWorkflowIds?: readonly string[];
}

/** The write-back bridge (hub write-back -> Send Document over MESH). */
export interface MeshPluginWriteBackConfig {
  /** Port to listen on; default 0 (a random one). */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Path prefix of the practice endpoints (`<prefix><ODS>`); default `/write-back/`. */
  pathPrefix?: string;
  /**
   * Standard Webhooks secrets (`whsec_...`) by practice ODS code: what each practice's write-back
   * target is configured with (`configureWriteBackTarget`). Practices not listed are refused.
   */
  signingSecrets: Readonly<Record<string, string | readonly string[]>>;
  /** How a practice's mailbox is found (routing mode, and the DOB format of automatic routing). */
  routing: WriteBackRouting;
  /** Time allowed for the infrastructure acknowledgement (20013) after sending; default 24 hours. */
  infrastructureAckTimeoutMs?: number;
  /** Time allowed for the business acknowledgement (30001) after the 20013; default 5 days. */
  businessAckTimeoutMs?: number;
  /** How often overdue acknowledgements are looked for; default a minute (or the shorter timeout). */
  ackCheckIntervalMs?: number;
  /** Correlation store; default a {@link JsonFileOutboundStore} at `storePath`. */
  store?: OutboundStore;
  /** File of the default store; default `./.data/mesh-outbound.json`. */
  storePath?: string;
}

/** Configuration of {@link startMeshPlugin}. */
export interface MeshPluginConfig {
  hub: MeshPluginHubConfig;
  mesh: MeshPluginMailboxConfig;
  writeBack: MeshPluginWriteBackConfig;
  /** Time between polls when the inbox is drained; default 5 minutes (MESH's limit). */
  pollIntervalMs?: number;
  /** First retry delay after a failed poll (doubled up to the interval); default 1 s. */
  pollRetryBaseMs?: number;
  /** Parser options per message (e.g. the supplier code of a sending mailbox). */
  parseOptions?: OcParseOptions | ((headers: Record<string, string>) => OcParseOptions);
  /** Called for each acknowledgement that did not come in time (also logged, ids only). */
  onAlert?: (alert: MeshAlert) => void | Promise<void>;
  /** Structured log sink (ids and codes only); default JSON lines on stderr for warnings and errors. */
  logger?: MeshLogger;
}

/** The running plugin. */
export interface MeshPlugin {
  /** Base URL of the write-back bridge, e.g. `http://127.0.0.1:41234`. */
  readonly bridgeUrl: string;
  /** The URL a practice's write-back target must point at. */
  writeBackUrl(practiceOdsCode: string): string;
  /** Polls now (also runs on its own every interval); resolves with what it did. */
  pollOnce(): Promise<PollSummary>;
  /** Looks for overdue acknowledgements now (also runs on its own); returns those found. */
  checkAcknowledgements(): Promise<OutboundDelivery[]>;
  /** The correlation store of sent write-back. */
  readonly store: OutboundStore;
  /** Stops polling, the bridge and the clients; waits for a poll in progress. */
  stop(): Promise<void>;
}
