import fc from 'fast-check';
import { buildShortFormPrescriptionId, isValidDmdCode, isValidShortFormPrescriptionId } from '@pcn-hub/schema';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { CONTROLLED_DRUG_LIST, isScheduleOne } from './controlled-drugs.codes.js';
import { csvField, toCsv } from '../../platform/csv.js';
import { PRESCRIPTION_STATES, TRANSITIONS, nextState, prescriberCodeProblem } from './prescribing.codes.js';
import { cancelRule, canSeePrescription } from './prescribing.policy.js';
import { validateItems } from './prescribing.validation.js';
import { summarySql } from './cost-centre/summary.service.js';
import { DMD, item } from './prescribing.testkit.js';
import { medicationEntriesFor } from './prescriptions/write-back.service.js';
import type { PrescriptionItem } from './prescription.entity.js';

const actor = (kind: Actor['organisationKind'], org: string, roles: Role[]): Actor => ({
  kind: 'USER',
  id: 'someone',
  roles: new Set(roles),
  organisationId: org,
  organisationOds: 'Y99000',
  organisationKind: kind,
  pcnId: 'pcn',
});

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { field?: string } }).extensions?.field;
  }
  return undefined;
}

describe('controlled drugs reference list', () => {
  it('holds only dm+d-shaped synthetic codes, two of them Schedule 1', () => {
    for (const cd of CONTROLLED_DRUG_LIST) {
      expect(isValidDmdCode(cd.dmdCode)).toBe(true);
      expect(cd.label).toMatch(/^SYNTHETIC /);
    }
    expect(CONTROLLED_DRUG_LIST.filter((cd) => isScheduleOne(cd.dmdCode))).toHaveLength(2);
    expect(isScheduleOne(DMD.amoxicillin)).toBe(false);
  });
});

describe('item validation', () => {
  it('accepts 1-4 items and numbers them', () => {
    const items = validateItems([item(), item(DMD.paracetamol, 2.5), item(DMD.scheduleTwo, 1)]);
    expect(items.map((i) => [i.lineNo, i.quantity, i.controlledDrugSchedule])).toEqual([
      [1, 21, null],
      [2, 2.5, null],
      [3, 1, 'SCHEDULE_2'],
    ]);
  });

  it.each([
    [[], 'input.items'],
    [[item(), item(), item(), item(), item()], 'input.items'],
    [[item('1234')], 'input.items[0].dmdCode'],
    // A valid SNOMED CT concept outside the drug extension (myocardial infarction) is not a medicine.
    [[item('149951000000107')], 'input.items[0].dmdCode'],
    [[item(), item(DMD.scheduleOne)], 'input.items[1].dmdCode'],
    [[item(DMD.amoxicillin, 0)], 'input.items[0].quantity'],
    [[item(DMD.amoxicillin, Number.NaN)], 'input.items[0].quantity'],
    [[item(DMD.amoxicillin, 1.0005)], 'input.items[0].quantity'],
    [[{ ...item(), unit: '' }], 'input.items[0].unit'],
    [[{ ...item(), dosageText: 'x'.repeat(1001) }], 'input.items[0].dosageText'],
  ])('refuses %j at %s', (items, field) => {
    expect(fieldOf(() => validateItems(items))).toBe(field);
  });
});

describe('prescriber codes', () => {
  it.each([
    ['DIN', '123456', 'MEDICAL', true],
    ['DIN', '12345', 'MEDICAL', false],
    ['SPURIOUS', '612345', 'MEDICAL', true],
    ['SPURIOUS', '512345', 'NURSE', false],
    ['PROFESSIONAL', '12A3456B', 'NURSE', true],
    ['PROFESSIONAL', '12A3456', 'NURSE', false],
    ['PROFESSIONAL', '2012345', 'PHARMACIST', true],
    ['PROFESSIONAL', '12A3456B', 'PHARMACIST', false],
    ['PROFESSIONAL', '1234567', 'MEDICAL', true],
    ['PROFESSIONAL', 'PA12345', 'PARAMEDIC', true],
    ['PROFESSIONAL', 'PH123456', 'PARAMEDIC', false],
  ] as const)('%s %s for %s valid: %s', (kind, code, profession, valid) => {
    expect(prescriberCodeProblem(kind, code, profession) === null).toBe(valid);
  });
});

