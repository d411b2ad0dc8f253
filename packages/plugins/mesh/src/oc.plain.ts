/** Reading the plain structured-JSON online consultation shape "pcn-hub.oc.v1" ({@link PcnHubOcV1}). */
import { isObject, objects } from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';
import type {
  OcAnswerInput,
  OcAttachmentInput,
  OcIceInput,
  OcRedFlagInput,
  PcnHubOcV1,
  SubmitOnlineConsultationInput,
} from './oc.types.js';
import {
  OcFieldError,
  consultationType,
  dateTime,
  localDate,
  nhsNumber,
  nonNegativeInteger,
  odsCode,
  optionalString,
  requiredString,
  supplierCode,
} from './oc.validate.js';

/** The `format` value of the plain shape. */
export const PCN_HUB_OC_V1: PcnHubOcV1['format'] = 'pcn-hub.oc.v1';

/** Maps a parsed "pcn-hub.oc.v1" document onto the hub's input; throws {@link OcFieldError}. */
export function readPlainOnlineConsultation(doc: FhirObject): SubmitOnlineConsultationInput {
  const patient = doc['patient'];
  if (!isObject(patient)) throw new OcFieldError('MISSING_FIELD', 'patient is missing');
  if (!Array.isArray(doc['answers'])) throw new OcFieldError('MISSING_FIELD', 'answers is missing');
  const answers: OcAnswerInput[] = [];
  doc['answers'].forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) throw new OcFieldError('INVALID_FIELD', `answers[${i}] must be an object`);
    const answer = optionalString(raw['answer'], `answers[${i}].answer`, 10_000);
    // A question the patient left blank is not an answer; the hub requires 1+ characters.
    if (answer === undefined) return;
    answers.push({
      question: requiredString(raw['question'], `answers[${i}].question`, 1000),
      answer,
      questionId: optionalString(raw['questionId'], `answers[${i}].questionId`, 100) ?? `q${i + 1}`,
    });
  });
  if (answers.length === 0) throw new OcFieldError('MISSING_FIELD', 'answers has no non-blank answer');

  const input: SubmitOnlineConsultationInput = {
    supplier: supplierCode(doc['supplier'], 'supplier'),
    supplierReference: requiredString(doc['supplierReference'], 'supplierReference', 200),
    originatingPracticeOdsCode: odsCode(doc['originatingPracticeOdsCode'], 'originatingPracticeOdsCode'),
    type: consultationType(doc['type'], 'type'),
    template: requiredString(doc['template'], 'template', 200),
    submittedAt: dateTime(doc['submittedAt'], 'submittedAt'),
    patient: {
      nhsNumber: nhsNumber(patient['nhsNumber'], 'patient.nhsNumber'),
      givenName: requiredString(patient['givenName'], 'patient.givenName', 100),
      familyName: requiredString(patient['familyName'], 'patient.familyName', 100),
      dateOfBirth: localDate(patient['dateOfBirth'], 'patient.dateOfBirth'),
    },
    answers,
  };
  if (doc['responseExpectedBy'] !== undefined && doc['responseExpectedBy'] !== null) {
    input.responseExpectedBy = dateTime(doc['responseExpectedBy'], 'responseExpectedBy');
  }
  const redFlags = readList(doc['redFlags'], 'redFlags', (raw, field): OcRedFlagInput => ({
    questionId: requiredString(raw['questionId'], `${field}.questionId`, 100),
    description: requiredString(raw['description'], `${field}.description`, 1000),
  }));
  if (redFlags) input.redFlags = redFlags;
  const attachments = readList(doc['attachments'], 'attachments', (raw, field): OcAttachmentInput => ({
    contentType: requiredString(raw['contentType'], `${field}.contentType`, 255),
    fileName: requiredString(raw['fileName'], `${field}.fileName`, 255),
    sizeBytes: nonNegativeInteger(raw['sizeBytes'], `${field}.sizeBytes`),
  }));
  if (attachments) input.attachments = attachments;
  if (doc['ice'] !== undefined && doc['ice'] !== null) {
    const iceRaw = doc['ice'];
    if (!isObject(iceRaw)) throw new OcFieldError('INVALID_FIELD', 'ice must be an object');
    const ice: OcIceInput = {};
    for (const key of ['ideas', 'concerns', 'expectations'] as const) {
      const value = optionalString(iceRaw[key], `ice.${key}`, 5000);
      if (value !== undefined) ice[key] = value;
    }
    if (Object.keys(ice).length > 0) input.ice = ice;
  }
  return input;
}

function readList<T>(value: unknown, field: string, read: (raw: FhirObject, field: string) => T): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new OcFieldError('INVALID_FIELD', `${field} must be an array`);
  if (objects(value).length !== value.length) throw new OcFieldError('INVALID_FIELD', `${field} must hold objects`);
  return objects(value).map((raw, i) => read(raw, `${field}[${i}]`));
}
