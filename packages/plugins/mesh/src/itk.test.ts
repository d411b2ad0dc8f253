import { describe, expect, it } from 'vitest';
import { bundleResources, ofType } from './fhir.json.js';
import { readItkHandling } from './itk.header.js';
import { ITK_RESPONSE_CODES, parseItkResponse, renderItkResponse } from './itk.response.js';
import { gpProviderAddress, renderSendDocument, sendDocumentSubject } from './itk.send-document.js';
import type { ConsultationSummaryDocument } from './itk.send-document.types.js';
import { syntheticNhsNumber } from './testing/synthetic.js';

const nhs = syntheticNhsNumber(11);
const doc: ConsultationSummaryDocument = {
  consultationId: 'hub-consultation-1',
  documentId: 'doc-v1',
  version: 1,
  patient: { nhsNumber: nhs, givenName: 'Sam', familyName: 'Van Der Test', dateOfBirth: '1955-01-09' },
  sender: { odsCode: 'Y01234', name: 'Test PCN hub', telephone: '0100 000 0000' },
  seenAt: { odsCode: 'Y01234', name: 'Test PCN hub' },
  registeredPractice: { odsCode: 'M81065', name: 'Test practice' },
  author: { name: 'Dr Test', sdsUserId: '123456789012' },
  encounter: { start: '2026-11-24T10:00:00Z', end: '2026-11-24T10:15:00Z' },
  entries: [{ code: '195662009', display: 'Acute viral pharyngitis', text: 'Advised fluids' }],
  summary: { text: 'Seen for sore throat. Safety-netted.', contentType: 'text/plain' },
  createdAt: '2026-11-24T10:20:00Z',
};

function counterIds() {
  let n = 0;
  return () => `id-${++n}`;
}

describe('renderSendDocument', () => {
  const rendered = renderSendDocument(doc, {
    senderMailboxId: 'X26HUB01',
    addressing: { kind: 'MAILBOX', mailboxId: 'X26GP001' },
    newId: counterIds(),
  });
  const resources = bundleResources(rendered.bundle);
  const header = ofType(resources, 'MessageHeader')[0]!;
  const composition = ofType(resources, 'Composition')[0]!;

  it('builds an ITK3 message bundle whose header asks for both acknowledgements', () => {
    expect(rendered.bundle).toMatchObject({ resourceType: 'Bundle', type: 'message', id: rendered.itkMessageId });
    expect(header['id']).toBe(rendered.itkMessageId);
    expect(header['event']).toMatchObject({ code: 'ITK007C' });
    expect(header['source']).toEqual({ endpoint: 'X26HUB01' });
    expect(readItkHandling(header)).toEqual({
      busAckRequested: true,
      infAckRequested: true,
      recipientType: 'FA',
      messageDefinition: 'https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1',
      senderReference: 'hub-consultation-1',
      localExtension: 'None',
    });
    const focus = (header['focus'] as { reference: string }).reference;
    const docBundle = (rendered.bundle['entry'] as { fullUrl: string; resource: Record<string, unknown> }[]).find(
      (e) => e.fullUrl === focus,
    );
    expect(docBundle?.resource).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    expect(JSON.parse(rendered.body)).toEqual(rendered.bundle);
  });

  it('has a final Composition with patient, custodian, version, coded entries and the summary attachment', () => {
    expect(composition).toMatchObject({
      status: 'final',
      title: 'Consultation report',
      meta: { versionId: '1' },
      identifier: { value: 'doc-v1' },
    });
    expect(composition['relatesTo']).toBeUndefined();
    const patient = ofType(resources, 'Patient')[0]!;
    expect(patient).toMatchObject({
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs }],
      name: [{ use: 'official', family: 'Van Der Test', given: ['Sam'] }],
      birthDate: '1955-01-09',
    });
    expect((composition['subject'] as { reference: string }).reference).toBe(`urn:uuid:${String(patient['id'])}`);
    const custodianRef = (composition['custodian'] as { reference: string }).reference;
    const custodian = resources.find((r) => r.fullUrl === custodianRef)?.resource;
    expect(custodian).toMatchObject({ identifier: [{ value: 'Y01234' }] });
    const observation = ofType(resources, 'Observation')[0]!;
    expect(observation['code']).toEqual({
      coding: [{ system: 'http://snomed.info/sct', code: '195662009', display: 'Acute viral pharyngitis' }],
    });
    const binary = ofType(resources, 'Binary')[0]!;
    expect(binary['contentType']).toBe('text/plain');
    expect(Buffer.from(String(binary['content']), 'base64').toString()).toBe(doc.summary.text);
    const sections = composition['section'] as { entry: { reference: string }[] }[];
    expect(sections.flatMap((s) => s.entry.map((e) => e.reference))).toEqual([
      `urn:uuid:${String(binary['id'])}`,
      `urn:uuid:${String(observation['id'])}`,
    ]);
  });

  // The MESH headers of docs/domain/national-interfaces.md#gp-connect-send-document.
  it('gives the Send Document MESH headers, with no patient data in the file name', () => {
    expect(rendered.mesh).toEqual({
      to: 'X26GP001',
      workflowId: 'GPFED_CONSULT_REPORT',
      subject: `Consultation report for Sam Van Der Test, NHS Number: ${nhs}, seen at Test PCN hub, Y01234, Version: 1`,
      localId: 'Y01234',
      fileName: 'consultation-report-doc-v1-v1.json',
      contentType: 'application/fhir+json',
    });
  });

  it('marks a replacement with relatesTo replaces and the incremented version', () => {
    const v2 = renderSendDocument(
      { ...doc, documentId: 'doc-v2', version: 2, replacesDocumentId: 'doc-v1' },
      { senderMailboxId: 'X26HUB01', addressing: { kind: 'AUTOMATIC', dobFormat: 'YYYYMMDD' } },
    );
    const c = ofType(bundleResources(v2.bundle), 'Composition')[0]!;
    expect(c['meta']).toMatchObject({ versionId: '2' });
    expect(c['relatesTo']).toEqual([
      { code: 'replaces', targetIdentifier: { system: 'https://tools.ietf.org/html/rfc4122', value: 'doc-v1' } },
    ]);
    expect(v2.mesh.subject).toMatch(/Version: 2$/);
    expect(v2.mesh.to).toBe(`GPPROVIDER_${nhs}_19550109_VanDerTest`);
    expect(() =>
      renderSendDocument(
        { ...doc, version: 2 },
        { senderMailboxId: 'X', addressing: { kind: 'MAILBOX', mailboxId: 'Y' } },
      ),
    ).toThrow(RangeError);
  });

  it('addresses automatic routing in either date-of-birth format, and words the 1.x subject', () => {
    expect(gpProviderAddress(doc.patient, 'DDMMYYYY')).toBe(`GPPROVIDER_${nhs}_09011955_VanDerTest`);
    expect(gpProviderAddress(doc.patient, 'YYYYMMDD')).toBe(`GPPROVIDER_${nhs}_19550109_VanDerTest`);
    expect(sendDocumentSubject(doc, '1.x')).toBe(
      `Consultation report for Sam Van Der Test, NHS Number ${nhs}, seen at Test PCN hub, ODS Code Y01234`,
    );
  });
});

