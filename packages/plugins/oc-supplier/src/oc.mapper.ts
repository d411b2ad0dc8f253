import type { OcAnswerInput, OcRedFlagInput, SubmitOnlineConsultationInput } from '@pcn-hub/sdk/client';
import { OcFormError, type FormIssue } from './oc.errors.js';
import {
  isLocalDate,
  isOdsCode,
  isSupplierCode,
  isValidNhsNumber,
  normaliseNhsNumber,
  parseDateTime,
} from './oc.identifiers.js';
import type { SupplierAnswer, SupplierForm } from './oc.types.js';

/** Options of {@link toSubmitOnlineConsultationInput}. */
export interface FormMapperOptions {
  /** The supplier code the hub de-duplicates under, e.g. `ACME_OC` (upper-cased). */
  readonly supplier: string;
  /** The current time, for the "not in the future" checks; default now. */
  readonly now?: Date;
}

const REFERENCE = /^[\x21-\x7e]{1,100}$/;
const MAX_ANSWERS = 300;
/** Clock skew tolerated on `submittedAt` (the hub allows the same). */
const SKEW_MS = 5 * 60_000;

type Issues = FormIssue[];

function text(value: unknown, field: string, max: number, issues: Issues): string {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({ field, message: 'is required' });
    return '';
  }
  const trimmed = value.trim();
  if (trimmed.length > max) issues.push({ field, message: `is longer than ${max} characters` });
  return trimmed;
}

function optionalText(value: unknown, field: string, max: number, issues: Issues): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return text(value, field, max, issues);
}

function answersOf(form: SupplierForm, issues: Issues): OcAnswerInput[] {
  const list: readonly SupplierAnswer[] = Array.isArray(form.answers) ? form.answers : [];
  if (list.length === 0) {
    issues.push({ field: 'answers', message: 'must hold at least one answer' });
    return [];
  }
  if (list.length > MAX_ANSWERS) issues.push({ field: 'answers', message: `must hold at most ${MAX_ANSWERS} answers` });
  const seen = new Set<string>();
  return list.map((answer, i) => {
    const questionId = text(answer.questionId, `answers[${i}].questionId`, 100, issues);
    if (questionId && seen.has(questionId))
      issues.push({ field: `answers[${i}].questionId`, message: 'repeats an earlier question id' });
    seen.add(questionId);
    return {
      questionId,
      question: text(answer.question, `answers[${i}].question`, 1000, issues),
      answer: text(answer.answer, `answers[${i}].answer`, 10_000, issues),
    };
  });
}

function redFlagsOf(form: SupplierForm, answers: readonly OcAnswerInput[], issues: Issues): OcRedFlagInput[] {
  const flags = form.redFlags ?? [];
  if (flags.length > MAX_ANSWERS) issues.push({ field: 'redFlags', message: `must hold at most ${MAX_ANSWERS} flags` });
  const questionIds = new Set(answers.map((answer) => answer.questionId));
  return flags.map((flag, i) => {
    const questionId = text(flag.questionId, `redFlags[${i}].questionId`, 100, issues);
    // A flag on a question the form does not hold would show triage a red flag it cannot read.
    if (questionId && !questionIds.has(questionId))
      issues.push({ field: `redFlags[${i}].questionId`, message: 'names no answer of the form' });
    return { questionId, description: text(flag.description, `redFlags[${i}].description`, 1000, issues) };
  });
}

/**
 * Maps a supplier's form to the hub's `SubmitOnlineConsultationInput`. Validates everything first
 * (the hub's own rules, plus: red flags name answers of the form, question ids are unique) and
 * throws {@link OcFormError} listing every field at fault; messages never carry the values.
 */
