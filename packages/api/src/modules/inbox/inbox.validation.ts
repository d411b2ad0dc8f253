import { isValidNhsNumber, normaliseNhsNumber } from '@pcn-hub/schema';
import { Errors } from '../../platform/errors.js';
import { DEFAULT_SERVICE_SETTINGS } from '../../platform/context.js';
import type { ConsultationType, OcAnswer, OcAttachment, OcIce, OcRedFlag } from './inbox.codes.js';

/** A submission that passed validation: trimmed, normalised, ready to store. */
export interface CleanSubmission {
  readonly supplier: string;
  readonly supplierReference: string;
  readonly patient: {
    nhsNumber: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    /** Contact channels for replies (patient data: never logged), normalised; null when not given. */
    mobile: string | null;
    email: string | null;
  };
  readonly type: ConsultationType;
  readonly template: string;
  readonly submittedAt: Date;
  readonly answers: OcAnswer[];
  readonly redFlags: OcRedFlag[];
  readonly ice: OcIce | null;
  readonly attachments: OcAttachment[];
  readonly responseExpectedBy: Date | null;
}

export interface SubmissionInput {
  supplier: string;
  supplierReference: string;
  patient: {
    nhsNumber: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    mobile?: string | null;
    email?: string | null;
  };
  type: ConsultationType;
  template: string;
  submittedAt: Date;
  answers: readonly { questionId: string; question: string; answer: string }[];
  redFlags?: readonly { questionId: string; description: string }[] | null;
  ice?: { ideas?: string | null; concerns?: string | null; expectations?: string | null } | null;
  attachments?: readonly { fileName: string; contentType: string; sizeBytes: number; sha256?: string | null }[] | null;
  responseExpectedBy?: Date | null;
}

const SUPPLIER = /^[A-Z][A-Z0-9_]{1,39}$/;
const PRINTABLE_REFERENCE = /^[\x21-\x7e]{1,100}$/;
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;
/** Clock skew tolerated on `submittedAt` from a supplier's server. */
const SKEW_MS = 5 * 60_000;
const MAX_ANSWERS = 300;
const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The attachment limits a submission is held to (ATTACHMENT_MAX_BYTES, ATTACHMENT_CONTENT_TYPES). */
export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly contentTypes: readonly string[];
}

/** Trimmed text of 1..max characters, or BAD_USER_INPUT naming `field`. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (text.length < 1 || text.length > max) throw Errors.badInput(field, `${field} must be 1-${max} characters`);
  return text;
}

/** Trimmed text of at most max characters; empty becomes null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = (value ?? '').trim();
  if (text.length > max) throw Errors.badInput(field, `${field} must be at most ${max} characters`);
  return text.length ? text : null;
}

/**
 * Validates a submission completely before anything is stored. Every refusal is BAD_USER_INPUT
 * naming the input path; messages never echo the values (they may be patient data).
 */
