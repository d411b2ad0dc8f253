/**
 * GP Connect Send Document (docs/domain/national-interfaces.md#gp-connect-send-document): a consultation summary going
 * from the hub to the
 * patient's registered practice as an ITK3 message bundle (FHIR STU3 JSON), plus the MESH headers
 * that carry it. The summary travels as a text or HTML Binary: PDF rendering is not done here.
 */
import { randomUUID } from 'node:crypto';
import { FHIR_SYSTEMS, entry, ref } from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';
import { itkMessageHeader } from './itk.header.js';
import type {
  ConsultationSummaryDocument,
  RenderedSendDocument,
  SendDocumentOptions,
  SendDocumentOrganisation,
  SendDocumentPatient,
} from './itk.send-document.types.js';

/** Workflow id of GP Connect Send Document / Online Consultation Report messages. */
export const SEND_DOCUMENT_WORKFLOW_ID = 'GPFED_CONSULT_REPORT';
/** Workflow id of their ITK3 acknowledgements. */
export const SEND_DOCUMENT_ACK_WORKFLOW_ID = 'GPFED_CONSULT_REPORT_ACK';
/** The Send Document message definition. */
export const SEND_DOCUMENT_MESSAGE_DEFINITION =
  'https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1';

/** The automatic routing address GPPROVIDER_<NHS>_<DOB>_<Surname>. */
export function gpProviderAddress(patient: SendDocumentPatient, dobFormat: 'DDMMYYYY' | 'YYYYMMDD'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(patient.dateOfBirth);
  if (!m) throw new RangeError('dateOfBirth must be YYYY-MM-DD');
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const dob = dobFormat === 'DDMMYYYY' ? `${d}${mo}${y}` : `${y}${mo}${d}`;
  // Underscores separate the address parts and spaces do not survive headers: drop both.
  const surname = patient.familyName.replace(/[\s_]+/g, '');
  return `GPPROVIDER_${patient.nhsNumber.replace(/\s/g, '')}_${dob}_${surname}`;
}

/**
 * The mex-subject of docs/domain/national-interfaces.md#gp-connect-send-document. Contains patient
 * data by specification: never log it.
 */
export function sendDocumentSubject(doc: ConsultationSummaryDocument, style: '1.3.2' | '1.x' = '1.3.2'): string {
  const name = `${doc.patient.givenName} ${doc.patient.familyName}`;
  const nhs = doc.patient.nhsNumber;
  if (style === '1.x') {
    return `Consultation report for ${name}, NHS Number ${nhs}, seen at ${doc.seenAt.name}, ODS Code ${doc.seenAt.odsCode}`;
  }
  const title = doc.title ?? 'Consultation report';
  return `${title} for ${name}, NHS Number: ${nhs}, seen at ${doc.seenAt.name}, ${doc.seenAt.odsCode}, Version: ${doc.version}`;
}

function organisation(id: string, org: SendDocumentOrganisation, profile: string): FhirObject & { id: string } {
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [profile] },
    identifier: [{ system: FHIR_SYSTEMS.odsOrganisation, value: org.odsCode }],
    name: org.name,
    ...(org.telephone ? { telecom: [{ system: 'phone', value: org.telephone, use: 'work' }] } : {}),
  };
}

