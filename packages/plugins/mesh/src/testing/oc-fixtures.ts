/**
 * Synthetic inbound online consultations for tests: a GP Connect Online Consultation Report
 * bundle and a "pcn-hub.oc.v1" document. All identifiers are synthetic.
 */
import { randomUUID } from 'node:crypto';
import type { FhirObject } from '../fhir.json.js';
import type { PcnHubOcV1 } from '../oc.types.js';
import { syntheticNhsNumber } from './synthetic.js';

/** Values a fixture may override. */
export interface OcFixtureOptions {
  nhsNumber?: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  practiceOdsCode?: string;
  reference?: string;
  submittedAt?: string;
  answers?: { linkId: string; text: string; answer: string }[];
}

const defaults = () => ({
  nhsNumber: syntheticNhsNumber(7),
  givenName: 'Alex',
  familyName: 'Testpatient',
  dateOfBirth: '1980-02-29',
  practiceOdsCode: 'M81065',
  reference: `OC-${randomUUID()}`,
  submittedAt: '2026-11-24T08:30:00+00:00',
  answers: [
    { linkId: 'q1', text: 'What is the problem?', answer: 'Sore throat for three days' },
    { linkId: 'q2', text: 'Do you have a fever?', answer: 'No' },
  ],
});

/** A GP Connect Online Consultation Report: ITK3 message bundle with the document bundle inside. */
export function onlineConsultationReportBundle(options: OcFixtureOptions = {}): FhirObject {
  const o = { ...defaults(), ...options };
  const id = {
    header: randomUUID(),
    doc: randomUUID(),
    composition: randomUUID(),
    patient: randomUUID(),
    practice: randomUUID(),
    supplierOrg: randomUUID(),
    device: randomUUID(),
    encounter: randomUUID(),
    questionnaire: randomUUID(),
    response: randomUUID(),
    pdf: randomUUID(),
  };
  const u = (x: string) => ({ reference: `urn:uuid:${x}` });
  const e = (resource: FhirObject & { id: string }) => ({ fullUrl: `urn:uuid:${resource.id}`, resource });
  const ods = (code: string) => [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: code }];
  const documentBundle = {
    resourceType: 'Bundle',
    id: id.doc,
    type: 'document',
    entry: [
      e({
        resourceType: 'Composition',
        id: id.composition,
        identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: id.composition },
        status: 'final',
        type: {
          coding: [
            { system: 'http://snomed.info/sct', code: '149951000000107', display: 'Online consultation report' },
          ],
        },
        subject: u(id.patient),
        encounter: u(id.encounter),
        date: o.submittedAt,
        author: [u(id.device)],
        title: 'Online consultation report',
        confidentiality: 'N',
        custodian: u(id.supplierOrg),
        section: [{ title: 'Report', entry: [u(id.pdf)] }],
      }),
      e({
        resourceType: 'Patient',
        id: id.patient,
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: o.nhsNumber }],
        name: [{ use: 'official', family: o.familyName, given: [o.givenName] }],
        birthDate: o.dateOfBirth,
        generalPractitioner: [u(id.practice)],
      }),
      e({ resourceType: 'Organization', id: id.practice, identifier: ods(o.practiceOdsCode), name: 'Test practice' }),
      e({ resourceType: 'Organization', id: id.supplierOrg, identifier: ods('YGM24'), name: 'Test OC supplier' }),
      e({ resourceType: 'Device', id: id.device, manufacturer: 'eConsult Health', model: 'eConsult' }),
      e({
        resourceType: 'Encounter',
        id: id.encounter,
        identifier: [{ system: 'https://supplier.example/Id/consultation', value: o.reference }],
        status: 'finished',
        type: [
          { coding: [{ system: 'http://snomed.info/sct', code: '149971000000103' }], text: 'Online consultation' },
        ],
        subject: u(id.patient),
        period: { start: o.submittedAt },
        serviceProvider: u(id.practice),
      }),
      e({ resourceType: 'Questionnaire', id: id.questionnaire, status: 'active', title: 'Sore throat' }),
      e({
        resourceType: 'QuestionnaireResponse',
        id: id.response,
        questionnaire: u(id.questionnaire),
        status: 'completed',
        subject: u(id.patient),
        authored: o.submittedAt,
        item: o.answers.map((a) => ({ linkId: a.linkId, text: a.text, answer: [{ valueString: a.answer }] })),
      }),
      e({
        resourceType: 'Binary',
        id: id.pdf,
        contentType: 'application/pdf',
        content: Buffer.from('%PDF-1.4 synthetic').toString('base64'),
      }),
    ],
  };
  return {
    resourceType: 'Bundle',
    id: id.header,
    type: 'message',
    entry: [
      e({
        resourceType: 'MessageHeader',
        id: id.header,
        extension: [
          {
            url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2',
            extension: [
              { url: 'BusAckRequested', valueBoolean: true },
              { url: 'InfAckRequested', valueBoolean: true },
              { url: 'SenderReference', valueString: o.reference },
              { url: 'LocalExtension', valueString: 'SendDocument-OnlineConsultationReport' },
            ],
          },
        ],
        event: { system: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2', code: 'ITK007C' },
        source: { endpoint: 'X26OCS01' },
        focus: u(id.doc),
      }),
      e(documentBundle),
    ],
  };
}

/** A "pcn-hub.oc.v1" document. */
export function plainOnlineConsultation(options: OcFixtureOptions = {}): PcnHubOcV1 {
  const o = { ...defaults(), ...options };
  return {
    format: 'pcn-hub.oc.v1',
    supplier: 'ACME_OC',
    supplierReference: o.reference,
    originatingPracticeOdsCode: o.practiceOdsCode,
    type: 'CLINICAL',
    template: 'Sore throat',
    submittedAt: o.submittedAt,
    patient: { nhsNumber: o.nhsNumber, givenName: o.givenName, familyName: o.familyName, dateOfBirth: o.dateOfBirth },
    answers: o.answers.map((a) => ({ questionId: a.linkId, question: a.text, answer: a.answer })),
  };
}
