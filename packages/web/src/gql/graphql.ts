/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An entry added to a consultation. */
export type AddConsultationEntryInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** The entry. */
  entry: ConsultationEntryInput;
  /** Fail with CONFLICT unless the consultation is at this revision. */
  expectedRevision?: number | null | undefined;
  /** Retry-safe key: a repeat with the same input returns the same entry. */
  idempotencyKey?: string | null | undefined;
};

/** Where an attachment is. */
export type AttachmentStatus =
  /** Released: staff who can see the consultation may download it. */
  | 'AVAILABLE'
  /** Declared with the form; its bytes have not arrived. */
  | 'AWAITING_UPLOAD'
  /** Stored, held until a scanner plugin records its verdict. */
  | 'PENDING_SCAN'
  /** The scanner found it infected; its bytes were deleted. */
  | 'REJECTED';

/** Load against the thresholds. */
export type CapacityState =
  /** At or above the hard threshold: the overflow mode decides where new work goes. */
  | 'HARD_LIMIT'
  /** Below the soft threshold: new work routes as configured. */
  | 'NORMAL'
  /** At or above the soft threshold: overflow sharing with practices begins. */
  | 'SOFT_LIMIT';

/** What a coded entry records. */
export type CodedEntryKind =
  /** A clinical finding. */
  | 'FINDING'
  /** A procedure. */
  | 'PROCEDURE';

/** Completes a consultation. */
export type CompleteConsultationInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** Outcome, 1-200 characters (e.g. "advice given", "prescription issued"). */
  outcome: string;
};

/** What a history entry did. */
export type ConsultationAction =
  /** The consultation arrived and was routed. */
  | 'ARRIVE'
  /** Cancelled. */
  | 'CANCEL'
  /** Claimed: the actor took the lock. */
  | 'CLAIM'
  /** Completed with an outcome. */
  | 'COMPLETE'
  /** A patient was matched by hand. */
  | 'MATCH'
  /** Another holder's lock was overridden, with a reason. */
  | 'OVERRIDE_LOCK'
  /** Passed back from the hub to the practice, with notes. */
  | 'PASS_BACK'
  /** Pulled from the practice to the hub. */
  | 'PULL_TO_HUB'
  /** Released: the lock was given up. */
  | 'RELEASE'
  /** Sent to a destination (queue, escalation, external service, remote close). */
  | 'SIGNPOST';

/** A coded finding or procedure. */
export type ConsultationCodedEntryInput = {
  /** FINDING (default) or PROCEDURE. */
  codedKind?: CodedEntryKind | null | undefined;
  /** SNOMED CT concept id (Verhoeff check digit, concept partition). */
  snomedCode: string;
  /** Term, 1-255 characters. */
  term: string;
};

/** Metadata of a clinical document. */
export type ConsultationDocumentEntryInput = {
  /** MIME type. */
  contentType: string;
  /** Document store reference, 1-500 characters. */
  reference: string;
  /** Size in bytes (up to 100 MiB). */
  sizeBytes: number;
  /** Title, 1-255 characters. */
  title: string;
};

/** One entry: set exactly one member. */
export type ConsultationEntryInput = {
  /** A coded finding or procedure. */
  coded?: ConsultationCodedEntryInput | null | undefined;
  /** Document metadata. */
  document?: ConsultationDocumentEntryInput | null | undefined;
  /** A medication. */
  medication?: ConsultationMedicationEntryInput | null | undefined;
  /** Free text. */
  note?: ConsultationNoteEntryInput | null | undefined;
};

/** What a consultation entry holds. */
export type ConsultationEntryKind =
  /** A SNOMED CT coded finding or procedure. */
  | 'CODED'
  /** A clinical document (metadata; the bytes are held elsewhere). */
  | 'DOCUMENT'
  /** A dm+d medication with dose and quantity. */
  | 'MEDICATION'
  /** Free text. */
  | 'NOTE';

/** A medication. */
export type ConsultationMedicationEntryInput = {
  /** dm+d code. */
  dmdCode: string;
  /** Dose instructions, 1-500 characters. */
  dose: string;
  /** Name, 1-255 characters. */
  name: string;
  /** Quantity, 1-100 characters. */
  quantity: string;
};

/** Free text. */
export type ConsultationNoteEntryInput = {
  /** An administration note (never written back). Default false. */
  adminOnly?: boolean | null | undefined;
  /** The note, 1-10,000 characters. */
  text: string;
};

/** Names a consultation and gives a reason. */
export type ConsultationReasonInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** Why, 1-2000 characters. */
  reason: string;
};

/** Names a consultation. */
export type ConsultationRefInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
};

/** Where an online consultation is in the triage workflow (see the inbox module README). */
export type ConsultationState =
  /** With care co-ordinators / administrators. */
  | 'ADMIN_QUEUE'
  /** In the owner's triage queue. */
  | 'AWAITING_TRIAGE'
  /** Cancelled with a reason. */
  | 'CANCELLED'
  /** Advice or self-care sent; awaiting completion. */
  | 'CLOSED_REMOTELY'
  /** Done; outcome recorded. */
  | 'COMPLETED'
  /** In a hub service's queue. */
  | 'HUB_SERVICE_QUEUE'
  /** Claimed from a queue and being worked on. */
  | 'IN_PROGRESS'
  /** Claimed by one triager. */
  | 'IN_TRIAGE'
  /** Passed back by the hub; awaiting triage at the practice. */
  | 'PASSED_TO_PRACTICE'
  /** Before it was stored; appears only as the "from" state of an arrival. */
  | 'RECEIVED'
  /** Signposted outside the PCN (pharmacy, 111, A&E); awaiting completion. */
  | 'SIGNPOSTED_EXTERNAL'
  /** No registered patient matched; awaiting a manual match. */
  | 'UNMATCHED'
  /** Red-flag path: needs immediate clinician action. */
  | 'URGENT_ESCALATION';

