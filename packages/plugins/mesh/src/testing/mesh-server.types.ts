/** Types of the local MESH server used by tests. */

/** A mailbox on the local server. */
export interface MeshServerMailbox {
  /** Mailbox id (stored upper-case). */
  id: string;
  /** Mailbox password (part of the HMAC). */
  password: string;
  /** Workflow ids this mailbox may send and receive. */
  workflows: string[];
  /** ODS code of the organisation, for endpoint lookup. */
  odsCode?: string;
  /** Display name. */
  name?: string;
}

/** Options of {@link startMeshServer}. */
export interface MeshServerOptions {
  mailboxes: MeshServerMailbox[];
  /** The environment shared secret (HMAC key). */
  sharedSecret: string;
  /** Server clock (auth window, expiry, timestamps); default the real clock. */
  clock?: () => Date;
  /** Days an unacknowledged message stays in an inbox; default 5. */
  inboxExpiryDays?: number;
  /** Page size when max_results is absent; default 500. */
  defaultMaxResults?: number;
  /**
   * What a send to an unknown mailbox does: 'report' (default) accepts it and puts a REPORT with
   * code 12 in the sender's inbox; 'reject' answers 417 with code 12 as mesh-sandbox does.
   */
  unknownRecipient?: 'report' | 'reject';
  /** Serve HTTPS with this key and certificate; `ca` + requestCert demand client certificates. */
  tls?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer; requestCert?: boolean };
}

/** Server-side message states (mesh-sandbox model). */
export type MeshServerMessageStatus = 'uploading' | 'accepted' | 'acknowledged' | 'undeliverable' | 'error';

/** The error event recorded on a message that could not be delivered. */
export interface MeshServerErrorEvent {
  event: string;
  code: string;
  description: string;
  linkedMessageId: string;
  at: Date;
}

/** A message as the server holds it. */
export interface StoredMessage {
  messageId: string;
  messageType: 'DATA' | 'REPORT';
  /** Sender mailbox (for REPORT messages: the mailbox the report is for). */
  sender: string;
  /** Mailbox whose inbox holds (or will hold) it, when resolved. */
  recipient: string | undefined;
  /** mex-to as the sender addressed it (mailbox id or GPPROVIDER_...). */
  addressedTo: string;
  workflowId: string;
  subject: string | undefined;
  localId: string | undefined;
  fileName: string | undefined;
  checksum: string | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  partnerId: string | undefined;
  totalChunks: number;
  /** Chunk bytes as uploaded (still gzipped when content-encoding is gzip). */
  chunks: Map<number, Buffer>;
  status: MeshServerMessageStatus;
  createdAt: Date;
  acceptedAt: Date | undefined;
  acknowledgedAt: Date | undefined;
  statusAt: Date;
  /** For REPORT messages and for DATA messages that failed: what happened. */
  errorEvent: MeshServerErrorEvent | undefined;
  /** Position in the recipient's inbox, for paging. */
  inboxSeq: number;
}

/** A message as tests inspect it: the body joined and decompressed. */
export interface InspectedMessage {
  messageId: string;
  messageType: 'DATA' | 'REPORT';
  sender: string;
  recipient: string | undefined;
  addressedTo: string;
  workflowId: string;
  status: MeshServerMessageStatus;
  totalChunks: number;
  receivedChunks: number;
  subject: string | undefined;
  localId: string | undefined;
  fileName: string | undefined;
  checksum: string | undefined;
  contentEncoding: string | undefined;
  /** Joined, decompressed payload (only when every chunk is present and decodes). */
  body: Buffer | undefined;
  errorEvent: MeshServerErrorEvent | undefined;
}

/** A message put straight into an inbox by a test (bypassing HTTP and the sender's checks). */
export interface InjectedMessage {
  to: string;
  from?: string;
  workflowId: string;
  /** Chunks stored as given (gzip them yourself when contentEncoding is gzip). */
  chunks?: Buffer[];
  /** Shorthand for one uncompressed chunk. */
  body?: Buffer | string;
  contentEncoding?: 'gzip';
  subject?: string;
  localId?: string;
  fileName?: string;
  checksum?: string;
  contentType?: string;
}

/** An HTTP answer produced by a route. */
export interface MeshReply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | Record<string, unknown>;
}

/** One request the server saw. */
export interface MeshRequestLogEntry {
  method: string;
  path: string;
  /** HTTP status; 0 for a hung request, -1 for a reset connection. */
  status: number;
  /** Why authentication failed, when it did (the client is never told). */
  authFailure?: string;
}