describe('state machine', () => {
  it('has no way out of the terminal states and none back to RAISED', () => {
    for (const terminal of ['CANCELLED', 'REJECTED', 'DISPENSED'] as const) {
      expect(TRANSITIONS.filter((t) => t.from === terminal)).toEqual([]);
    }
    expect(TRANSITIONS.filter((t) => t.to === 'RAISED').map((t) => t.from)).toEqual([null]);
    expect(nextState('DISPENSED', 'CANCEL')).toBeNull();
    expect(nextState('ISSUED', 'CANCEL')).toBe('CANCELLED');
    expect(nextState('RAISED', 'ISSUE_AT_PRACTICE')).toBeNull();
    expect(new Set(TRANSITIONS.map((t) => t.to))).toEqual(new Set(PRESCRIPTION_STATES));
  });

  it('lets the hub and the registered practice see a prescription, nobody else', () => {
    const p = { hubId: 'hub', registeredPracticeId: 'p1' };
    expect(canSeePrescription(actor('HUB', 'hub', ['HUB_CLINICIAN']), p)).toBe(true);
    expect(canSeePrescription(actor('PRACTICE', 'p1', ['PRACTICE_CLINICIAN']), p)).toBe(true);
    expect(canSeePrescription(actor('PRACTICE', 'p2', ['PRACTICE_CLINICIAN']), p)).toBe(false);
    expect(canSeePrescription(actor('HUB', 'other-hub', ['HUB_MANAGER']), p)).toBe(false);
    expect(canSeePrescription(actor('PCN', 'pcn', ['PCN_ANALYST']), p)).toBe(false);
  });

  it('decides who cancels by state and issuer', () => {
    const facts = (state: 'RAISED' | 'ISSUED', issuedAtHub: boolean) => ({
      hubId: 'hub',
      registeredPracticeId: 'p1',
      state,
      issuedAtHub,
    });
    expect(cancelRule(actor('HUB', 'hub', ['HUB_CLINICIAN']), facts('RAISED', false))).toBe('ALLOWED');
    expect(cancelRule(actor('PRACTICE', 'p1', ['PRACTICE_CLINICIAN']), facts('RAISED', false))).toBe('DENIED');
    expect(cancelRule(actor('HUB', 'hub', ['HUB_CLINICIAN']), facts('ISSUED', true))).toBe('DENIED');
    expect(cancelRule(actor('HUB', 'hub', ['HUB_PRESCRIBER']), facts('ISSUED', true))).toBe('HUB_PRESCRIBER');
    expect(cancelRule(actor('HUB', 'hub', ['HUB_PRESCRIBER']), facts('ISSUED', false))).toBe('DENIED');
    expect(cancelRule(actor('PRACTICE', 'p1', ['PRACTICE_CLINICIAN']), facts('ISSUED', false))).toBe('ALLOWED');
  });
});

describe('short-form ids', () => {
  it('every id built from any random block, cost centre and sequence validates and keeps its parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffff }),
        fc.tuple(
          fc.integer({ min: 0, max: 25 }).map((i) => String.fromCharCode(65 + i)),
          fc.integer({ min: 0, max: 99999 }),
        ),
        fc.integer({ min: 0, max: 0x1fffff }),
        (random, [letter, digits], sequence) => {
          const ods = `${letter}${String(digits).padStart(5, '0')}`;
          const id = buildShortFormPrescriptionId({
            random6Hex: random.toString(16).padStart(6, '0'),
            odsCode: ods,
            sequence,
          });
          expect(isValidShortFormPrescriptionId(id)).toBe(true);
          expect(id.slice(7, 13)).toBe(ods);
          expect(parseInt(id.slice(14, 19), 16)).toBe(sequence % 0x100000);
        },
      ),
    );
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [['x,y', 2]])).toBe('a,b\r\n"x,y",2\r\n');
  });
});

describe('summary SQL', () => {
  it('groups by exactly the chosen dimensions and only joins items for MEDICINE', () => {
    const byMonth = summarySql(['MONTH', 'REGISTERED_PRACTICE'], 1);
    expect(byMonth).toContain(
      "group by p.registered_practice_id, date_trunc('month', p.issued_at at time zone 'UTC') order by 1, 2",
    );
    expect(byMonth).not.toContain('prescription_item');
    expect(summarySql(['MEDICINE'], 2)).toContain('join prescription_item');
    expect(summarySql(['MEDICINE'], 2)).toContain('in (?, ?)');
    expect(summarySql([], 1)).not.toContain('group by');
  });
});

describe('write-back entries', () => {
  it('turns each issued item into a MEDICATION entry, in line order, naming the EPS id', () => {
    const items = [
      {
        lineNo: 2,
        dmdCode: DMD.paracetamol,
        medicineName: null,
        quantity: 32,
        unit: 'tablet',
        dosageText: 'Two four times a day',
      },
      {
        lineNo: 1,
        dmdCode: DMD.amoxicillin,
        medicineName: 'Amoxicillin 250mg capsules',
        quantity: 21,
        unit: 'capsule',
        dosageText: 'One three times a day',
      },
    ] as PrescriptionItem[];
    expect(medicationEntriesFor({ shortFormId: 'A1B2C3-Y99009-00001J' }, items)).toEqual([
      {
        kind: 'MEDICATION',
        dmdCode: DMD.amoxicillin,
        name: 'Amoxicillin 250mg capsules (EPS A1B2C3-Y99009-00001J)',
        dose: 'One three times a day',
        quantity: '21 capsule',
      },
      {
        kind: 'MEDICATION',
        dmdCode: DMD.paracetamol,
        name: `dm+d ${DMD.paracetamol} (EPS A1B2C3-Y99009-00001J)`,
        dose: 'Two four times a day',
        quantity: '32 tablet',
      },
    ]);
  });
});
