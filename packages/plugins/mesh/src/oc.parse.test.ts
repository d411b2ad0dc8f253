import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInboundOnlineConsultation } from './oc.parse.js';
import type { OcParseResult, SubmitOnlineConsultationInput } from './oc.types.js';
import { onlineConsultationReportBundle, plainOnlineConsultation } from './testing/oc-fixtures.js';
import { syntheticNhsNumber } from './testing/synthetic.js';

const nhs = syntheticNhsNumber(7);

function ok(result: OcParseResult): SubmitOnlineConsultationInput {
  if (!result.ok) throw new Error(`expected a parse, got ${result.failure.code}: ${result.failure.reason}`);
  return result.input;
}

function failed(result: OcParseResult) {
  if (result.ok) throw new Error('expected a parse failure');
  return result.failure;
}

/** The fields of SubmitOnlineConsultationInput and its nested inputs in schema.graphql. */
function schemaFields(input: string): string[] {
  const sdl = readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');
  const block = new RegExp(`input ${input} \\{([\\s\\S]*?)\\n\\}`).exec(sdl)?.[1] ?? '';
  return [...block.matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1]!).sort();
}

describe('GP Connect Online Consultation Report', () => {
  it('maps the ITK3 bundle onto SubmitOnlineConsultationInput', () => {
    const bundle = onlineConsultationReportBundle({ reference: 'OC-123' });
    const input = ok(
      parseInboundOnlineConsultation(Buffer.from(JSON.stringify(bundle)), { 'content-type': 'application/fhir+json' }),
    );
    expect(input).toEqual({
      supplier: 'ECONSULT',
      supplierReference: 'OC-123',
      originatingPracticeOdsCode: 'M81065',
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: '2026-11-24T08:30:00.000Z',
      patient: { nhsNumber: nhs, givenName: 'Alex', familyName: 'Testpatient', dateOfBirth: '1980-02-29' },
      answers: [
        { questionId: 'q1', question: 'What is the problem?', answer: 'Sore throat for three days' },
        { questionId: 'q2', question: 'Do you have a fever?', answer: 'No' },
      ],
      attachments: [
        {
          contentType: 'application/pdf',
          fileName: expect.stringMatching(/\.pdf$/),
          sizeBytes: 18,
          sha256: createHash('sha256').update('%PDF-1.4 synthetic').digest('hex'),
        },
      ],
    });
  });

  it('produces exactly the fields the GraphQL input types declare', () => {
    const input = ok(parseInboundOnlineConsultation(onlineConsultationReportBundle()));
    const full = { ...input, ice: {}, redFlags: [], responseExpectedBy: '' };
    expect(Object.keys(full).sort()).toEqual(schemaFields('SubmitOnlineConsultationInput'));
    // The optional contact channels (for replies to the patient) are not in a GP Connect report.
    expect(Object.keys({ ...input.patient, mobile: '', email: '' }).sort()).toEqual(schemaFields('OcPatientInput'));
    expect(Object.keys(input.answers[0]!).sort()).toEqual(schemaFields('OcAnswerInput'));
    expect(Object.keys(input.attachments![0]!).sort()).toEqual(schemaFields('OcAttachmentInput'));
  });

  it('takes the supplier and type from options when given', () => {
    const input = ok(
      parseInboundOnlineConsultation(onlineConsultationReportBundle(), {}, { supplier: 'other', type: 'ADMIN' }),
    );
    expect(input).toMatchObject({ supplier: 'OTHER', type: 'ADMIN' });
  });

  it('flattens nested questionnaire groups and joins multiple answers', () => {
    const bundle = onlineConsultationReportBundle();
    const doc = (bundle['entry'] as any[])[1].resource;
    const qr = doc.entry.find((e: any) => e.resource.resourceType === 'QuestionnaireResponse').resource;
    qr.item = [
      {
        linkId: 'g1',
        text: 'Symptoms',
        item: [
          { linkId: 'g1.1', text: 'Which?', answer: [{ valueCoding: { display: 'Cough' } }, { valueString: 'Fever' }] },
        ],
      },
      { linkId: 'q9', text: 'Temperature', answer: [{ valueQuantity: { value: 38.2, unit: 'C' } }] },
    ];
    expect(ok(parseInboundOnlineConsultation(bundle)).answers).toEqual([
      { questionId: 'g1.1', question: 'Which?', answer: 'Cough; Fever' },
      { questionId: 'q9', question: 'Temperature', answer: '38.2 C' },
    ]);
  });

  it('fails without patient data in the reason: bad NHS number, missing practice, no answers', () => {
    const badNhs = failed(parseInboundOnlineConsultation(onlineConsultationReportBundle({ nhsNumber: '9999999990' })));
    expect(badNhs).toMatchObject({ code: 'INVALID_FIELD', format: 'GP_CONNECT_OC_REPORT' });
    expect(badNhs.reason).not.toContain('9999999990');

    const noPractice = onlineConsultationReportBundle({ familyName: 'Uniquename' });
    const docEntries = ((noPractice['entry'] as any[])[1].resource.entry as any[]).filter(
      (e) => e.resource.resourceType !== 'Organization' || e.resource.name !== 'Test practice',
    );
    (noPractice['entry'] as any[])[1].resource.entry = docEntries;
    const f = failed(parseInboundOnlineConsultation(noPractice));
    expect(f.code).toBe('MISSING_FIELD');
    expect(f.reason).not.toContain('Uniquename');

    expect(failed(parseInboundOnlineConsultation(onlineConsultationReportBundle({ answers: [] }))).code).toBe(
      'MISSING_FIELD',
    );
  });

  it('refuses FHIR bundles that are not Online Consultation Reports', () => {
    const bundle = onlineConsultationReportBundle();
    const doc = (bundle['entry'] as any[])[1].resource;
    doc.entry[0].resource.type.coding[0].code = '371531000';
    expect(failed(parseInboundOnlineConsultation(bundle))).toMatchObject({ code: 'UNKNOWN_FORMAT' });
  });
});

