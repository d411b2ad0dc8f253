/** Types of the inbound MESH poller: the durable store it writes to and what it reports. */
import type { ItkResponse } from './itk.response.js';
import type { MeshClient } from './mesh.client.js';
import type { MeshErrorCode } from './mesh.errors.js';
import type { MeshMessageType, MeshReport } from './mesh.types.js';
import type { OcFile } from './oc.files.js';
import type { OcInboundFormat, OcParseOptions, ParseFailure, SubmitOnlineConsultationInput } from './oc.types.js';

/** A downloaded message as the store keeps it (raw bytes and headers, before any parsing). */
export interface InboundMessage {
  meshMessageId: string;
  /** The hub mailbox it arrived in. */
  mailboxId: string;
  messageType: MeshMessageType;
  workflowId: string | undefined;
  /** mex-* headers and content-type; may carry patient data (mex-subject): never log. */
  headers: Record<string, string>;
  body: Buffer;
  chunkCount: number;
  receivedAt: Date;
}

/** What became of a persisted message. */
export type InboundOutcome =
  | { kind: 'SUBMITTED'; format: OcInboundFormat; supplierReference: string; result: unknown }
  | { kind: 'PARSE_FAILED'; failure: ParseFailure }
  | { kind: 'REPORT'; report: MeshReport }
  | { kind: 'ITK_RESPONSE'; response: ItkResponse };

/** A failure that left a message in the MESH inbox (not persisted, not acknowledged). */
export interface InboundDownloadFailure {
  meshMessageId: string;
  code: MeshErrorCode;
  retryable: boolean;
  /** Attempts so far by this poller. */
  attempt: number;
}

/**
 * Durable storage of inbound messages. `persist` must be durable before it resolves (the poller
 * acknowledges to MESH only afterwards) and idempotent on meshMessageId: persisting a message
 * again returns whether its processing already completed.
 */
export interface InboundStore {
  persist(message: InboundMessage): Promise<{ alreadyProcessed: boolean }>;
  /** Records the outcome; afterwards `persist` of the same id answers alreadyProcessed: true. */
  markProcessed(meshMessageId: string, outcome: InboundOutcome): Promise<void>;
  /** Persisted messages whose processing has not completed (crash recovery), oldest first. */
  pending(): Promise<InboundMessage[]>;
  /** Records a download that failed (kept for inspection; the message stays in MESH). */
  recordDownloadFailure?(failure: InboundDownloadFailure): Promise<void>;
}

/**
 * Thrown by a {@link SubmitOnlineConsultation} when the hub refused the consultation for good (no
 * retry helps): the poller settles the message PARSE_FAILED with this reason instead of retrying
 * it every poll. The message must carry codes and field names only, never patient data.
 */
export class SubmissionRejectedError extends Error {
  override readonly name = 'SubmissionRejectedError';
}

/**
 * Hands a parsed consultation to the hub's ingest, then the bytes of its attachments (`files`);
 * the idempotency key is the MESH message id. Throw {@link SubmissionRejectedError} for a
 * permanent refusal; any other error leaves the message pending (retried next poll).
 */
export type SubmitOnlineConsultation = (
  input: SubmitOnlineConsultationInput,
  idempotencyKey: string,
  files?: readonly OcFile[],
) => Promise<unknown>;

/** Structured log sink; fields carry ids and codes only, never payloads or subjects. */
export type MeshLogger = (
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, string | number | boolean | undefined>,
) => void;

/** The MESH operations the poller uses. */
export type MeshInboxClient = Pick<MeshClient, 'mailboxId' | 'drain' | 'download' | 'acknowledge'>;

/** Options of {@link MeshPoller}. */
export interface MeshPollerOptions {
  client: MeshInboxClient;
  store: InboundStore;
  submit: SubmitOnlineConsultation;
  /** Time between polls when the inbox was drained; default 5 minutes (MESH's limit). */
  intervalMs?: number;
  /** First retry delay after a failed poll, doubled each time up to the interval; default 1 s. */
  retryBaseMs?: number;
  /** Listing page size; default 500. */
  pageSize?: number;
  /** Non-retryable download failures of one message before the poller leaves it to expire; default 3. */
  maxDownloadAttempts?: number;
  /**
   * Workflow ids this mailbox takes online consultations on. When given, a DATA message on any
   * other workflow (except *_ACK responses) is kept as PARSE_FAILED with UNKNOWN_WORKFLOW.
   */
  workflowIds?: readonly string[];
  /** Parser options per message (e.g. the supplier code configured for the sending mailbox). */
  parseOptions?: (message: InboundMessage) => OcParseOptions;
  /** Called for REPORT messages (e.g. to end an outbound delivery). */
  onReport?: (report: MeshReport, message: InboundMessage) => Promise<void>;
  /** Called for ITK3 responses (ITK008M) arriving on an *_ACK workflow. */
  onItkResponse?: (response: ItkResponse, message: InboundMessage) => Promise<void>;
  logger?: MeshLogger;
  clock?: () => Date;
}

/** Counts of one poll. */
export interface PollSummary {
  listed: number;
  processed: number;
  /** Messages that were already processed (re-delivered after a crash) and only acknowledged. */
  duplicates: number;
  parseFailures: number;
  downloadFailures: number;
  /** Messages persisted but not completed (e.g. submit failed); retried next poll. */
  pending: number;
  /** Messages the store failed to persist; left in MESH unacknowledged for the next poll. */
  storeFailures: number;
  /** Recovered from the store at the start of the poll. */
  recovered: number;
}