/** Clinical or administrative request. */
export type ConsultationType =
  /** An administrative request (fit note, letter, referral chase). */
  | 'ADMIN'
  /** A clinical request (symptoms, medication, results). */
  | 'CLINICAL';

/** How the patient will be contacted or seen. */
export type ContactMode =
  /** An e-mail. */
  | 'EMAIL'
  /** Seen in person. */
  | 'FACE_TO_FACE'
  /** A home visit. */
  | 'HOME_VISIT'
  /** A message through the online consultation service. */
  | 'ONLINE_MESSAGE'
  /** A text message. */
  | 'SMS'
  /** A telephone call. */
  | 'TELEPHONE'
  /** A video consultation. */
  | 'VIDEO';

/** Whether the latest changes are saved. */
export type HubConsultationState =
  /** Has unsaved changes (or was never saved). */
  | 'DRAFT'
  /** The latest version is saved; write-back has been decided for it. */
  | 'SAVED';

/** What a hub service does. */
export type HubServiceKind =
  /** Care-home support (nurses, HCAs, ward rounds). */
  | 'CARE_HOME'
  /** Network DES Enhanced Access appointments (evenings and Saturdays). */
  | 'ENHANCED_ACCESS'
  /** First-contact physiotherapy. */
  | 'FCP_PHYSIO'
  /** Mental health practitioner service. */
  | 'MENTAL_HEALTH'
  /** Minor illness: remote and face-to-face, run by prescribing ANPs. */
  | 'MINOR_ILLNESS'
  /** Any other service. */
  | 'OTHER'
  /** Clinical pharmacists and pharmacy technicians. */
  | 'PHARMACY'
  /** Social prescribing link workers. */
  | 'SOCIAL_PRESCRIBING';

/** What happened to a consultation in an inbox. */
export type InboxEventType =
  /** An attachment's bytes arrived (see OnlineConsultation.attachments); a scanner plugin may now scan it. */
  | 'ATTACHMENT_RECEIVED'
  /** A scanner plugin recorded its verdict on an attachment: it is now AVAILABLE or REJECTED. */
  | 'ATTACHMENT_SCANNED'
  /** It was cancelled. */
  | 'CANCELLED'
  /** Someone claimed it (took the lock). */
  | 'CLAIMED'
  /** It was completed. */
  | 'COMPLETED'
  /** A new consultation entered the inbox. */
  | 'CONSULTATION_ARRIVED'
  /** A lock was overridden. */
  | 'LOCK_OVERRIDDEN'
  /** The hub passed it back to the practice. */
  | 'PASSED_BACK'
  /** An unmatched consultation was matched to a patient. */
  | 'PATIENT_MATCHED'
  /** The hub pulled it from the practice. */
  | 'PULLED_TO_HUB'
  /** The lock was released. */
  | 'RELEASED'
  /** Staff sent the patient a reply; it is queued for the patient-messaging plugin. */
  | 'REPLY_REQUESTED'
  /** A reply's delivery status changed (see OnlineConsultation.replies). */
  | 'REPLY_STATUS_CHANGED'
  /** It was signposted to a destination. */
  | 'SIGNPOSTED';

/** Narrows an inbox page; all given conditions apply. */
export type InboxFilter = {
  /** True: locked by the viewer. */
  assignedToMe?: boolean | null | undefined;
  /** One folder. */
  folder?: InboxFolder | null | undefined;
  /** True: at least one red flag; false: none. */
  hasRedFlags?: boolean | null | undefined;
  /** Submitted to this practice. */
  originatingPracticeOdsCode?: string | null | undefined;
  /** Practice staff: instead of the practice's own inbox, its patients' consultations in the hub queue: every open one while the practice shares its inbox with the hub (setInboxSharing), else those awaiting triage while the hub is in SHARED_TRIAGE overflow, else none. Those awaiting triage may be claimed. */
  sharedFromHub?: boolean | null | undefined;
  /** Any of these states. */
  states?: Array<ConsultationState> | null | undefined;
  /** Clinical or admin only. */
  type?: ConsultationType | null | undefined;
  /** True: no matched patient; false: matched. */
  unmatched?: boolean | null | undefined;
  /** Any of these urgency brackets. */
  urgencies?: Array<Urgency> | null | undefined;
};

/** Inbox folders: ALL_OPEN, CLINICAL and ADMIN hold open items; the rest hold one or two states. */
export type InboxFolder =
  /** Open administrative consultations. */
  | 'ADMIN'
  /** Signposted to care co-ordinators and administrators. */
  | 'ADMIN_QUEUE'
  /** Every open consultation (neither received-only, completed nor cancelled). */
  | 'ALL_OPEN'
  /** In the owner's triage queue, unclaimed. */
  | 'AWAITING_TRIAGE'
  /** Cancelled. */
  | 'CANCELLED'
  /** Open clinical consultations. */
  | 'CLINICAL'
  /** Completed. */
  | 'COMPLETE'
  /** Signposted to a hub service's queue. */
  | 'HUB_SERVICE_QUEUE'
  /** Claimed from a queue and being worked. */
  | 'IN_PROGRESS'
  /** Claimed for triage. */
  | 'IN_TRIAGE'
  /** Open consultations past their response-expected-by time. */
  | 'OVERDUE'
  /** Passed back from the hub to the practice. */
  | 'PASSED_TO_PRACTICE'
  /** Signposted outside the PCN or closed remotely, waiting to be completed. */
  | 'SIGNPOSTED'
  /** Waiting for a patient to be matched by hand. */
  | 'UNMATCHED'
  /** Escalated on the red-flag path. */
  | 'URGENT';

