/** Configuration and result types of the MESH client. */
import type { MeshClock } from './mesh.auth.js';

/** Default chunk size for outbound messages: 20 MB of uncompressed data per chunk. */
export const DEFAULT_CHUNK_SIZE_BYTES = 20 * 1024 * 1024;

/** MESH rejects single requests above 100 MB (docs/domain/national-interfaces.md#mesh-sending-and-chunking). */
export const MESH_MAX_REQUEST_BYTES = 100 * 1024 * 1024;

/** Default per-request timeout. */
export const DEFAULT_MESH_TIMEOUT_MS = 60_000;

/** The v2 media type MESH answers in JSON with paging links. */
export const MESH_V2_ACCEPT = 'application/vnd.mesh.v2+json';

/** Client TLS material for mutual TLS (used when baseUrl is https). */
export interface MeshTlsOptions {
  /** Client certificate (PEM); MESH requires one. */
  cert?: string | Buffer;
  /** Client private key (PEM). */
  key?: string | Buffer;
  /** CA bundle that signs the MESH server certificate (PEM). */
  ca?: string | Buffer | (string | Buffer)[];
  /** Server name for SNI and certificate checks, when it differs from the URL host. */
  servername?: string;
}

/** Configuration of {@link MeshClient}. */
export interface MeshClientConfig {
  /** e.g. https://msg.intspineservices.nhs.uk (paths are appended under /messageexchange). */
  baseUrl: string;
  /** This mailbox's id. */
  mailboxId: string;
  /** This mailbox's password. */
  password: string;
  /** The environment's shared secret (HMAC key). */
  sharedSecret: string;
  /** Client certificate, key and CA; required by real MESH, optional for the local server. */
  tls?: MeshTlsOptions;
  /** Per-request inactivity timeout; default 60 s. */
  timeoutMs?: number;
  /** Uncompressed bytes per outbound chunk; default 20 MB. */
  chunkSizeBytes?: number;
  /** Gzip outbound chunks (content-encoding gzip); default true. */
  compress?: boolean;
  /** Clock for the authorisation header's timestamp. */
  clock?: MeshClock;
  /** Sent as mex-clientversion. */
  clientVersion?: string;
}

/** One page of an inbox listing. */
export interface MeshInboxPage {
  /** Message ids on this page, oldest first. */
  messageIds: string[];
  /** Path of the next page (links.next), when the server has more. */
  nextPath: string | undefined;
  /** The server's approximate inbox size, when given. */
  approxInboxCount: number | undefined;
}

/** DATA (a payload) or REPORT (a status report about a sent message, empty body). */
export type MeshMessageType = 'DATA' | 'REPORT';

/** A REPORT message parsed from its mex-* headers. */
export interface MeshReport {
  /** The message the report is about (mex-linkedmsgid). */
  linkedMessageId: string | undefined;
  /** mex-statuscode: "00" success; e.g. "12", "14", "17", "EPL-151" errors. */
  statusCode: string | undefined;
  /** mex-statusevent, e.g. SEND or TRANSFER. */
  statusEvent: string | undefined;
  /** mex-statusdescription. */
  description: string | undefined;
  /** mex-statussuccess is SUCCESS (or the code is "00"). */
  success: boolean;
  /** mex-localid of the original message. */
  localId: string | undefined;
  /** mex-statustimestamp, as sent. */
  statusTimestamp: string | undefined;
}

/** A downloaded message, all chunks joined and decompressed. */
export interface MeshDownloadedMessage {
  /** MESH message id. */
  messageId: string;
  /** DATA or REPORT. */
  messageType: MeshMessageType;
  /** The mex-* headers (lower-case names) plus content-type; may carry patient data: never log. */
  headers: Record<string, string>;
  /** The payload (empty for REPORT). */
  body: Buffer;
  /** How many chunks it arrived in. */
  chunkCount: number;
  /** Whether mex-content-checksum was present in a known form and matched. */
  checksumVerified: boolean;
  /** The parsed report, for REPORT messages. */
  report: MeshReport | undefined;
}

/** What to send. */
export interface MeshSendRequest {
  /** Recipient mailbox id, or an automatic routing address (GPPROVIDER_...). */
  to: string;
  /** Workflow id. */
  workflowId: string;
  /** The payload. */
  body: Buffer | string;
  /** mex-subject (may carry patient data by specification: never logged). */
  subject?: string;
  /** mex-localid: the sender's reference; must not carry patient data. */
  localId?: string;
  /** mex-filename. */
  fileName?: string;
  /** content-type of the payload. */
  contentType?: string;
  /** Override the client's compress setting for this message. */
  compress?: boolean;
}

/** Result of a send. */
export interface MeshSendResult {
  /** The MESH message id the server assigned. */
  messageId: string;
  /** Number of chunks uploaded. */
  chunkCount: number;
  /** The checksum sent as mex-content-checksum. */
  checksum: string;
}

/** Tracking information for a sent message (v2 tracking response). */
export interface MeshTracking {
  messageId: string;
  localId: string | undefined;
  workflowId: string | undefined;
  recipient: string | undefined;
  /** Server state, e.g. uploading, accepted, acknowledged, undeliverable, error. */
  status: string | undefined;
  statusSuccess: boolean | undefined;
  statusCode: string | undefined;
  statusEvent: string | undefined;
  statusDescription: string | undefined;
  statusTimestamp: string | undefined;
  uploadTimestamp: string | undefined;
  expiryTime: string | undefined;
}

/** A mailbox found by endpoint lookup. */
export interface MeshEndpoint {
  mailboxId: string;
  mailboxName: string | undefined;
}