/** Renders the ITK3 message bundle and the MESH headers for a consultation summary. */
export function renderSendDocument(
  doc: ConsultationSummaryDocument,
  options: SendDocumentOptions,
): RenderedSendDocument {
  if (!Number.isInteger(doc.version) || doc.version < 1) throw new RangeError('version must be an integer >= 1');
  if (doc.version > 1 && doc.replacesDocumentId === undefined) {
    throw new RangeError('a replacement (version > 1) must name the document it replaces');
  }
  const newId = options.newId ?? randomUUID;
  const itkMessageId = newId();
  const ids = {
    headerOrg: newId(),
    docBundle: newId(),
    composition: newId(),
    patient: newId(),
    custodian: newId(),
    seenAt: newId(),
    practice: newId(),
    author: newId(),
    encounter: newId(),
    binary: newId(),
  };
  const careConnect = (name: string) => `https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-${name}-1`;
  const patient: FhirObject & { id: string } = {
    resourceType: 'Patient',
    id: ids.patient,
    meta: { profile: [careConnect('Patient')] },
    identifier: [{ system: FHIR_SYSTEMS.nhsNumber, value: doc.patient.nhsNumber }],
    name: [{ use: 'official', family: doc.patient.familyName, given: [doc.patient.givenName] }],
    birthDate: doc.patient.dateOfBirth,
    ...(doc.registeredPractice ? { generalPractitioner: [ref(ids.practice)] } : {}),
  };
  const author: (FhirObject & { id: string }) | undefined = doc.author && {
    resourceType: 'Practitioner',
    id: ids.author,
    meta: { profile: [careConnect('Practitioner')] },
    ...(doc.author.sdsUserId ? { identifier: [{ system: FHIR_SYSTEMS.sdsUser, value: doc.author.sdsUserId }] } : {}),
    name: [{ text: doc.author.name }],
  };
  const encounter: FhirObject & { id: string } = {
    resourceType: 'Encounter',
    id: ids.encounter,
    meta: { profile: [careConnect('Encounter')] },
    identifier: [{ system: 'https://pcn-hub.example/Id/consultation', value: doc.consultationId }],
    status: 'finished',
    subject: ref(ids.patient),
    period: { start: doc.encounter.start, ...(doc.encounter.end ? { end: doc.encounter.end } : {}) },
    serviceProvider: ref(ids.seenAt),
  };
  const observations = doc.entries.map((e): FhirObject & { id: string } => ({
    resourceType: 'Observation',
    id: newId(),
    meta: { profile: [careConnect('Observation')] },
    status: 'final',
    code: { coding: [{ system: FHIR_SYSTEMS.snomed, code: e.code, display: e.display }] },
    subject: ref(ids.patient),
    context: ref(ids.encounter),
    ...(e.text ? { comment: e.text } : {}),
  }));
  const binary: FhirObject & { id: string } = {
    resourceType: 'Binary',
    id: ids.binary,
    meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1'] },
    contentType: doc.summary.contentType,
    content: Buffer.from(doc.summary.text, 'utf8').toString('base64'),
  };
  const composition: FhirObject & { id: string } = {
    resourceType: 'Composition',
    id: ids.composition,
    // Send Document carries the version in meta.versionId and the subject line
    // (docs/domain/national-interfaces.md#gp-connect-send-document).
    meta: { profile: [careConnect('Composition')], versionId: String(doc.version) },
    identifier: { system: FHIR_SYSTEMS.uuid, value: doc.documentId },
    status: 'final',
    type: { coding: [{ system: FHIR_SYSTEMS.snomed, code: '371531000', display: 'Report of clinical encounter' }] },
    subject: ref(ids.patient),
    encounter: ref(ids.encounter),
    date: doc.createdAt,
    author: [ref(author ? ids.author : ids.custodian)],
    title: doc.title ?? 'Consultation report',
    confidentiality: 'N',
    custodian: ref(ids.custodian),
    ...(doc.replacesDocumentId
      ? {
          relatesTo: [
            { code: 'replaces', targetIdentifier: { system: FHIR_SYSTEMS.uuid, value: doc.replacesDocumentId } },
          ],
        }
      : {}),
    section: [
      { title: 'Consultation summary', entry: [ref(ids.binary)] },
      ...(observations.length > 0 ? [{ title: 'Coded entries', entry: observations.map((o) => ref(o.id)) }] : []),
    ],
  };
  const documentBundle: FhirObject & { id: string } = {
    resourceType: 'Bundle',
    id: ids.docBundle,
    meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1'] },
    identifier: { system: FHIR_SYSTEMS.uuid, value: ids.docBundle },
    type: 'document',
    entry: [
      composition,
      patient,
      organisation(ids.custodian, doc.sender, careConnect('Organization')),
      organisation(ids.seenAt, doc.seenAt, careConnect('Organization')),
      ...(doc.registeredPractice
        ? [organisation(ids.practice, doc.registeredPractice, careConnect('Organization'))]
        : []),
      ...(author ? [author] : []),
      encounter,
      binary,
      ...observations,
    ].map(entry),
  };
  const header = itkMessageHeader({
    id: itkMessageId,
    event: { code: 'ITK007C', display: 'ITK FHIR Document' },
    handling: {
      busAckRequested: true,
      infAckRequested: true,
      recipientType: options.recipientType ?? 'FA',
      messageDefinition: SEND_DOCUMENT_MESSAGE_DEFINITION,
      senderReference: doc.consultationId,
      localExtension: options.localExtension ?? 'None',
    },
    senderOrganisationId: ids.headerOrg,
    sourceEndpoint: options.senderMailboxId,
    timestamp: doc.createdAt,
    focusId: ids.docBundle,
  });
  const bundle: FhirObject = {
    resourceType: 'Bundle',
    id: itkMessageId,
    meta: {
      profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1'],
      lastUpdated: doc.createdAt,
    },
    identifier: { system: FHIR_SYSTEMS.uuid, value: itkMessageId },
    type: 'message',
    entry: [
      header,
      organisation(ids.headerOrg, doc.sender, careConnect('ITK-Header-Organization')),
      documentBundle,
    ].map(entry),
  };
  const to =
    options.addressing.kind === 'MAILBOX'
      ? options.addressing.mailboxId
      : gpProviderAddress(doc.patient, options.addressing.dobFormat);
  return {
    itkMessageId,
    documentId: doc.documentId,
    bundle,
    body: JSON.stringify(bundle),
    mesh: {
      to,
      workflowId: SEND_DOCUMENT_WORKFLOW_ID,
      subject: sendDocumentSubject(doc, options.subjectStyle),
      localId: doc.sender.odsCode,
      // No patient data in the file name: it shows up in MESH tooling and logs.
      fileName: `consultation-report-${doc.documentId}-v${doc.version}.json`,
      contentType: 'application/fhir+json',
    },
  };
}