describe('pcn-hub.oc.v1', () => {
  it('maps the plain shape, normalising codes, NHS number spacing and the time zone', () => {
    const doc = {
      ...plainOnlineConsultation({ reference: 'REF-9', submittedAt: '2026-11-24T09:30:00+01:00' }),
      supplier: 'acme_oc',
      originatingPracticeOdsCode: 'm81065',
      patient: {
        nhsNumber: `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`,
        givenName: ' Alex ',
        familyName: 'Testpatient',
        dateOfBirth: '1980-02-29',
        phone: 'ignored',
      },
      answers: [
        { question: 'Why?', answer: 'Because' },
        { question: 'Left blank', answer: '  ' },
        { questionId: 'x', question: 'Else?', answer: 'No' },
      ],
      redFlags: [{ questionId: 'q1', description: 'Chest pain' }],
      ice: { concerns: 'Worried', ideas: '' },
      responseExpectedBy: '2026-11-26T17:00:00Z',
    };
    expect(ok(parseInboundOnlineConsultation(JSON.stringify(doc)))).toEqual({
      supplier: 'ACME_OC',
      supplierReference: 'REF-9',
      originatingPracticeOdsCode: 'M81065',
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: '2026-11-24T08:30:00.000Z',
      responseExpectedBy: '2026-11-26T17:00:00.000Z',
      patient: { nhsNumber: nhs, givenName: 'Alex', familyName: 'Testpatient', dateOfBirth: '1980-02-29' },
      answers: [
        { questionId: 'q1', question: 'Why?', answer: 'Because' },
        { questionId: 'x', question: 'Else?', answer: 'No' },
      ],
      redFlags: [{ questionId: 'q1', description: 'Chest pain' }],
      ice: { concerns: 'Worried' },
    });
  });

  it.each([
    ['missing NHS number', (d: any) => delete d.patient.nhsNumber, 'MISSING_FIELD', 'patient.nhsNumber'],
    ['bad check digit', (d: any) => (d.patient.nhsNumber = '9434765918'), 'INVALID_FIELD', 'patient.nhsNumber'],
    [
      'impossible birth date',
      (d: any) => (d.patient.dateOfBirth = '1980-02-30'),
      'INVALID_FIELD',
      'patient.dateOfBirth',
    ],
    ['time without zone', (d: any) => (d.submittedAt = '2026-11-24T08:30:00'), 'INVALID_FIELD', 'submittedAt'],
    ['bad type', (d: any) => (d.type = 'URGENT'), 'INVALID_FIELD', 'type'],
    [
      'bad ODS code',
      (d: any) => (d.originatingPracticeOdsCode = 'M8-1065'),
      'INVALID_FIELD',
      'originatingPracticeOdsCode',
    ],
    ['bad supplier', (d: any) => (d.supplier = 'a'), 'INVALID_FIELD', 'supplier'],
    ['no answers', (d: any) => (d.answers = [{ question: 'q', answer: '' }]), 'MISSING_FIELD', 'answers'],
    ['answers not a list', (d: any) => (d.answers = 'yes'), 'MISSING_FIELD', 'answers'],
    [
      'red flag without id',
      (d: any) => (d.redFlags = [{ description: 'x' }]),
      'MISSING_FIELD',
      'redFlags[0].questionId',
    ],
    [
      'negative attachment size',
      (d: any) => (d.attachments = [{ contentType: 'image/png', fileName: 'a.png', sizeBytes: -1 }]),
      'INVALID_FIELD',
      'attachments[0].sizeBytes',
    ],
  ])('fails on %s, naming the field but not the value', (_name, mutate, code, field) => {
    const doc: any = plainOnlineConsultation({ familyName: 'Secretname' });
    mutate(doc);
    const f = failed(parseInboundOnlineConsultation(doc));
    expect(f.code).toBe(code);
    expect(f.format).toBe('PCN_HUB_OC_V1');
    expect(f.reason).toContain(field);
    expect(f.reason).not.toMatch(/Secretname|9434765918|1980|M8-1065/);
  });
});

describe('malformed payloads', () => {
  it.each([
    ['empty', '', 'NOT_JSON'],
    ['not JSON', 'hello {', 'NOT_JSON'],
    ['XML', '<Bundle xmlns="http://hl7.org/fhir"/>', 'UNSUPPORTED_CONTENT'],
    ['JSON array', '[1,2]', 'UNKNOWN_FORMAT'],
    ['unknown format', '{"format":"acme.v7"}', 'UNKNOWN_FORMAT'],
    ['other JSON', '{"hello":"world"}', 'UNKNOWN_FORMAT'],
    ['other FHIR resource', '{"resourceType":"Patient"}', 'UNKNOWN_FORMAT'],
    ['empty bundle', '{"resourceType":"Bundle","type":"message","entry":[{"resource":null}]}', 'UNKNOWN_FORMAT'],
  ])('%s -> %s', (_name, body, code) => {
    expect(failed(parseInboundOnlineConsultation(Buffer.from(body)))).toMatchObject({ code });
  });

  it('refuses declared XML content even when it looks like JSON', () => {
    expect(failed(parseInboundOnlineConsultation('{}', { 'content-type': 'application/fhir+xml' })).code).toBe(
      'UNSUPPORTED_CONTENT',
    );
  });
});
