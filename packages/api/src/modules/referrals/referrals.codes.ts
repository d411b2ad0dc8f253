/** Coded values of the referrals module (ids and codes only travel in events). */

/** Technical agreements between a practice and the hub that some methods need (docs/domain/model.md#agreements). */
export const AGREEMENT_TYPES = ['CROSS_ORG_APPOINTMENTS', 'CROSS_ORG_TASKS'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const AGREEMENT_STATES = ['REQUESTED', 'ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

/** How the hub knows a patient: booked in unregistered (awaiting trace), traced, or registered by GP Connect. */
export const HUB_REGISTRATION_TYPES = ['UNREGISTERED', 'TRACED', 'GP_CONNECT'] as const;
export type HubRegistrationType = (typeof HUB_REGISTRATION_TYPES)[number];

/** Registration types under which the hub may see the patient without a trace. */
export const KNOWN_REGISTRATIONS: readonly HubRegistrationType[] = ['TRACED', 'GP_CONNECT'];

export const TRACE_TASK_STATES = ['OPEN', 'TRACED', 'FAILED'] as const;
export type TraceTaskState = (typeof TRACE_TASK_STATES)[number];

/** What a cross-organisation task is about (EMIS task categories, simplified). */
export const TASK_CATEGORIES = [
  'ADMIN',
  'CLINICAL_REVIEW',
  'MEDICATION',
  'RESULTS',
  'APPOINTMENT_REQUEST',
  'OTHER',
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

/** Document formats a referral letter may have. */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'text/plain',
  'image/jpeg',
  'image/png',
  'application/xml',
] as const;

export const LIMITS = {
  reason: 2000,
  subject: 200,
  body: 5000,
  title: 255,
  reference: 500,
  maxDocumentBytes: 20 * 1024 * 1024,
} as const;