export function validateSubmission(
  input: SubmissionInput,
  now: Date,
  limits: AttachmentLimits = DEFAULT_SERVICE_SETTINGS.attachments,
): CleanSubmission {
  const supplier = input.supplier.trim().toUpperCase();
  if (!SUPPLIER.test(supplier))
    throw Errors.badInput('input.supplier', 'supplier must be a code of 2-40 characters A-Z, 0-9, _');
  const supplierReference = input.supplierReference.trim();
  if (!PRINTABLE_REFERENCE.test(supplierReference)) {
    throw Errors.badInput(
      'input.supplierReference',
      'supplierReference must be 1-100 printable characters without spaces',
    );
  }
  const nhsNumber = normaliseNhsNumber(input.patient.nhsNumber);
  if (!nhsNumber || !isValidNhsNumber(nhsNumber))
    throw Errors.badInput('input.patient.nhsNumber', 'Not a valid NHS number');
  const givenName = requiredText(input.patient.givenName, 'input.patient.givenName', 100);
  const familyName = requiredText(input.patient.familyName, 'input.patient.familyName', 100);
  if (input.patient.dateOfBirth > now.toISOString().slice(0, 10)) {
    throw Errors.badInput('input.patient.dateOfBirth', 'Date of birth cannot be in the future');
  }
  const template = requiredText(input.template, 'input.template', 200);
  if (input.submittedAt.getTime() > now.getTime() + SKEW_MS) {
    throw Errors.badInput('input.submittedAt', 'submittedAt cannot be in the future');
  }
  if (input.answers.length === 0) throw Errors.badInput('input.answers', 'At least one answer is required');
  if (input.answers.length > MAX_ANSWERS) throw Errors.badInput('input.answers', `At most ${MAX_ANSWERS} answers`);
  const answers = input.answers.map((a, i) => ({
    questionId: requiredText(a.questionId, `input.answers[${i}].questionId`, 100),
    question: requiredText(a.question, `input.answers[${i}].question`, 1000),
    answer: requiredText(a.answer, `input.answers[${i}].answer`, 10_000),
  }));
  const redFlags = (input.redFlags ?? []).map((f, i) => ({
    questionId: requiredText(f.questionId, `input.redFlags[${i}].questionId`, 100),
    description: requiredText(f.description, `input.redFlags[${i}].description`, 1000),
  }));
  if (redFlags.length > MAX_ANSWERS) throw Errors.badInput('input.redFlags', `At most ${MAX_ANSWERS} red flags`);
  const ice = input.ice
    ? {
        ideas: optionalText(input.ice.ideas, 'input.ice.ideas', 5000),
        concerns: optionalText(input.ice.concerns, 'input.ice.concerns', 5000),
        expectations: optionalText(input.ice.expectations, 'input.ice.expectations', 5000),
      }
    : null;
  const attachments = (input.attachments ?? []).map((a, i) => {
    const fileName = requiredText(a.fileName, `input.attachments[${i}].fileName`, 255);
    const contentType = a.contentType.trim().toLowerCase();
    if (!MIME.test(contentType))
      throw Errors.badInput(`input.attachments[${i}].contentType`, 'contentType must be a MIME type');
    if (!Number.isInteger(a.sizeBytes) || a.sizeBytes < 0 || a.sizeBytes > MAX_ATTACHMENT_BYTES) {
      throw Errors.badInput(`input.attachments[${i}].sizeBytes`, 'sizeBytes must be 0 to 100 MB');
    }
    // The hub's own limits, refused before anything is stored (the upload is checked again).
    if (a.sizeBytes > limits.maxBytes) {
      throw Errors.badInput(
        `input.attachments[${i}].sizeBytes`,
        `sizeBytes must be at most ${limits.maxBytes} (ATTACHMENT_MAX_BYTES)`,
      );
    }
    if (!limits.contentTypes.includes(contentType)) {
      throw Errors.badInput(
        `input.attachments[${i}].contentType`,
        `contentType must be one of ${limits.contentTypes.join(', ')}`,
      );
    }
    const sha256 = a.sha256 == null || a.sha256.trim() === '' ? null : a.sha256.trim().toLowerCase();
    if (sha256 !== null && !SHA256_HEX.test(sha256))
      throw Errors.badInput(`input.attachments[${i}].sha256`, 'sha256 must be 64 hex digits');
    return sha256
      ? { fileName, contentType, sizeBytes: a.sizeBytes, sha256 }
      : { fileName, contentType, sizeBytes: a.sizeBytes };
  });
  if (attachments.length > 50) throw Errors.badInput('input.attachments', 'At most 50 attachments');
  const responseExpectedBy = input.responseExpectedBy ?? null;
  if (responseExpectedBy && responseExpectedBy.getTime() <= now.getTime()) {
    throw Errors.badInput('input.responseExpectedBy', 'responseExpectedBy must be in the future');
  }
  return {
    supplier,
    supplierReference,
    patient: {
      nhsNumber,
      givenName,
      familyName,
      dateOfBirth: input.patient.dateOfBirth,
      mobile: contactMobile(input.patient.mobile),
      email: contactEmail(input.patient.email),
    },
    type: input.type,
    template,
    submittedAt: input.submittedAt,
    answers,
    redFlags,
    ice,
    attachments,
    responseExpectedBy,
  };
}

const UK_MOBILE = /^(?:\+44|0)7\d{9}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/;

/** A UK mobile number as +447xxxxxxxxx, or null when none was given. The value is never echoed in errors. */
export function contactMobile(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const compact = value.replace(/[\s()-]/g, '');
  if (!UK_MOBILE.test(compact))
    throw Errors.badInput('input.patient.mobile', 'mobile must be a UK mobile number (07... or +447...)');
  return compact.startsWith('+44') ? compact : `+44${compact.slice(1)}`;
}

/** An e-mail address, trimmed and at most 254 characters, or null when none was given. */
export function contactEmail(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const email = value.trim();
  if (email.length > 254 || !EMAIL.test(email))
    throw Errors.badInput('input.patient.email', 'email must be an e-mail address');
  return email;
}