/** Sort order of the inbox; ties break on submission time, then id. */
export type InboxOrder =
  /** Oldest submission first. */
  | 'OLDEST'
  /** Overdue first: open consultations past their response-expected-by time, the most overdue first; then the open ones by when they are due; then the rest (closed, or without a response-expected-by time). */
  | 'OVERDUE'
  /** Most red-flag answers first. */
  | 'RED_FLAGS'
  /** Most urgent bracket first; consultations without one last. */
  | 'URGENCY';

/** Links an unmatched consultation to a registered patient. */
export type MatchConsultationPatientInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** NHS number of a patient visible to the viewer. */
  patientNhsNumber: string;
};

/** What an organisation is within the PCN. */
export type OrganisationKind =
  /** The PCN's hub: the central team that processes online consultations. */
  | 'HUB'
  /** A Primary Care Network (ODS code U + 5 digits). */
  | 'PCN'
  /** A member GP practice (ODS code letter + 5 digits). */
  | 'PRACTICE';

/** What happens when the hub is over capacity. */
export type OverflowMode =
  /** At the hard limit, new arrivals default to the practice inbox. */
  | 'PASS_BACK_DEFAULT'
  /** From the soft limit, practices may claim their own patients' consultations from the hub queue. */
  | 'SHARED_TRIAGE';

/** Passes a hub consultation back to the registered practice. */
export type PassBackToPracticeInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** Why the hub is passing it back, 1-2000 characters. */
  reason: string;
  /** Triage notes for the practice, 1-5000 characters. */
  triageNotes: string;
};

/** Moves a practice-owned consultation to the hub inbox. */
export type PullToHubInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** Why, up to 2000 characters. */
  reason?: string | null | undefined;
};

/** A new hub consultation (a draft until saved). */
export type RecordConsultationInput = {
  /** False for admin-only consultations. Default true. */
  clinicallyRelevant?: boolean | null | undefined;
  /** Initial entries (at most 100). */
  entries?: Array<ConsultationEntryInput> | null | undefined;
  /** Retry-safe key: a repeat with the same input returns the same consultation. */
  idempotencyKey?: string | null | undefined;
  /** Global id of the inbox item it was opened from. */
  inboxConsultationId?: string | number | null | undefined;
  /** Where it takes place; default the viewer's organisation name. */
  location?: string | null | undefined;
  /** The patient (registered at a practice of the PCN). */
  nhsNumber: string;
  /** NATIVE (default for staff) or the plugin id of the product creating it (default for integrations: their client id). */
  sourceProduct?: string | null | undefined;
  /** When it started; default now. */
  startedAt?: string | null | undefined;
};

/** A platform role, carried in the `roles` claim of a token. */
export type Role =
  /** Hub care co-ordinator: admin triage and patient contact. */
  | 'HUB_ADMIN'
  /** Hub clinician: triages and consults. */
  | 'HUB_CLINICIAN'
  /** Hub manager: sets up the PCN, agreements and capacity; reads the audit trail. */
  | 'HUB_MANAGER'
  /** Hub clinician who may issue prescriptions under the PCN's cost centre. */
  | 'HUB_PRESCRIBER'
  /** A machine client such as an online consultation supplier. */
  | 'INTEGRATION'
  /** Reads PCN-level aggregates; no patient identifiers. */
  | 'PCN_ANALYST'
  /** Administrator at a member practice. */
  | 'PRACTICE_ADMIN'
  /** Clinician at a member practice. */
  | 'PRACTICE_CLINICIAN';

/** Why the current owner owns a consultation. */
export type RoutingReason =
  /** The hub was closed when it arrived: routed to the practice. */
  | 'HUB_CLOSED'
  /** The hub was at its hard limit in PASS_BACK_DEFAULT mode: defaulted to the practice. */
  | 'HUB_OVER_CAPACITY'
  /** Passed back to the practice by the hub. */
  | 'PASSED_BACK'
  /** The practice keeps its online consultations. */
  | 'PRACTICE_SETTING'
  /** Pulled from the practice to the hub. */
  | 'PULLED_TO_HUB'
  /** The practice routes to the hub inbox and the hub had capacity. */
  | 'ROUTED_TO_HUB'
  /** Claimed from the hub queue by its practice: during shared-triage overflow, or because the practice shares its inbox with the hub. */
  | 'SHARED_TRIAGE';

/** Saves the consultation as its next version. */
export type SaveConsultationInput = {
  /** Global id of the consultation. */
  consultationId: string | number;
  /** Fail with CONFLICT unless the consultation is at this revision. */
  expectedRevision?: number | null | undefined;
  /** Retry-safe key: a repeat returns the same saved consultation. */
  idempotencyKey?: string | null | undefined;
};

/** A hub service's plan for one day (replaces any earlier one). */
export type SetCapacityPlanInput = {
  /** The day (Europe/London); today or later. */
  date: string;
  /** Hard threshold, 0-100000. */
  hardThreshold: number;
  /** What happens when the hub is over capacity. */
  overflowMode: OverflowMode;
  /** Consultations the service plans to handle, 0-100000. */
  plannedCapacity: number;
  /** Global id of the hub service. */
  serviceId: string | number;
  /** Soft threshold, 0-100000, not above the hard one. */
  softThreshold: number;
};