describe('ITK3 responses', () => {
  const org = { odsCode: 'M81065', name: 'Test practice' };

  it.each([
    ['20013', 'INFRASTRUCTURE', true],
    ['30001', 'BUSINESS', true],
    ['10004', 'INFRASTRUCTURE', false],
    ['20007', 'INFRASTRUCTURE', false],
    ['20012', 'INFRASTRUCTURE', false],
    ['30002', 'BUSINESS', false],
    ['30003', 'BUSINESS', false],
  ] as const)('%s round-trips as %s, positive=%s', (code, kind, positive) => {
    const rendered = renderItkResponse({
      code,
      respondingTo: 'original-itk-id',
      senderMailboxId: 'X26GP001',
      senderOrganisation: org,
    });
    const parsed = parseItkResponse(rendered.body);
    expect(parsed).toEqual({
      ok: true,
      response: {
        itkMessageId: 'original-itk-id',
        responseMessageId: rendered.itkMessageId,
        code,
        kind,
        positive,
        display: ITK_RESPONSE_CODES[code]!.display,
      },
    });
    const header = ofType(bundleResources(rendered.bundle), 'MessageHeader')[0]!;
    expect(header['event']).toMatchObject({ code: 'ITK008M' });
    expect(header['response']).toMatchObject({ identifier: 'original-itk-id', code: positive ? 'ok' : 'fatal-error' });
  });

  it('covers the negative code ranges of the specification', () => {
    for (const code of ['10001', '10009', '20001', '20011', '20012', '30002', '30003']) {
      expect(ITK_RESPONSE_CODES[code]?.positive).toBe(false);
    }
  });

  it('reads codes outside the table (OC pilot 300xx) by the header response code', () => {
    const rendered = renderItkResponse({
      code: '30016',
      respondingTo: 'x',
      senderMailboxId: 'M',
      senderOrganisation: org,
    });
    const header = ofType(bundleResources(rendered.bundle), 'MessageHeader')[0]!;
    (header['response'] as Record<string, unknown>)['code'] = 'ok';
    expect(parseItkResponse(rendered.bundle)).toMatchObject({
      ok: true,
      response: { code: '30016', kind: 'BUSINESS', positive: true },
    });
  });

  it.each([
    ['not JSON', 'nope'],
    ['not a bundle', { resourceType: 'Patient' }],
    [
      'a document message',
      () => renderSendDocument(doc, { senderMailboxId: 'X', addressing: { kind: 'MAILBOX', mailboxId: 'Y' } }).bundle,
    ],
    [
      'no code',
      {
        resourceType: 'Bundle',
        type: 'message',
        entry: [
          { resource: { resourceType: 'MessageHeader', event: { code: 'ITK008M' }, response: { identifier: 'x' } } },
        ],
      },
    ],
  ])('refuses %s', (_name, input) => {
    expect(parseItkResponse(typeof input === 'function' ? input() : input).ok).toBe(false);
  });

  it('refuses codes that are not five digits', () => {
    expect(() =>
      renderItkResponse({ code: '200', respondingTo: 'x', senderMailboxId: 'M', senderOrganisation: org }),
    ).toThrow(RangeError);
  });
});
