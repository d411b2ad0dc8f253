import {
  buildShortFormPrescriptionId,
  isValidNhsNumber,
  isValidShortFormPrescriptionId,
  syntheticNhsNumber,
} from '@pcn-hub/schema';
import { describe, expect, it } from 'vitest';
import {
  PRESCRIBER_IDENTIFIER_SYSTEMS,
  renderEpsPrescriptionOrder as renderJson,
  type EpsContext,
  type EpsPrescription,
} from './order.message.js';
import { DMD } from '../prescribing.testkit.js';

/** FHIR JSON under test, read loosely. */
type Res = Record<string, any>;

const shortFormId = buildShortFormPrescriptionId({ random6Hex: 'a1b2c3', odsCode: 'Y99009', sequence: 1 });

const prescription = (items = 2, extra: Partial<EpsPrescription> = {}): EpsPrescription => ({
  shortFormId,
  longFormId: '4f2b6a3e-9d1c-4e8a-a0b1-2c3d4e5f6a7b',
  courseOfTherapy: 'ACUTE',
  issuedAt: new Date('2026-11-24T09:30:00Z'),
  nominatedDispenserOds: 'FA565',
  items: Array.from({ length: items }, (_, i) => ({
    lineItemId: `0190${i}000-0000-7000-8000-00000000000${i}`,
    dmdCode: i % 2 ? DMD.paracetamol : DMD.amoxicillin,
    medicineName: i % 2 ? null : 'Amoxicillin 250mg capsules',
    quantity: 21 + i,
    unit: 'capsule',
    dosageText: 'One three times a day',
  })),
  ...extra,
});

const context = (
  prescriber: Partial<EpsContext['prescriber']> = {},
  commissioner: string | null = '99X',
): EpsContext => ({
  messageId: 'b5c6d7e8-0000-4000-8000-000000000001',
  patient: {
    nhsNumber: syntheticNhsNumber(7),
    givenName: 'Ava',
    familyName: 'Testwell',
    dateOfBirth: '1980-02-03',
    gender: 'female',
    registeredPracticeOds: 'Y99011',
  },
  prescriber: {
    family: 'Carter',
    given: 'Sam',
    codeKind: 'PROFESSIONAL',
    code: '12A3456B',
    profession: 'NURSE',
    ...prescriber,
  },
  costCentre: { odsCode: 'Y99009', name: 'Harbour and Downs PCN Prescribing', parentCommissionerCode: commissioner },
});

/** The renderer, typed loosely for reading the FHIR JSON back. */
const renderEpsPrescriptionOrder = (p: EpsPrescription, c: EpsContext): Res => renderJson(p, c);

