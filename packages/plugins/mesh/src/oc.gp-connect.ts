/**
 * Reading a GP Connect Online Consultation Report
 * (docs/domain/national-interfaces.md#online-consultation-report): an ITK3 message bundle whose
 * document holds a Composition typed SNOMED 149951000000107, the Patient, the Organization the
 * patient submitted to, an Encounter and a QuestionnaireResponse with the answers.
 */
import { createHash } from 'node:crypto';
import {
  FHIR_SYSTEMS,
  anyIdentifierValue,
  bundleResources,
  hasCoding,
  identifierValue,
  obj,
  objects,
  ofType,
  resolveReference,
  str,
} from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';
import { readItkHandling } from './itk.header.js';
import type {
  ConsultationType,
  OcAnswerInput,
  OcAttachmentInput,
  OcParseOptions,
  SubmitOnlineConsultationInput,
} from './oc.types.js';
import {
  OcFieldError,
  dateTime,
  localDate,
  nhsNumber,
  odsCode,
  requiredString,
  supplierCode,
  supplierCodeFromName,
} from './oc.validate.js';

/** SNOMED CT: Online consultation report (record artifact). */
export const OC_REPORT_COMPOSITION_TYPE = '149951000000107';

type Resources = ReturnType<typeof bundleResources>;

/** Whether a bundle holds an Online Consultation Report composition. */
export function isOnlineConsultationReport(bundle: FhirObject): boolean {
  return ofType(bundleResources(bundle), 'Composition').some((c) =>
    hasCoding(c['type'], FHIR_SYSTEMS.snomed, OC_REPORT_COMPOSITION_TYPE),
  );
}

/** Maps an Online Consultation Report bundle onto the hub's input; throws {@link OcFieldError}. */
export function readOnlineConsultationReport(
  bundle: FhirObject,
  options: OcParseOptions = {},
): SubmitOnlineConsultationInput {
  const resources = bundleResources(bundle);
  const composition = ofType(resources, 'Composition').find((c) =>
    hasCoding(c['type'], FHIR_SYSTEMS.snomed, OC_REPORT_COMPOSITION_TYPE),
  );
  if (!composition) throw new OcFieldError('MISSING_FIELD', 'Composition of type 149951000000107 is missing');
  const patient = resolveReference(resources, composition['subject']) ?? ofType(resources, 'Patient')[0];
  if (!patient) throw new OcFieldError('MISSING_FIELD', 'Patient is missing');
  const encounter = resolveReference(resources, composition['encounter']) ?? ofType(resources, 'Encounter')[0];
  const response = ofType(resources, 'QuestionnaireResponse')[0];
  if (!response) throw new OcFieldError('MISSING_FIELD', 'QuestionnaireResponse is missing');
  const header = ofType(resources, 'MessageHeader')[0];

  const names = objects(patient['name']);
  const name = names.find((n) => str(n['use']) === 'official') ?? names[0];
  const given = Array.isArray(name?.['given']) ? str(name['given'][0]) : undefined;

  const practice =
    resolveReference(resources, encounter?.['serviceProvider']) ??
    objects(patient['generalPractitioner'])
      .map((r) => resolveReference(resources, r))
      .find((r) => r?.['resourceType'] === 'Organization');
  const practiceOds = identifierValue(practice, FHIR_SYSTEMS.odsOrganisation);
  if (practiceOds === undefined) {
    throw new OcFieldError('MISSING_FIELD', 'originating practice ODS code (Encounter.serviceProvider) is missing');
  }

  const senderReference = header ? readItkHandling(header).senderReference : undefined;
  const reference =
    anyIdentifierValue(encounter) ??
    (senderReference !== undefined && senderReference.toLowerCase() !== 'none' ? senderReference : undefined) ??
    anyIdentifierValue(composition);

  const questionnaire = resolveReference(resources, response['questionnaire']);
  const template =
    str(questionnaire?.['title']) ??
    str(questionnaire?.['name']) ??
    str(obj(response['questionnaire'])?.['display']) ??
    str(composition['title']);

  const submitted = str(response['authored']) ?? str(obj(encounter?.['period'])?.['start']) ?? str(composition['date']);

  const answers = readAnswers(response['item']);
  if (answers.length === 0) throw new OcFieldError('MISSING_FIELD', 'QuestionnaireResponse has no answers');

  const input: SubmitOnlineConsultationInput = {
    supplier:
      options.supplier !== undefined
        ? supplierCode(options.supplier, 'supplier option')
        : supplierOf(resources, composition),
    supplierReference: requiredString(reference, 'supplier reference (Encounter.identifier)', 200),
    originatingPracticeOdsCode: odsCode(practiceOds, 'originating practice ODS code'),
    type: options.type ?? typeOf(composition, encounter),
    template: requiredString(template, 'template (Questionnaire.title)', 200),
    submittedAt: dateTime(submitted, 'submitted time (QuestionnaireResponse.authored)'),
    patient: {
      nhsNumber: nhsNumber(identifierValue(patient, FHIR_SYSTEMS.nhsNumber), 'Patient NHS number'),
      givenName: requiredString(given, 'Patient given name', 100),
      familyName: requiredString(name?.['family'], 'Patient family name', 100),
      dateOfBirth: localDate(patient['birthDate'], 'Patient.birthDate'),
    },
    answers,
  };
  const attachments = readAttachments(resources);
  if (attachments.length > 0) input.attachments = attachments;
  return input;
}

