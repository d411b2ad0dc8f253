import { describe, expect, it } from 'vitest';
import { CONDITION_CODES, PHARMACY_CONDITIONS } from './pharmacy.conditions.js';
import { PharmacyRecordError } from './pharmacy.errors.js';
import { isConceptId, isValidNhsNumber } from './pharmacy.identifiers.js';
import { communityPharmacyManifest } from './pharmacy.manifest.js';
import { pharmacyIdempotencyKeys, toRecordConsultationInput } from './pharmacy.mapper.js';
import type { PharmacyConsultationRecord } from './pharmacy.types.js';

const NOW = new Date('2025-03-04T12:00:00Z');
// Synthetic (999 range), valid check digit.
const NHS = '9990000085';

const record = (overrides: Partial<PharmacyConsultationRecord> = {}): PharmacyConsultationRecord => ({
  consultationId: 'PF-2025-000123',
  nhsNumber: '999 000 0085',
  pharmacy: { odsCode: 'fa123', name: 'Riverside Pharmacy' },
  pharmacist: { name: 'Jordan Reed', gphcNumber: '2071234' },
  consultedAt: '2025-03-04T10:15:00+00:00',
  condition: 'ACUTE_OTITIS_MEDIA',
  outcome: 'MEDICINE_SUPPLIED',
  advice: 'Paracetamol for pain; return if no better in 3 days.',
  supply: {
    dmdCode: '39732311000001104',
    name: 'Amoxicillin 250mg capsules',
    dose: 'One three times a day',
    quantity: '15 capsule',
  },
  ...overrides,
});

const issuesOf = (fn: () => unknown): { field: string; message: string }[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PharmacyRecordError);
    return [...(error as PharmacyRecordError).issues];
  }
  throw new Error('expected a PharmacyRecordError');
};

describe('toRecordConsultationInput', () => {
  it('maps a consultation to a coded condition, a note with outcome and advice, and the supply', () => {
    const input = toRecordConsultationInput(record(), { now: NOW });
    expect(input).toMatchObject({
      nhsNumber: NHS,
      startedAt: '2025-03-04T10:15:00.000Z',
      location: 'Riverside Pharmacy (FA123)',
      clinicallyRelevant: true,
      idempotencyKey: 'pharmacy:FA123:PF-2025-000123:record',
    });
    expect(input.entries).toHaveLength(3);
    expect(input.entries![0]).toEqual({
      coded: { snomedCode: '3110003', term: 'Acute otitis media', codedKind: 'FINDING' },
    });
    const note = input.entries![1]!.note!;
    expect(note.adminOnly).toBe(false);
    expect(note.text).toContain('Pharmacy First: Acute otitis media.');
    expect(note.text).toContain('Jordan Reed (GPhC 2071234)');
    expect(note.text).toContain('Outcome: medicine supplied');
    expect(note.text).toContain('Advice: Paracetamol for pain');
    expect(input.entries![2]).toEqual({
      medication: {
        dmdCode: '39732311000001104',
        name: 'Amoxicillin 250mg capsules',
        dose: 'One three times a day',
        quantity: '15 capsule',
      },
    });
  });

  it('is deterministic, so a resend replays at the hub instead of clashing', () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(toRecordConsultationInput(record(), { now: later })).toEqual(
      toRecordConsultationInput(record(), { now: NOW }),
    );
    expect(pharmacyIdempotencyKeys(record())).toEqual({
      record: 'pharmacy:FA123:PF-2025-000123:record',
      save: 'pharmacy:FA123:PF-2025-000123:save',
    });
    // The same local id at another pharmacy is another consultation.
    expect(pharmacyIdempotencyKeys(record({ pharmacy: { odsCode: 'FB999', name: 'Other' } })).record).not.toBe(
      pharmacyIdempotencyKeys(record()).record,
    );
  });

  it('records advice without a supply for the other outcomes', () => {
    const input = toRecordConsultationInput(
      record({ outcome: 'SELF_CARE_ADVICE', supply: null, condition: 'ACUTE_SORE_THROAT' }),
      { now: NOW },
    );
    expect(input.entries!.map((entry) => Object.keys(entry)[0])).toEqual(['coded', 'note']);
    expect(input.entries![0]!.coded!.snomedCode).toBe('363746003');
  });

  it('names every field at fault, and never a value, before anything is sent', () => {
    const bad = record({
      consultationId: 'has spaces',
      nhsNumber: '9990000084',
      pharmacy: { odsCode: 'F-1', name: ' ' },
      pharmacist: { name: 'Jordan Reed', gphcNumber: '12' },
      consultedAt: '2025-03-04 10:15',
      condition: 'HAY_FEVER' as never,
      advice: 'x'.repeat(8001),
      supply: { dmdCode: '39732311000001105', name: 'Amoxicillin', dose: '', quantity: '15 capsule' },
    });
    const issues = issuesOf(() => toRecordConsultationInput(bad, { now: NOW }));
    expect(issues.map((issue) => issue.field)).toEqual([
      'consultationId',
      'nhsNumber',
      'pharmacy.odsCode',
      'pharmacy.name',
      'pharmacist.gphcNumber',
      'consultedAt',
      'condition',
      'advice',
      'supply.dmdCode',
      'supply.dose',
    ]);
    try {
      toRecordConsultationInput(record({ nhsNumber: '9990000084', advice: '' }), { now: NOW });
    } catch (error) {
      expect((error as Error).message).not.toContain('9990000084');
      expect((error as PharmacyRecordError).field).toBe('nhsNumber');
    }
  });

  it('requires a supply exactly when a medicine was supplied, and refuses a consultation in the future', () => {
    expect(issuesOf(() => toRecordConsultationInput(record({ supply: null }), { now: NOW }))).toEqual([
      { field: 'supply', message: 'is required when a medicine was supplied' },
    ]);
    expect(
      issuesOf(() => toRecordConsultationInput(record({ outcome: 'REFERRED_TO_GP' }), { now: NOW }))[0]!.field,
    ).toBe('supply');
    expect(
      issuesOf(() => toRecordConsultationInput(record({ consultedAt: '2025-03-04T12:10:00Z' }), { now: NOW })),
    ).toEqual([{ field: 'consultedAt', message: 'is in the future' }]);
  });
});

describe('codes', () => {
  it('codes every pathway with a valid SNOMED CT concept id, and the manifest declares exactly those', () => {
    for (const condition of PHARMACY_CONDITIONS)
      expect(isConceptId(CONDITION_CODES[condition].snomedCode), condition).toBe(true);
    expect([...communityPharmacyManifest.producesCodes].sort()).toEqual(
      PHARMACY_CONDITIONS.map((c) => CONDITION_CODES[c].snomedCode).sort(),
    );
  });

  it('checks identifiers as the hub does', () => {
    expect(isValidNhsNumber(NHS)).toBe(true);
    expect(isValidNhsNumber('9990000084')).toBe(false);
    // One changed digit breaks the Verhoeff check; a clinical-extension id is no dm+d code.
    expect(isConceptId('363746004')).toBe(false);
    expect(isConceptId('1090711000000102')).toBe(true);
    expect(isConceptId('1090711000000102', { dmd: true })).toBe(false);
    expect(isConceptId('39732311000001104', { dmd: true })).toBe(true);
  });
});
