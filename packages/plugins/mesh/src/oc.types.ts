/**
 * Inbound online consultation types. `SubmitOnlineConsultationInput` and its nested inputs mirror
 * the hub's GraphQL input of the same name (packages/schema/schema.graphql) field for field, so a
 * parsed consultation can be passed to `submitOnlineConsultation` as it is.
 */
import type { OcFile } from './oc.files.js';

/** GraphQL `ConsultationType`. */
export type ConsultationType = 'CLINICAL' | 'ADMIN';

/** GraphQL `OcAnswerInput`: one answer of the form. */
export interface OcAnswerInput {
  /** The answer, 1-10000 characters. */
  answer: string;
  /** The question, 1-1000 characters. */
  question: string;
  /** The supplier's question id, 1-100 characters. */
  questionId: string;
}

/** GraphQL `OcAttachmentInput`: attachment metadata (the bytes follow by upload, see {@link OcFile}). */
export interface OcAttachmentInput {
  contentType: string;
  fileName: string;
  sizeBytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256?: string;
}

/** GraphQL `OcIceInput`: ideas, concerns and expectations. */
export interface OcIceInput {
  concerns?: string;
  expectations?: string;
  ideas?: string;
}

/** GraphQL `OcPatientInput`: demographics as the patient entered them. */
export interface OcPatientInput {
  /** LocalDate, YYYY-MM-DD. */
  dateOfBirth: string;
  familyName: string;
  givenName: string;
  /** Ten digits, modulus 11 checked. */
  nhsNumber: string;
}

/** GraphQL `OcRedFlagInput`: an answer the supplier flagged red. */
export interface OcRedFlagInput {
  description: string;
  questionId: string;
}

/** GraphQL `SubmitOnlineConsultationInput`. */
export interface SubmitOnlineConsultationInput {
  answers: OcAnswerInput[];
  attachments?: OcAttachmentInput[];
  ice?: OcIceInput;
  /** ODS code of the practice the patient submitted to. */
  originatingPracticeOdsCode: string;
  patient: OcPatientInput;
  redFlags?: OcRedFlagInput[];
  /** DateTime (UTC, RFC 3339). */
  responseExpectedBy?: string;
  /** DateTime (UTC, RFC 3339). */
  submittedAt: string;
  /** ECONSULT, OTHER, or another 2-40 character code (A-Z, 0-9, _). */
  supplier: string;
  /** The supplier's reference (de-duplication key). */
  supplierReference: string;
  template: string;
  type: ConsultationType;
}

/**
 * The plain structured-JSON shape for suppliers that do not send the GP Connect Online
 * Consultation Report (format "pcn-hub.oc.v1"). Unknown fields are ignored.
 */
export interface PcnHubOcV1 {
  format: 'pcn-hub.oc.v1';
  /** Supplier code: ECONSULT, OTHER, or 2-40 characters A-Z, 0-9, _ (upper-cased). */
  supplier: string;
  /** Unique per supplier; resubmissions with the same reference are duplicates. */
  supplierReference: string;
  originatingPracticeOdsCode: string;
  type: ConsultationType;
  /** Form template name. */
  template: string;
  /** RFC 3339 date-time with a zone (Z or an offset). */
  submittedAt: string;
  /** RFC 3339 date-time with a zone. */
  responseExpectedBy?: string;
  patient: {
    /** Required by the hub; a message without one is kept as unparseable. */
    nhsNumber?: string;
    givenName: string;
    familyName: string;
    /** YYYY-MM-DD. */
    dateOfBirth: string;
  };
  /** At least one; blank answers are dropped. questionId defaults to q1, q2, ... */
  answers: { question: string; answer: string; questionId?: string }[];
  redFlags?: { questionId: string; description: string }[];
  ice?: OcIceInput;
  /** Each may carry its bytes as `contentBase64`; the plugin uploads them after submitting. */
  attachments?: (OcAttachmentInput & { contentBase64?: string })[];
}

/** Which inbound shape a message was read as. */
export type OcInboundFormat = 'GP_CONNECT_OC_REPORT' | 'PCN_HUB_OC_V1';

/** Why a message could not be parsed. */
export type ParseFailureCode =
  | 'NOT_JSON'
  | 'UNSUPPORTED_CONTENT'
  | 'UNKNOWN_FORMAT'
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  /** A DATA message on a workflow the mailbox does not take online consultations on. */
  | 'UNKNOWN_WORKFLOW'
  /** Parsed, but the hub refused it for good (e.g. a practice outside the PCN). */
  | 'REJECTED';

/**
 * An unparseable message. `reason` names fields and rules only, never values, so it can be
 * logged and shown to hub admins without exposing patient data.
 */
export interface ParseFailure {
  code: ParseFailureCode;
  reason: string;
  format: OcInboundFormat | undefined;
}

/** Result of {@link parseInboundOnlineConsultation}; `files` are the bytes of the declared attachments that came with it. */
export type OcParseResult =
  | { ok: true; format: OcInboundFormat; input: SubmitOnlineConsultationInput; files: OcFile[] }
  | { ok: false; failure: ParseFailure };

/** Options of the inbound parser. */
export interface OcParseOptions {
  /** Supplier code to use when the message does not say (e.g. configured per sending mailbox). */
  supplier?: string;
  /** Consultation type when the message does not say; default CLINICAL. */
  type?: ConsultationType;
}
