/** Types of the outbound Send Document delivery: its states, store and options. */
import type { ConsultationSummaryDocument } from './itk.send-document.types.js';
import type { MeshClient } from './mesh.client.js';
import type { MeshLogger } from './mesh.inbound.types.js';

/**
 * Delivery states (docs/domain/national-interfaces.md#message-and-exchange-states, MESH outbound + ITK3 exchange):
 * QUEUED -> SENT (MESH accepted)
 * -> INF_ACKED (20013) -> DELIVERED (positive business ack). FAILED is the dead letter: a MESH
 * error REPORT, a negative ITK3 code, or sending given up. TIMED_OUT raises an alert; a late
 * acknowledgement still moves it on.
 */
export type OutboundState = 'QUEUED' | 'SENT' | 'INF_ACKED' | 'DELIVERED' | 'TIMED_OUT' | 'FAILED';

/** Why a delivery failed or timed out. Codes and ids only: no patient data. */
export interface OutboundFailure {
  source: 'SEND' | 'ROUTING' | 'MESH_REPORT' | 'ITK_NACK' | 'ACK_TIMEOUT';
  /** MeshError code, MESH status code (e.g. "12", "EPL-151"), ITK code (e.g. "30002"). */
  code: string;
  reason: string;
}

/** One Send Document delivery. */
export interface OutboundDelivery {
  /** Local id: the request's `id`, by default `<consultationId>:v<version>`. */
  id: string;
  consultationId: string;
  documentId: string;
  version: number;
  itkMessageId: string;
  /** mex-to: a mailbox id or a GPPROVIDER_ address (patient data: never log). */
  to: string;
  /** ODS code of the receiving organisation, when the caller named it (correlation). */
  recipientOdsCode: string | undefined;
  /** The serialised ITK3 bundle, kept for retries. */
  body: string;
  subject: string;
  localId: string;
  fileName: string;
  meshMessageId: string | undefined;
  state: OutboundState;
  attempts: number;
  createdAt: Date;
  sentAt: Date | undefined;
  infAck: { code: string; at: Date } | undefined;
  busAck: { code: string; at: Date } | undefined;
  failure: OutboundFailure | undefined;
}

/** Durable storage of deliveries. */
export interface OutboundStore {
  /** Inserts or replaces by id. */
  save(delivery: OutboundDelivery): Promise<void>;
  get(id: string): Promise<OutboundDelivery | undefined>;
  byMeshMessageId(meshMessageId: string): Promise<OutboundDelivery | undefined>;
  byItkMessageId(itkMessageId: string): Promise<OutboundDelivery | undefined>;
  /** Deliveries in SENT or INF_ACKED (waiting for acknowledgements). */
  awaitingAck(): Promise<OutboundDelivery[]>;
}

/** How the registered practice's mailbox is found. */
export type OutboundRouting =
  /** GET /endpointlookup/{ods}/GPFED_CONSULT_REPORT; exactly one mailbox must match. */
  | { kind: 'ENDPOINT_LOOKUP'; odsCode: string }
  /** GPPROVIDER_<NHS>_<DOB>_<Surname> with the DOB format agreed at onboarding. */
  | { kind: 'AUTOMATIC'; dobFormat: 'DDMMYYYY' | 'YYYYMMDD' }
  | { kind: 'MAILBOX'; mailboxId: string };

/** The MESH operations the sender uses. */
export type MeshOutboxClient = Pick<MeshClient, 'mailboxId' | 'send' | 'endpointLookup'>;

/** Options of {@link SendDocumentSender}. */
export interface SendDocumentSenderOptions {
  client: MeshOutboxClient;
  store: OutboundStore;
  /** Attempts for a send failing with a retryable error; default 5. */
  maxAttempts?: number;
  /** First retry delay, doubled per attempt; default 1 s. */
  retryBaseMs?: number;
  /**
   * Leave retries to the caller: a retryable failure makes one attempt only and resolves with the
   * delivery still QUEUED (stored when it was rendered), so a later `send` of the same id tries
   * again with the same message. For callers that are themselves retried (a webhook endpoint).
   */
  deferRetries?: boolean;
  /** Time allowed for the infrastructure acknowledgement after sending; default 24 hours. */
  infAckTimeoutMs?: number;
  /** Time allowed for the business acknowledgement after the infrastructure one; default 5 days. */
  busAckTimeoutMs?: number;
  /** Called when a delivery reaches FAILED (the dead letter). */
  onDeadLetter?: (delivery: OutboundDelivery) => void | Promise<void>;
  /** Called when an acknowledgement is overdue. */
  onAlert?: (delivery: OutboundDelivery) => void | Promise<void>;
  logger?: MeshLogger;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  newId?: () => string;
}

/** What to send. */
export interface SendDocumentRequest {
  document: ConsultationSummaryDocument;
  routing: OutboundRouting;
  /** The delivery's local id (the idempotency key); default `<consultationId>:v<version>`. */
  id?: string;
  /** ODS code of the receiving organisation, kept on the delivery for correlation. */
  recipientOdsCode?: string;
  /** Start over when the recorded delivery FAILED (a redrive) instead of returning it. */
  restartFailed?: boolean;
}