export function toSubmitOnlineConsultationInput(
  form: SupplierForm,
  options: FormMapperOptions,
): SubmitOnlineConsultationInput {
  const issues: Issues = [];
  const now = options.now ?? new Date();
  const supplier = options.supplier.trim().toUpperCase();
  // A misconfigured adapter, not a bad form: fail loudly.
  if (!isSupplierCode(supplier)) throw new TypeError('supplier must be 2-40 of A-Z, 0-9, _ starting with a letter');
  if (typeof form !== 'object' || (form as unknown) === null)
    throw new OcFormError([{ field: '(form)', message: 'must be an object' }]);

  const supplierReference = typeof form.supplierReference === 'string' ? form.supplierReference.trim() : '';
  if (!REFERENCE.test(supplierReference)) {
    issues.push({ field: 'supplierReference', message: 'must be 1-100 printable characters without spaces' });
  }
  const practice = typeof form.practiceOdsCode === 'string' ? form.practiceOdsCode.trim().toUpperCase() : '';
  if (!isOdsCode(practice)) issues.push({ field: 'practiceOdsCode', message: 'is not an ODS code' });

  const patient = (form.patient as SupplierForm['patient'] | undefined) ?? {
    nhsNumber: '',
    givenName: '',
    familyName: '',
    dateOfBirth: '',
  };
  const nhsNumber = typeof patient.nhsNumber === 'string' ? normaliseNhsNumber(patient.nhsNumber) : '';
  if (!isValidNhsNumber(nhsNumber)) issues.push({ field: 'patient.nhsNumber', message: 'is not a valid NHS number' });
  const givenName = text(patient.givenName, 'patient.givenName', 100, issues);
  const familyName = text(patient.familyName, 'patient.familyName', 100, issues);
  const dateOfBirth = typeof patient.dateOfBirth === 'string' ? patient.dateOfBirth.trim() : '';
  if (!isLocalDate(dateOfBirth)) issues.push({ field: 'patient.dateOfBirth', message: 'must be a date YYYY-MM-DD' });
  else if (dateOfBirth > now.toISOString().slice(0, 10))
    issues.push({ field: 'patient.dateOfBirth', message: 'is in the future' });

  // Typed, but a JavaScript caller or a parsed e-mail may send anything.
  const type: unknown = form.type;
  if (type !== 'CLINICAL' && type !== 'ADMIN') issues.push({ field: 'type', message: 'must be CLINICAL or ADMIN' });
  const template = text(form.template, 'template', 200, issues);
  const submittedAt = parseDateTime(typeof form.submittedAt === 'string' ? form.submittedAt.trim() : '');
  if (!submittedAt) issues.push({ field: 'submittedAt', message: 'must be an RFC 3339 date-time with a zone' });
  else if (submittedAt.getTime() > now.getTime() + SKEW_MS)
    issues.push({ field: 'submittedAt', message: 'is in the future' });

  const answers = answersOf(form, issues);
  const redFlags = redFlagsOf(form, answers, issues);
  const ice = form.ice
    ? {
        ideas: optionalText(form.ice.ideas, 'ice.ideas', 5000, issues),
        concerns: optionalText(form.ice.concerns, 'ice.concerns', 5000, issues),
        expectations: optionalText(form.ice.expectations, 'ice.expectations', 5000, issues),
      }
    : null;
  let responseExpectedBy: string | null = null;
  if (form.responseExpectedBy != null) {
    const parsed = parseDateTime(typeof form.responseExpectedBy === 'string' ? form.responseExpectedBy.trim() : '');
    if (!parsed) issues.push({ field: 'responseExpectedBy', message: 'must be an RFC 3339 date-time with a zone' });
    else if (parsed.getTime() <= now.getTime())
      issues.push({ field: 'responseExpectedBy', message: 'must be in the future' });
    else responseExpectedBy = parsed.toISOString();
  }

  if (issues.length > 0 || !submittedAt) throw new OcFormError(issues);
  return {
    supplier,
    supplierReference,
    originatingPracticeOdsCode: practice,
    patient: { nhsNumber, givenName, familyName, dateOfBirth },
    type: form.type,
    template,
    submittedAt: submittedAt.toISOString(),
    answers,
    ...(redFlags.length > 0 ? { redFlags } : {}),
    ...(ice ? { ice } : {}),
    ...(responseExpectedBy ? { responseExpectedBy } : {}),
  };
}