const resources = (bundle: Res): Res[] => (bundle.entry as Res[]).map((e) => e.resource as Res);
const ofType = (bundle: Res, type: string): Res[] => resources(bundle).filter((r) => r.resourceType === type);
const one = (bundle: Res, type: string): Res => {
  const found = ofType(bundle, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('EPS prescription-order Bundle', () => {
  it('is a message Bundle whose MessageHeader announces a prescription-order', () => {
    const bundle = renderEpsPrescriptionOrder(prescription(), context());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'message', id: context().messageId });
    expect(resources(bundle)[0]!.resourceType).toBe('MessageHeader');
    const header = one(bundle, 'MessageHeader');
    expect(header.eventCoding).toEqual({
      system: 'https://fhir.nhs.uk/CodeSystem/message-event',
      code: 'prescription-order',
      display: 'Prescription Order',
    });
    expect(header.sender.identifier).toEqual({
      system: 'https://fhir.nhs.uk/Id/ods-organization-code',
      value: 'Y99009',
    });
    // Every entry's fullUrl is its resource id as a urn:uuid, and every reference resolves inside the Bundle.
    const urls = new Set((bundle.entry as Res[]).map((e) => e.fullUrl as string));
    for (const e of bundle.entry as Res[]) expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    const refs = JSON.stringify(bundle).match(/"reference":"urn:uuid:[^"]+"/g)!;
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(urls.has(ref.slice(13, -1))).toBe(true);
  });

  it('has one Patient, Practitioner, PractitionerRole and Organization with the EPS identifier systems', () => {
    const bundle = renderEpsPrescriptionOrder(prescription(), context());
    const patient = one(bundle, 'Patient');
    expect(patient.identifier).toEqual([
      { system: 'https://fhir.nhs.uk/Id/nhs-number', value: context().patient.nhsNumber },
    ]);
    expect(isValidNhsNumber(patient.identifier[0].value)).toBe(true);
    expect(one(bundle, 'Practitioner').identifier).toEqual([
      { system: PRESCRIBER_IDENTIFIER_SYSTEMS.NMC, value: '12A3456B' },
    ]);
    const role = one(bundle, 'PractitionerRole');
    expect(role.practitioner.reference).toBe(`urn:uuid:${one(bundle, 'Practitioner').id}`);
    expect(role.organization.reference).toBe(`urn:uuid:${one(bundle, 'Organization').id}`);
    const org = one(bundle, 'Organization');
    expect(org.identifier).toEqual([{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Y99009' }]);
    expect(org.partOf).toEqual({
      identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: '99X' },
    });
  });

  it.each([1, 2, 3, 4])('renders %i MedicationRequests sharing one groupIdentifier', (count) => {
    const bundle = renderEpsPrescriptionOrder(prescription(count), context());
    const requests = ofType(bundle, 'MedicationRequest');
    expect(requests).toHaveLength(count);
    const role = `urn:uuid:${one(bundle, 'PractitionerRole').id}`;
    for (const [i, mr] of requests.entries()) {
      expect(mr).toMatchObject({ status: 'active', intent: 'order', substitution: { allowedBoolean: false } });
      expect(mr.category[0].coding[0]).toMatchObject({ code: 'community' });
      expect(mr.courseOfTherapyType.coding[0]).toMatchObject({ code: 'acute' });
      expect(mr.medicationCodeableConcept.coding[0]).toMatchObject({
        system: 'http://snomed.info/sct',
        code: prescription(count).items[i]!.dmdCode,
      });
      expect(mr.identifier[0]).toEqual({
        system: 'https://fhir.nhs.uk/Id/prescription-order-item-number',
        value: prescription(count).items[i]!.lineItemId,
      });
      expect(mr.subject.reference).toBe(`urn:uuid:${one(bundle, 'Patient').id}`);
      expect(mr.requester.reference).toBe(role);
      expect(mr.dosageInstruction).toEqual([{ text: 'One three times a day' }]);
      expect(mr.dispenseRequest.quantity).toEqual({ value: 21 + i, unit: 'capsule' });
      expect(mr.dispenseRequest.performer).toEqual({
        identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'FA565' },
      });
      const ext = (url: string) => (mr.extension as Res[]).find((e) => e.url === url);
      expect(ext('https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionType')!.valueCoding.code).toBe(
        '0104',
      );
      expect(
        ext('https://fhir.nhs.uk/StructureDefinition/Extension-DM-ResponsiblePractitioner')!.valueReference.reference,
      ).toBe(role);
    }
    const groups = requests.map((mr) => JSON.stringify(mr.groupIdentifier));
    expect(new Set(groups).size).toBe(1);
    const group = requests[0]!.groupIdentifier;
    expect(group.system).toBe('https://fhir.nhs.uk/Id/prescription-order-number');
    expect(isValidShortFormPrescriptionId(group.value)).toBe(true);
    expect(group.extension[0].valueIdentifier).toEqual({
      system: 'https://fhir.nhs.uk/Id/prescription',
      value: prescription().longFormId,
    });
  });

  it('puts a DIN on the Practitioner, a spurious code on the PractitionerRole, and GMC numbers with their C prefix', () => {
    const din = renderEpsPrescriptionOrder(
      prescription(),
      context({ codeKind: 'DIN', code: '123456', profession: 'MEDICAL' }),
    );
    expect(one(din, 'Practitioner').identifier).toEqual([
      { system: PRESCRIBER_IDENTIFIER_SYSTEMS.DIN, value: '123456' },
    ]);
    expect(ofType(din, 'MedicationRequest')[0]!.extension[0].valueCoding.code).toBe('0101');
    const spurious = renderEpsPrescriptionOrder(
      prescription(),
      context({ codeKind: 'SPURIOUS', code: '612345', sdsRoleProfileId: '555021935107' }),
    );
    expect(one(spurious, 'PractitionerRole').identifier).toEqual([
      { system: 'https://fhir.nhs.uk/Id/sds-role-profile-id', value: '555021935107' },
      { system: PRESCRIBER_IDENTIFIER_SYSTEMS.SPURIOUS, value: '612345' },
    ]);
    const gmc = renderEpsPrescriptionOrder(
      prescription(),
      context({ codeKind: 'PROFESSIONAL', code: '1234567', profession: 'MEDICAL' }),
    );
    expect(one(gmc, 'Practitioner').identifier).toEqual([
      { system: PRESCRIBER_IDENTIFIER_SYSTEMS.GMC, value: 'C1234567' },
    ]);
  });

  it('is repeatable, marks "no nomination" without a dispenser, and refuses repeats and item counts outside 1-4', () => {
    expect(renderEpsPrescriptionOrder(prescription(), context())).toEqual(
      renderEpsPrescriptionOrder(prescription(), context()),
    );
    const open = renderEpsPrescriptionOrder(prescription(1, { nominatedDispenserOds: null }), context(undefined, null));
    const mr = ofType(open, 'MedicationRequest')[0]!;
    expect(mr.dispenseRequest.performer).toBeUndefined();
    expect(mr.dispenseRequest.extension[0].valueCoding.code).toBe('0004');
    expect(one(open, 'Organization').partOf).toBeUndefined();
    expect(() => renderEpsPrescriptionOrder(prescription(1, { courseOfTherapy: 'REPEAT' }), context())).toThrow(
      RangeError,
    );
    expect(() => renderEpsPrescriptionOrder(prescription(0), context())).toThrow(RangeError);
    expect(() => renderEpsPrescriptionOrder(prescription(5), context())).toThrow(RangeError);
  });
});