/** Flattens QuestionnaireResponse items (nested groups included) into answers. */
function readAnswers(items: unknown, out: OcAnswerInput[] = []): OcAnswerInput[] {
  for (const item of objects(items)) {
    const values = objects(item['answer'])
      .map(answerText)
      .filter((v): v is string => v !== undefined);
    const linkId = str(item['linkId']);
    if (values.length > 0 && linkId !== undefined) {
      out.push({
        questionId: linkId.slice(0, 100),
        question: (str(item['text']) ?? linkId).slice(0, 1000),
        answer: values.join('; ').slice(0, 10_000),
      });
    }
    readAnswers(item['item'], out);
    for (const answer of objects(item['answer'])) readAnswers(answer['item'], out);
  }
  return out;
}

function answerText(answer: FhirObject): string | undefined {
  for (const [key, value] of Object.entries(answer)) {
    if (!key.startsWith('value')) continue;
    if (typeof value === 'string') return str(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const v = obj(value);
    if (!v) continue;
    if (key === 'valueCoding') return str(v['display']) ?? str(v['code']);
    if (key === 'valueQuantity') {
      const amount = typeof v['value'] === 'number' ? String(v['value']) : undefined;
      return amount === undefined ? undefined : [amount, str(v['unit'])].filter((x) => x !== undefined).join(' ');
    }
    if (key === 'valueAttachment') return str(v['title']) ?? 'attachment';
    if (key === 'valueReference') return str(v['display']);
  }
  return undefined;
}

function supplierOf(resources: Resources, composition: FhirObject): string {
  const devices = objects(composition['author'])
    .map((a) => resolveReference(resources, a))
    .filter((r) => r?.['resourceType'] === 'Device');
  for (const device of [...devices, ...ofType(resources, 'Device')]) {
    const name = str(device?.['manufacturer']) ?? str(obj(device?.['type'])?.['text']) ?? str(device?.['model']);
    const code = name === undefined ? undefined : supplierCodeFromName(name);
    if (code !== undefined) return code;
  }
  return 'OTHER';
}

function typeOf(composition: FhirObject, encounter: FhirObject | undefined): ConsultationType {
  const texts: string[] = [];
  for (const concept of [
    obj(composition['class']),
    ...objects(encounter?.['type']),
    ...objects(encounter?.['reason']),
  ]) {
    if (!concept) continue;
    texts.push(str(concept['text']) ?? '');
    for (const coding of objects(concept['coding'])) texts.push(str(coding['display']) ?? '');
  }
  return texts.some((t) => /\badmin/i.test(t)) ? 'ADMIN' : 'CLINICAL';
}

function readAttachments(resources: Resources): OcAttachmentInput[] {
  const out: OcAttachmentInput[] = [];
  for (const binary of ofType(resources, 'Binary')) {
    const contentType = str(binary['contentType']);
    const content = str(binary['content']);
    if (contentType === undefined || content === undefined) continue;
    const extension = contentType.split('/')[1]?.split(/[+;]/)[0] ?? 'bin';
    const bytes = Buffer.from(content, 'base64');
    out.push({
      contentType,
      fileName: `${str(binary['id']) ?? `attachment-${out.length + 1}`}.${extension}`,
      sizeBytes: bytes.length,
      // The hub refuses an upload of other bytes (the file is sent after the consultation).
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return out;
}
