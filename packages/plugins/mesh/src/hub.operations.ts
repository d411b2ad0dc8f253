/**
 * The hub operations the MESH plugin uses, as typed documents over `@pcn-hub/sdk/client`. Each
 * selects only what the plugin reads (the generated ones select every field, including bodies
 * and patient record entries the plugin has no business fetching).
 */
import { TypedDocumentString } from '@pcn-hub/sdk/client';
import type {
  InboundMessageState,
  RecordInboundMessageInput,
  RecordWriteBackAcknowledgementInput,
  SettleInboundMessageInput,
  SubmitOnlineConsultationInput,
} from '@pcn-hub/sdk/client';

/** An inbound message as the plugin reads it back. */
export interface HubInboundMessage {
  id: string;
  messageId: string;
  mailboxId: string;
  messageType: string;
  workflowId: string | null;
  state: InboundMessageState;
  receivedAt: string;
}

/** An inbound message with its headers and body (crash recovery re-parses it). */
export interface HubInboundMessageWithBody extends HubInboundMessage {
  headers: { name: string; value: string }[];
  bodyBase64: string;
}

const INBOUND_FIELDS = 'id messageId mailboxId messageType workflowId state receivedAt';

/** Stores a downloaded message with the hub (before acknowledging it to MESH). */
export const RECORD_INBOUND = new TypedDocumentString<
  { recordInboundMessage: { alreadyRecorded: boolean; message: HubInboundMessage } },
  { input: RecordInboundMessageInput }
>(`mutation MeshRecordInbound($input: RecordInboundMessageInput!) {
  recordInboundMessage(input: $input) { alreadyRecorded message { ${INBOUND_FIELDS} } }
}`);

/** Records the parse outcome of a stored message. */
export const SETTLE_INBOUND = new TypedDocumentString<
  { settleInboundMessage: { message: HubInboundMessage } },
  { input: SettleInboundMessageInput }
>(`mutation MeshSettleInbound($input: SettleInboundMessageInput!) {
  settleInboundMessage(input: $input) { message { ${INBOUND_FIELDS} } }
}`);

/** A page of messages to settle. */
export interface InboundToSettlePage {
  edges: { node: HubInboundMessageWithBody }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The hub's stored messages not yet settled, oldest first. */
export const INBOUND_TO_SETTLE = new TypedDocumentString<
  { inboundMessagesToSettle: InboundToSettlePage },
  { mailboxId?: string | null; first?: number | null; after?: string | null }
>(`query MeshInboundToSettle($mailboxId: String, $first: Int, $after: String) {
  inboundMessagesToSettle(mailboxId: $mailboxId, first: $first, after: $after) {
    edges { node { ${INBOUND_FIELDS} headers { name value } bodyBase64 } }
    pageInfo { hasNextPage endCursor }
  }
}`);

/** What submitOnlineConsultation answers. */
export interface SubmittedConsultation {
  consultationId: string;
  created: boolean;
  state: string;
}

/** Submits an online consultation (idempotent on supplier + supplierReference). */
export const SUBMIT_ONLINE_CONSULTATION = new TypedDocumentString<
  { submitOnlineConsultation: SubmittedConsultation },
  { input: SubmitOnlineConsultationInput }
>(`mutation MeshSubmitOnlineConsultation($input: SubmitOnlineConsultationInput!) {
  submitOnlineConsultation(input: $input) { consultationId created state }
}`);

/** A patient's demographics, as the Send Document message needs them. */
export interface HubPatientDemographics {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  registeredPractice: { odsCode: string; name: string };
}

/** Looks a patient up by NHS number. */
export const PATIENT_DEMOGRAPHICS = new TypedDocumentString<
  { patient: HubPatientDemographics },
  { nhsNumber: string }
>(`query MeshPatient($nhsNumber: NHSNumber!) {
  patient(nhsNumber: $nhsNumber) { nhsNumber givenName familyName dateOfBirth registeredPractice { odsCode name } }
}`);

/** Reports the receiving practice system's acknowledgement of a write-back message. */
export const RECORD_WRITE_BACK_ACK = new TypedDocumentString<
  {
    recordWriteBackAcknowledgement: { delivery: { messageId: string; state: string; acknowledgement: string | null } };
  },
  { input: RecordWriteBackAcknowledgementInput }
>(`mutation MeshWriteBackAck($input: RecordWriteBackAcknowledgementInput!) {
  recordWriteBackAcknowledgement(input: $input) { delivery { messageId state acknowledgement } }
}`);
