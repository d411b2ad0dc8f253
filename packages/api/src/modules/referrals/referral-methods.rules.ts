import { isValidNhsNumber } from '@pcn-hub/schema';
import type { ReferralMethod } from '../hub-services/index.js';
import {
  DOCUMENT_CONTENT_TYPES,
  LIMITS,
  TASK_CATEGORIES,
  type AgreementType,
  type TaskCategory,
} from './referrals.codes.js';
import { ReferralErrors } from './referrals.errors.js';
import type { DocumentMetadata } from '../../platform/documents.js';

/**
 * What a referral method needs and does (docs/domain/workflows.md#referral-methods: a pluggable method with
 * declared capabilities). The referral service reads these properties instead of switching on
 * the method, so adding a method is adding a strategy.
 */
export interface ReferralMethodProperties {
  /** The booking registers the patient at the hub (no trace step). */
  readonly registersPatientAutomatically: boolean;
  /** When a slot is booked, a patient unknown to the hub must be traced before the referral is READY. */
  readonly needsTraceStep: boolean;
  /** The practice<->hub agreement that must be ACTIVE, if any. */
  readonly requiredAgreement: AgreementType | null;
  /** The practice books a hub slot as part of the referral. */
  readonly needsSlot: boolean;
  /** The slot's book must be open to GP Connect-style booking. */
  readonly needsGpConnectBook: boolean;
  /** The practice must be in the hub's organisation group. */
  readonly needsOrganisationGroup: boolean;
  /** Recording the patient's consent to the hub accessing their record is mandatory. */
  readonly needsConsent: boolean;
  /** Who starts it: a practice (referPatient) or the hub (referFromConsultation). */
  readonly initiator: 'PRACTICE' | 'HUB';
}

/** A request as received by `referPatient` (ids already decoded). */
export interface ReferralRequest {
  readonly method: ReferralMethod;
  readonly slotId?: string | null;
  readonly consentToRecordAccess?: boolean | null;
  readonly task?: {
    readonly teamId: string;
    readonly subject: string;
    readonly category: TaskCategory;
    readonly body?: string | null;
  } | null;
  readonly document?: DocumentMetadata | null;
}

/** The method-specific details to store, after checking. */
export interface MethodDetails {
  readonly slotId: string | null;
  readonly task: { teamId: string; subject: string; category: TaskCategory; body: string | null } | null;
  readonly document: DocumentMetadata | null;
}

export interface ReferralMethodStrategy {
  readonly method: ReferralMethod;
  readonly properties: ReferralMethodProperties;
  /** Checks the method's own inputs before anything is read or written; throws BAD_USER_INPUT naming the field. */
  check(request: ReferralRequest): MethodDetails;
}

const text = (value: string | null | undefined, field: string, max: number): string => {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length < 1 || trimmed.length > max) throw ReferralErrors.badText(field, max);
  return trimmed;
};

/** A 10-digit run that is a valid NHS number: the one identifier we can recognise for sure. */
const carriesNhsNumber = (value: string): boolean =>
  (value.replace(/[\s-]/g, '').match(/\d{10}/g) ?? []).some((digits) => isValidNhsNumber(digits));

function noExtras(request: ReferralRequest, allowed: readonly ('slotId' | 'task' | 'document')[]): void {
  for (const field of ['slotId', 'task', 'document'] as const) {
    if (!allowed.includes(field) && request[field] != null)
      throw ReferralErrors.notUsed(`input.${field}`, request.method);
  }
}

function bookingCheck(request: ReferralRequest): MethodDetails {
  noExtras(request, ['slotId']);
  if (!request.slotId) throw ReferralErrors.required('input.slotId', request.method);
  return { slotId: request.slotId, task: null, document: null };
}

function taskCheck(request: ReferralRequest): MethodDetails {
  noExtras(request, ['task']);
  const task = request.task;
  if (!task) throw ReferralErrors.required('input.task', request.method);
  const subject = text(task.subject, 'input.task.subject', LIMITS.subject);
  if (carriesNhsNumber(subject)) throw ReferralErrors.identifierInSubject();
  if (!TASK_CATEGORIES.includes(task.category)) throw ReferralErrors.badText('input.task.category', 40);
  const body = task.body?.trim() ? text(task.body, 'input.task.body', LIMITS.body) : null;
  return { slotId: null, task: { teamId: task.teamId, subject, category: task.category, body }, document: null };
}

function documentCheck(request: ReferralRequest): MethodDetails {
  noExtras(request, ['document']);
  const doc = request.document;
  if (!doc) throw ReferralErrors.required('input.document', request.method);
  const title = text(doc.title, 'input.document.title', LIMITS.title);
  const contentType = doc.contentType.trim().toLowerCase();
  if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) throw ReferralErrors.badContentType();
  if (!Number.isInteger(doc.sizeBytes) || doc.sizeBytes < 1 || doc.sizeBytes > LIMITS.maxDocumentBytes) {
    throw ReferralErrors.badSize(LIMITS.maxDocumentBytes);
  }
  const reference = text(doc.reference, 'input.document.reference', LIMITS.reference);
  return { slotId: null, task: null, document: { title, contentType, sizeBytes: doc.sizeBytes, reference } };
}

/**
 * A method's properties: what `differences` does not say is the plain case, a referral by a
 * practice that traces a patient unknown to the hub and needs no slot, agreement, GP Connect book,
 * organisation group or consent.
 */
const properties = (differences: Partial<ReferralMethodProperties>): ReferralMethodProperties => ({
  registersPatientAutomatically: false,
  needsTraceStep: true,
  requiredAgreement: null,
  needsSlot: false,
  needsGpConnectBook: false,
  needsOrganisationGroup: false,
  needsConsent: false,
  initiator: 'PRACTICE',
  ...differences,
});

/** The strategies, one per method. */
export const REFERRAL_METHOD_STRATEGIES: Readonly<Record<ReferralMethod, ReferralMethodStrategy>> = {
  CROSS_ORGANISATION_BOOKING: {
    method: 'CROSS_ORGANISATION_BOOKING',
    properties: properties({ requiredAgreement: 'CROSS_ORG_APPOINTMENTS', needsSlot: true, needsConsent: true }),
    check: bookingCheck,
  },
  GP_CONNECT_BOOKING: {
    method: 'GP_CONNECT_BOOKING',
    properties: properties({
      registersPatientAutomatically: true,
      needsTraceStep: false,
      needsSlot: true,
      needsGpConnectBook: true,
      needsOrganisationGroup: true,
    }),
    check: bookingCheck,
  },
  INBOX_SIGNPOST: {
    method: 'INBOX_SIGNPOST',
    properties: properties({ initiator: 'HUB' }),
    check: (request) => {
      noExtras(request, []);
      return { slotId: null, task: null, document: null };
    },
  },
  CROSS_ORGANISATION_TASK: {
    method: 'CROSS_ORGANISATION_TASK',
    properties: properties({ requiredAgreement: 'CROSS_ORG_TASKS' }),
    check: taskCheck,
  },
  DOCUMENT_SEND: { method: 'DOCUMENT_SEND', properties: properties({}), check: documentCheck },
};

export function strategyOf(method: ReferralMethod): ReferralMethodStrategy {
  return REFERRAL_METHOD_STRATEGIES[method];
}