/** Administrative sex as recorded by the practice. */
export type Sex =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE'
  /** Other (recorded as neither female nor male). */
  | 'OTHER'
  /** Not known or not recorded. */
  | 'UNKNOWN';

/** The signposting decision of triage. */
export type SignpostConsultationInput = {
  /** Note for colleagues, up to 2000 characters. */
  comment?: string | null | undefined;
  /** Global id of the consultation. */
  consultationId: string | number;
  /** Where to send it. */
  destination: SignpostDestination;
  /** How the patient will be contacted or seen. */
  mode: ContactMode;
  /** Global id of the hub service; required for HUB_SERVICE_QUEUE only. */
  serviceId?: string | number | null | undefined;
  /** The role best suited. */
  team: SignpostTeam;
  /** Type as triaged; defaults to the submitted type. */
  type?: ConsultationType | null | undefined;
  /** Response urgency bracket. */
  urgency: Urgency;
};

/** Where triage sends a consultation. */
export type SignpostDestination =
  /** Care co-ordinators / administrators of the owner. */
  | 'ADMIN_QUEUE'
  /** Advice or self-care sent; the triager keeps the lock to complete. */
  | 'CLOSED_REMOTELY'
  /** A hub service's queue (serviceId required; hub-owned consultations only). */
  | 'HUB_SERVICE_QUEUE'
  /** Outside the PCN (community pharmacy, 111, A&E); the triager keeps the lock to complete. */
  | 'SIGNPOSTED_EXTERNAL'
  /** Red-flag path; immediate clinician action. */
  | 'URGENT_ESCALATION';

/** The role best suited to the work. */
export type SignpostTeam =
  /** Administrative staff. */
  | 'ADMIN'
  /** An advanced nurse practitioner. */
  | 'ANP'
  /** A care co-ordinator. */
  | 'CARE_COORDINATOR'
  /** A GP. */
  | 'GP'
  /** A mental health practitioner. */
  | 'MENTAL_HEALTH'
  /** A practice nurse. */
  | 'NURSE'
  /** Another role. */
  | 'OTHER'
  /** A paramedic. */
  | 'PARAMEDIC'
  /** A clinical pharmacist. */
  | 'PHARMACIST'
  /** A first-contact physiotherapist. */
  | 'PHYSIOTHERAPIST'
  /** A social prescribing link worker. */
  | 'SOCIAL_PRESCRIBER';

/** Response urgency bracket, most urgent first. */
export type Urgency =
  /** Routine. */
  | 'ROUTINE'
  /** Respond today. */
  | 'SAME_DAY'
  /** Respond within three days. */
  | 'WITHIN_3_DAYS'
  /** Respond within five days. */
  | 'WITHIN_5_DAYS'
  /** Respond within 24 hours. */
  | 'WITHIN_24_HOURS';

/** What the policy decides for an entry. */
export type WriteBackDecision =
  /** Not allowed by the agreements and switches. */
  | 'BLOCKED'
  /** Not needed. */
  | 'NOT_REQUIRED'
  /** Written back to the registered practice. */
  | 'WRITE_BACK';

/** The state an entry write-back reached. */
export type WriteBackEventType =
  /** Not sent: no agreement allows it (see explainWriteBack). */
  | 'WRITE_BACK_BLOCKED'
  /** Gave up after its attempts (a dead letter): redrive or discard. */
  | 'WRITE_BACK_DEAD'
  /** The practice record acknowledged it. */
  | 'WRITE_BACK_DELIVERED'
  /** A dead letter was discarded by an administrator. */
  | 'WRITE_BACK_DISCARDED'
  /** Nothing to send (the authoring organisation is the registered practice, or the entry is admin-only). */
  | 'WRITE_BACK_NOT_REQUIRED'
  /** Decided and queued for delivery. */
  | 'WRITE_BACK_PENDING'
  /** An attempt failed; it will be retried. */
  | 'WRITE_BACK_RETRYING'
  /** An attempt is in flight. */
  | 'WRITE_BACK_SENDING';

/** Where the write-back of an entry (or, combined, of a consultation) stands. */
export type WriteBackState =
  /** Not allowed: no active agreement or the switch is off (see the reason). */
  | 'BLOCKED'
  /** Given up after the last attempt (dead letter); a hub manager may redrive or discard it. */
  | 'DEAD'
  /** The registered practice acknowledged it. */
  | 'DELIVERED'
  /** A dead letter a hub manager discarded. */
  | 'DISCARDED'
  /** Nothing to send: admin content, or the patient is registered at the authoring organisation. */
  | 'NOT_REQUIRED'
  /** Waiting to be sent. */
  | 'PENDING'
  /** Not acknowledged yet (failed or outcome unknown); will be sent again with the same message id. */
  | 'RETRYING'
  /** An attempt is in flight. */
  | 'SENDING';

export type ViewerQueryVariables = Exact<{ [key: string]: never }>;

export type ViewerQuery = {
  viewer: {
    id: string;
    kind: string;
    roles: Array<Role>;
    organisation: { id: string; odsCode: string; name: string; kind: OrganisationKind };
  };
};

