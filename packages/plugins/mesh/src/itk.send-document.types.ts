/** Types of the GP Connect Send Document renderer (itk.send-document.ts). */
import type { FhirObject } from './fhir.json.js';

/** A patient as the document names them; must match the routing values exactly. */
export interface SendDocumentPatient {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
}

/** An organisation by ODS code. */
export interface SendDocumentOrganisation {
  odsCode: string;
  name: string;
  telephone?: string;
}

/** A SNOMED CT coded entry of the consultation. */
export interface SendDocumentCodedEntry {
  /** SNOMED CT concept id. */
  code: string;
  display: string;
  /** Free text the clinician attached. */
  text?: string;
}

/** The consultation summary to send. */
export interface ConsultationSummaryDocument {
  /** The hub consultation id: SenderReference and the Encounter identifier. */
  consultationId: string;
  /** The id of this version of the document (Composition.identifier); a new one per version. */
  documentId: string;
  /** 1 for the first document, incremented for each replacement. */
  version: number;
  /** documentId of the version this one replaces (required when version > 1). */
  replacesDocumentId?: string;
  /** Document title; default "Consultation report". */
  title?: string;
  patient: SendDocumentPatient;
  /** The sending organisation (the hub): custodian and MESH mex-localid. */
  sender: SendDocumentOrganisation;
  /** Where the patient was seen (named in the subject). */
  seenAt: SendDocumentOrganisation;
  /** The registered practice, when known (Patient.generalPractitioner). */
  registeredPractice?: SendDocumentOrganisation;
  /** The clinician responsible. */
  author?: { name: string; sdsUserId?: string };
  /** Consultation period (ISO date-times). */
  encounter: { start: string; end?: string };
  entries: SendDocumentCodedEntry[];
  /** The rendered summary. */
  summary: { text: string; contentType: 'text/plain' | 'text/html' };
  /** When the document was created (ISO date-time). */
  createdAt: string;
}

/** How the MESH message is addressed. */
export type SendDocumentAddressing =
  | { kind: 'MAILBOX'; mailboxId: string }
  /** GPPROVIDER_<NHS>_<DOB>_<Surname>; the DOB format differs between sources
   * (docs/domain/national-interfaces.md#automatic-routing-to-the-registered-practice). */
  | { kind: 'AUTOMATIC'; dobFormat: 'DDMMYYYY' | 'YYYYMMDD' };

/** Options of {@link renderSendDocument}. */
export interface SendDocumentOptions {
  /** The hub's MESH mailbox (MessageHeader.source.endpoint). */
  senderMailboxId: string;
  addressing: SendDocumentAddressing;
  /** Subject wording: Send Document 1.3.2 (default, with version) or GP Connect Messaging 1.x. */
  subjectStyle?: '1.3.2' | '1.x';
  /** FA (for action, default) or FI (for information). */
  recipientType?: 'FA' | 'FI';
  /** ITKMessageHandling LocalExtension; default "None". */
  localExtension?: string;
  /** Id generator (UUIDs); injectable for deterministic tests. */
  newId?: () => string;
}

/** The MESH fields of a Send Document message (body excluded). */
export interface SendDocumentMeshHeaders {
  to: string;
  workflowId: string;
  /** Carries the patient's name and NHS number by specification: never log it. */
  subject: string;
  /** The sender's ODS code. */
  localId: string;
  fileName: string;
  contentType: string;
}

/** A rendered Send Document message. */
export interface RenderedSendDocument {
  /** MessageHeader.id and Bundle.id (the same UUID, so a response quoting either correlates). */
  itkMessageId: string;
  /** Composition.identifier of this version. */
  documentId: string;
  /** The ITK3 message bundle. */
  bundle: FhirObject;
  /** The bundle serialised: the MESH payload. */
  body: string;
  mesh: SendDocumentMeshHeaders;
}