export type InboxItemFragment = {
  id: string;
  state: ConsultationState;
  type: ConsultationType;
  template: string;
  submittedAt: string;
  responseExpectedBy: string | null;
  urgency: Urgency | null;
  redFlagCount: number;
  routingReason: RoutingReason;
  triageNotes: string | null;
  lock: { holder: string; since: string; expiresAt: string } | null;
  originatingPractice: { id: string; odsCode: string; name: string };
  ownerOrganisation: { id: string; odsCode: string; name: string };
  patient: { id: string; givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
  submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
};

export type InboxQueryVariables = Exact<{
  organisation: string;
  filter?: InboxFilter | null | undefined;
  orderBy?: InboxOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type InboxQuery = {
  inbox: {
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        state: ConsultationState;
        type: ConsultationType;
        template: string;
        submittedAt: string;
        responseExpectedBy: string | null;
        urgency: Urgency | null;
        redFlagCount: number;
        routingReason: RoutingReason;
        triageNotes: string | null;
        lock: { holder: string; since: string; expiresAt: string } | null;
        originatingPractice: { id: string; odsCode: string; name: string };
        ownerOrganisation: { id: string; odsCode: string; name: string };
        patient: { id: string; givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
        submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
      };
    }>;
    folderCounts: Array<{ folder: InboxFolder; count: number }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type InboxEventsSubscriptionVariables = Exact<{
  organisation: string;
  after?: string | null | undefined;
}>;

export type InboxEventsSubscription = {
  inboxEvents:
    | {
        __typename: 'InboxEvent';
        seq: number;
        cursor: string;
        type: InboxEventType;
        consultationId: string;
        actorId: string | null;
        at: string;
        consultation: {
          id: string;
          state: ConsultationState;
          type: ConsultationType;
          template: string;
          submittedAt: string;
          responseExpectedBy: string | null;
          urgency: Urgency | null;
          redFlagCount: number;
          routingReason: RoutingReason;
          triageNotes: string | null;
          lock: { holder: string; since: string; expiresAt: string } | null;
          originatingPractice: { id: string; odsCode: string; name: string };
          ownerOrganisation: { id: string; odsCode: string; name: string };
          patient: { id: string; givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
          submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
        } | null;
      }
    | { __typename: 'InboxHeartbeat'; at: string; latestSeq: number }
    | { __typename: 'InboxResyncRequired'; latestSeq: number; reason: string };
};

export type ConsultationDetailFragment = {
  supplier: string;
  supplierReference: string;
  outcome: string | null;
  id: string;
  state: ConsultationState;
  type: ConsultationType;
  template: string;
  submittedAt: string;
  responseExpectedBy: string | null;
  urgency: Urgency | null;
  redFlagCount: number;
  routingReason: RoutingReason;
  triageNotes: string | null;
  answers: Array<{ questionId: string; question: string; answer: string }>;
  redFlags: Array<{ questionId: string; description: string }>;
  ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
  attachments: Array<{
    position: number;
    attachmentId: string | null;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    status: AttachmentStatus;
  }>;
  history: Array<{
    action: ConsultationAction;
    from: ConsultationState;
    to: ConsultationState;
    actorId: string;
    at: string;
    reason: string | null;
  }>;
  signpost: {
    team: SignpostTeam;
    urgency: Urgency;
    mode: ContactMode;
    type: ConsultationType;
    destination: SignpostDestination;
    comment: string | null;
    signpostedBy: string;
    signpostedAt: string;
    service: { id: string; name: string } | null;
  } | null;
  patient: {
    id: string;
    sex: Sex;
    givenName: string;
    familyName: string;
    nhsNumber: string;
    dateOfBirth: string;
    registeredPractice: { id: string; odsCode: string; name: string };
  } | null;
  lock: { holder: string; since: string; expiresAt: string } | null;
  originatingPractice: { id: string; odsCode: string; name: string };
  ownerOrganisation: { id: string; odsCode: string; name: string };
  submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
};

export type ConsultationQueryVariables = Exact<{
  id: string | number;
}>;

export type ConsultationQuery = {
  onlineConsultation: {
    supplier: string;
    supplierReference: string;
    outcome: string | null;
    id: string;
    state: ConsultationState;
    type: ConsultationType;
    template: string;
    submittedAt: string;
    responseExpectedBy: string | null;
    urgency: Urgency | null;
    redFlagCount: number;
    routingReason: RoutingReason;
    triageNotes: string | null;
    answers: Array<{ questionId: string; question: string; answer: string }>;
    redFlags: Array<{ questionId: string; description: string }>;
    ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
    attachments: Array<{
      position: number;
      attachmentId: string | null;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      status: AttachmentStatus;
    }>;
    history: Array<{
      action: ConsultationAction;
      from: ConsultationState;
      to: ConsultationState;
      actorId: string;
      at: string;
      reason: string | null;
    }>;
    signpost: {
      team: SignpostTeam;
      urgency: Urgency;
      mode: ContactMode;
      type: ConsultationType;
      destination: SignpostDestination;
      comment: string | null;
      signpostedBy: string;
      signpostedAt: string;
      service: { id: string; name: string } | null;
    } | null;
    patient: {
      id: string;
      sex: Sex;
      givenName: string;
      familyName: string;
      nhsNumber: string;
      dateOfBirth: string;
      registeredPractice: { id: string; odsCode: string; name: string };
    } | null;
    lock: { holder: string; since: string; expiresAt: string } | null;
    originatingPractice: { id: string; odsCode: string; name: string };
    ownerOrganisation: { id: string; odsCode: string; name: string };
    submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
  };
};

export type AttachmentDownloadLinkQueryVariables = Exact<{
  attachmentId: string | number;
}>;

export type AttachmentDownloadLinkQuery = {
  attachmentDownloadLink: { attachmentId: string; url: string; expiresAt: string };
};

export type HubServicesQueryVariables = Exact<{ [key: string]: never }>;

export type HubServicesQuery = { hubServices: Array<{ id: string; name: string; kind: HubServiceKind }> };

export type ClaimMutationVariables = Exact<{
  input: ConsultationRefInput;
}>;

export type ClaimMutation = {
  claimConsultation: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type ReleaseMutationVariables = Exact<{
  input: ConsultationRefInput;
}>;

export type ReleaseMutation = {
  releaseConsultation: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type OverrideLockMutationVariables = Exact<{
  input: ConsultationReasonInput;
}>;

export type OverrideLockMutation = {
  overrideConsultationLock: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type SignpostMutationVariables = Exact<{
  input: SignpostConsultationInput;
}>;

export type SignpostMutation = {
  signpostConsultation: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type PassBackMutationVariables = Exact<{
  input: PassBackToPracticeInput;
}>;

export type PassBackMutation = {
  passBackToPractice: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type PullToHubMutationVariables = Exact<{
  input: PullToHubInput;
}>;

export type PullToHubMutation = {
  pullToHub: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type CompleteMutationVariables = Exact<{
  input: CompleteConsultationInput;
}>;

export type CompleteMutation = {
  completeConsultation: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type CancelMutationVariables = Exact<{
  input: ConsultationReasonInput;
}>;

export type CancelMutation = {
  cancelConsultation: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type MatchPatientMutationVariables = Exact<{
  input: MatchConsultationPatientInput;
}>;

export type MatchPatientMutation = {
  matchConsultationPatient: {
    consultation: {
      supplier: string;
      supplierReference: string;
      outcome: string | null;
      id: string;
      state: ConsultationState;
      type: ConsultationType;
      template: string;
      submittedAt: string;
      responseExpectedBy: string | null;
      urgency: Urgency | null;
      redFlagCount: number;
      routingReason: RoutingReason;
      triageNotes: string | null;
      answers: Array<{ questionId: string; question: string; answer: string }>;
      redFlags: Array<{ questionId: string; description: string }>;
      ice: { ideas: string | null; concerns: string | null; expectations: string | null } | null;
      attachments: Array<{
        position: number;
        attachmentId: string | null;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        status: AttachmentStatus;
      }>;
      history: Array<{
        action: ConsultationAction;
        from: ConsultationState;
        to: ConsultationState;
        actorId: string;
        at: string;
        reason: string | null;
      }>;
      signpost: {
        team: SignpostTeam;
        urgency: Urgency;
        mode: ContactMode;
        type: ConsultationType;
        destination: SignpostDestination;
        comment: string | null;
        signpostedBy: string;
        signpostedAt: string;
        service: { id: string; name: string } | null;
      } | null;
      patient: {
        id: string;
        sex: Sex;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        dateOfBirth: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      lock: { holder: string; since: string; expiresAt: string } | null;
      originatingPractice: { id: string; odsCode: string; name: string };
      ownerOrganisation: { id: string; odsCode: string; name: string };
      submittedPatient: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string } | null;
    };
  };
};

export type HubConsultationDetailFragment = {
  id: string;
  state: HubConsultationState;
  revision: number;
  version: number;
  location: string;
  startedAt: string;
  savedAt: string | null;
  savedBy: string | null;
  inboxConsultationId: string | null;
  writeBackState: WriteBackState | null;
  patient: {
    id: string;
    givenName: string;
    familyName: string;
    nhsNumber: string;
    registeredPractice: { id: string; odsCode: string; name: string };
  } | null;
  entries: Array<{
    id: string;
    kind: ConsultationEntryKind;
    unsaved: boolean;
    removed: boolean;
    coded: { snomedCode: string; term: string; codedKind: CodedEntryKind } | null;
    note: { text: string; adminOnly: boolean } | null;
    writeBack: { state: WriteBackState; decision: WriteBackDecision; reason: string } | null;
  }>;
};

export type HubConsultationQueryVariables = Exact<{
  id: string | number;
}>;

export type HubConsultationQuery = {
  hubConsultation: {
    id: string;
    state: HubConsultationState;
    revision: number;
    version: number;
    location: string;
    startedAt: string;
    savedAt: string | null;
    savedBy: string | null;
    inboxConsultationId: string | null;
    writeBackState: WriteBackState | null;
    patient: {
      id: string;
      givenName: string;
      familyName: string;
      nhsNumber: string;
      registeredPractice: { id: string; odsCode: string; name: string };
    } | null;
    entries: Array<{
      id: string;
      kind: ConsultationEntryKind;
      unsaved: boolean;
      removed: boolean;
      coded: { snomedCode: string; term: string; codedKind: CodedEntryKind } | null;
      note: { text: string; adminOnly: boolean } | null;
      writeBack: { state: WriteBackState; decision: WriteBackDecision; reason: string } | null;
    }>;
  };
};

export type RecordConsultationMutationVariables = Exact<{
  input: RecordConsultationInput;
}>;

export type RecordConsultationMutation = {
  recordConsultation: {
    consultation: {
      id: string;
      state: HubConsultationState;
      revision: number;
      version: number;
      location: string;
      startedAt: string;
      savedAt: string | null;
      savedBy: string | null;
      inboxConsultationId: string | null;
      writeBackState: WriteBackState | null;
      patient: {
        id: string;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      entries: Array<{
        id: string;
        kind: ConsultationEntryKind;
        unsaved: boolean;
        removed: boolean;
        coded: { snomedCode: string; term: string; codedKind: CodedEntryKind } | null;
        note: { text: string; adminOnly: boolean } | null;
        writeBack: { state: WriteBackState; decision: WriteBackDecision; reason: string } | null;
      }>;
    };
  };
};

export type AddEntryMutationVariables = Exact<{
  input: AddConsultationEntryInput;
}>;

export type AddEntryMutation = {
  addConsultationEntry: {
    consultation: {
      id: string;
      state: HubConsultationState;
      revision: number;
      version: number;
      location: string;
      startedAt: string;
      savedAt: string | null;
      savedBy: string | null;
      inboxConsultationId: string | null;
      writeBackState: WriteBackState | null;
      patient: {
        id: string;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      entries: Array<{
        id: string;
        kind: ConsultationEntryKind;
        unsaved: boolean;
        removed: boolean;
        coded: { snomedCode: string; term: string; codedKind: CodedEntryKind } | null;
        note: { text: string; adminOnly: boolean } | null;
        writeBack: { state: WriteBackState; decision: WriteBackDecision; reason: string } | null;
      }>;
    };
  };
};

export type SaveConsultationMutationVariables = Exact<{
  input: SaveConsultationInput;
}>;

export type SaveConsultationMutation = {
  saveConsultation: {
    consultation: {
      id: string;
      state: HubConsultationState;
      revision: number;
      version: number;
      location: string;
      startedAt: string;
      savedAt: string | null;
      savedBy: string | null;
      inboxConsultationId: string | null;
      writeBackState: WriteBackState | null;
      patient: {
        id: string;
        givenName: string;
        familyName: string;
        nhsNumber: string;
        registeredPractice: { id: string; odsCode: string; name: string };
      } | null;
      entries: Array<{
        id: string;
        kind: ConsultationEntryKind;
        unsaved: boolean;
        removed: boolean;
        coded: { snomedCode: string; term: string; codedKind: CodedEntryKind } | null;
        note: { text: string; adminOnly: boolean } | null;
        writeBack: { state: WriteBackState; decision: WriteBackDecision; reason: string } | null;
      }>;
    };
  };
};

export type ExplainWriteBackQueryVariables = Exact<{
  entryId: string | number;
}>;

export type ExplainWriteBackQuery = {
  explainWriteBack: {
    entryId: string;
    decision: WriteBackDecision;
    willWriteBack: boolean;
    reasons: Array<string>;
    targetOrganisation: { id: string; name: string };
  };
};

export type WriteBackEventsSubscriptionVariables = Exact<{
  organisation: string;
  after?: string | null | undefined;
}>;

export type WriteBackEventsSubscription = {
  writeBackEvents:
    | {
        __typename: 'WriteBackEvent';
        seq: number;
        cursor: string;
        type: WriteBackEventType;
        state: WriteBackState;
        entryId: string;
        consultationId: string;
      }
    | { __typename: 'WriteBackHeartbeat' }
    | { __typename: 'WriteBackResyncRequired'; latestSeq: number };
};

export type CapacityPlanFieldsFragment = {
  serviceId: string;
  date: string;
  plannedCapacity: number;
  softThreshold: number;
  hardThreshold: number;
  overflowMode: OverflowMode;
};

export type HubCapacityQueryVariables = Exact<{ [key: string]: never }>;

export type HubCapacityQuery = {
  hubCapacity: {
    date: string;
    load: number;
    state: CapacityState;
    overflowMode: OverflowMode | null;
    plannedCapacity: number;
    softThreshold: number;
    hardThreshold: number;
    services: Array<{
      load: number;
      state: CapacityState;
      service: { id: string; name: string; kind: HubServiceKind };
      plan: {
        serviceId: string;
        date: string;
        plannedCapacity: number;
        softThreshold: number;
        hardThreshold: number;
        overflowMode: OverflowMode;
      } | null;
    }>;
  };
};

export type SetCapacityPlanMutationVariables = Exact<{
  input: SetCapacityPlanInput;
}>;

export type SetCapacityPlanMutation = {
  setCapacityPlan: {
    plan: {
      serviceId: string;
      date: string;
      plannedCapacity: number;
      softThreshold: number;
      hardThreshold: number;
      overflowMode: OverflowMode;
    };
  };
};

export const InboxItemFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InboxItemFragment, unknown>;
export const ConsultationDetailFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsultationDetailFragment, unknown>;
export const HubConsultationDetailFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HubConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HubConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'location' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'inboxConsultationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'writeBackState' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unsaved' } },
                { kind: 'Field', name: { kind: 'Name', value: 'removed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'snomedCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'term' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'codedKind' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'note' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'adminOnly' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'writeBack' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HubConsultationDetailFragment, unknown>;
export const CapacityPlanFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CapacityPlanFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CapacityPlan' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'serviceId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'date' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plannedCapacity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'softThreshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hardThreshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overflowMode' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CapacityPlanFieldsFragment, unknown>;
export const ViewerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Viewer' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'viewer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'organisation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const InboxDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Inbox' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'organisation' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'OdsCode' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'InboxFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'InboxOrder' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inbox' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'organisation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'organisation' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'orderBy' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'folderCounts' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'folder' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const InboxEventsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'InboxEvents' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'organisation' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'OdsCode' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inboxEvents' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'organisation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'organisation' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'InboxEvent' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'seq' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'consultationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'consultation' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'InboxHeartbeat' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'latestSeq' } },
                    ],
                  },
                },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'InboxResyncRequired' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'latestSeq' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InboxEventsSubscription, InboxEventsSubscriptionVariables>;
export const ConsultationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Consultation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'onlineConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConsultationQuery, ConsultationQueryVariables>;
export const AttachmentDownloadLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AttachmentDownloadLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'attachmentId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachmentDownloadLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'attachmentId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'attachmentId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AttachmentDownloadLinkQuery, AttachmentDownloadLinkQueryVariables>;
export const HubServicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'HubServices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'hubServices' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HubServicesQuery, HubServicesQueryVariables>;
export const ClaimDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Claim' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConsultationRefInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'claimConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ClaimMutation, ClaimMutationVariables>;
export const ReleaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Release' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConsultationRefInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'releaseConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReleaseMutation, ReleaseMutationVariables>;
export const OverrideLockDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'OverrideLock' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConsultationReasonInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'overrideConsultationLock' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverrideLockMutation, OverrideLockMutationVariables>;
export const SignpostDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Signpost' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SignpostConsultationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpostConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SignpostMutation, SignpostMutationVariables>;
export const PassBackDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PassBack' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PassBackToPracticeInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'passBackToPractice' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PassBackMutation, PassBackMutationVariables>;
export const PullToHubDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PullToHub' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PullToHubInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pullToHub' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PullToHubMutation, PullToHubMutationVariables>;
export const CompleteDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Complete' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompleteConsultationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteMutation, CompleteMutationVariables>;
export const CancelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Cancel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConsultationReasonInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cancelConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelMutation, CancelMutationVariables>;
export const MatchPatientDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'MatchPatient' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'MatchConsultationPatientInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'matchConsultationPatient' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InboxItem' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'template' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseExpectedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redFlagCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'routingReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'triageNotes' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'lock' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'holder' } },
                { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'originatingPractice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ownerOrganisation' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submittedPatient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'OnlineConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'InboxItem' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplier' } },
          { kind: 'Field', name: { kind: 'Name', value: 'supplierReference' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answers' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redFlags' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'questionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ideas' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concerns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectations' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attachments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attachmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signpost' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'team' } },
                { kind: 'Field', name: { kind: 'Name', value: 'urgency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'destination' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'signpostedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sex' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MatchPatientMutation, MatchPatientMutationVariables>;
export const HubConsultationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'HubConsultation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'hubConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HubConsultationDetail' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HubConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HubConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'location' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'inboxConsultationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'writeBackState' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unsaved' } },
                { kind: 'Field', name: { kind: 'Name', value: 'removed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'snomedCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'term' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'codedKind' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'note' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'adminOnly' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'writeBack' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HubConsultationQuery, HubConsultationQueryVariables>;
export const RecordConsultationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordConsultation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'RecordConsultationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HubConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HubConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HubConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'location' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'inboxConsultationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'writeBackState' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unsaved' } },
                { kind: 'Field', name: { kind: 'Name', value: 'removed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'snomedCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'term' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'codedKind' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'note' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'adminOnly' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'writeBack' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordConsultationMutation, RecordConsultationMutationVariables>;
export const AddEntryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddEntry' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AddConsultationEntryInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addConsultationEntry' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HubConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HubConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HubConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'location' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'inboxConsultationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'writeBackState' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unsaved' } },
                { kind: 'Field', name: { kind: 'Name', value: 'removed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'snomedCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'term' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'codedKind' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'note' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'adminOnly' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'writeBack' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddEntryMutation, AddEntryMutationVariables>;
export const SaveConsultationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveConsultation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SaveConsultationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveConsultation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consultation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HubConsultationDetail' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HubConsultationDetail' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HubConsultation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'location' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'savedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'inboxConsultationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'writeBackState' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'patient' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'registeredPractice' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'odsCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'entries' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unsaved' } },
                { kind: 'Field', name: { kind: 'Name', value: 'removed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coded' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'snomedCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'term' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'codedKind' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'note' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'adminOnly' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'writeBack' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveConsultationMutation, SaveConsultationMutationVariables>;
export const ExplainWriteBackDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ExplainWriteBack' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'entryId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'explainWriteBack' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'entryId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'entryId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'entryId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                { kind: 'Field', name: { kind: 'Name', value: 'willWriteBack' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reasons' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'targetOrganisation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ExplainWriteBackQuery, ExplainWriteBackQueryVariables>;
export const WriteBackEventsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'WriteBackEvents' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'organisation' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'OdsCode' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'writeBackEvents' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'organisation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'organisation' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'WriteBackEvent' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'seq' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'entryId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'consultationId' } },
                    ],
                  },
                },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'WriteBackResyncRequired' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'latestSeq' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WriteBackEventsSubscription, WriteBackEventsSubscriptionVariables>;
export const HubCapacityDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'HubCapacity' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'hubCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                { kind: 'Field', name: { kind: 'Name', value: 'load' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overflowMode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plannedCapacity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'softThreshold' } },
                { kind: 'Field', name: { kind: 'Name', value: 'hardThreshold' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'services' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'load' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'service' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'plan' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CapacityPlanFields' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CapacityPlanFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CapacityPlan' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'serviceId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'date' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plannedCapacity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'softThreshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hardThreshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overflowMode' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HubCapacityQuery, HubCapacityQueryVariables>;
export const SetCapacityPlanDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetCapacityPlan' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetCapacityPlanInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setCapacityPlan' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'plan' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CapacityPlanFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CapacityPlanFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CapacityPlan' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'serviceId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'date' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plannedCapacity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'softThreshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hardThreshold' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overflowMode' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetCapacityPlanMutation, SetCapacityPlanMutationVariables>;
