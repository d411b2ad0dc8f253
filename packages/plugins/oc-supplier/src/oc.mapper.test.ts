import { describe, expect, it } from 'vitest';
import { OcFormError } from './oc.errors.js';
import { toSubmitOnlineConsultationInput } from './oc.mapper.js';
import { RecentReferences } from './oc.recent.js';
import type { SupplierForm } from './oc.types.js';

const NOW = new Date('2025-03-04T12:00:00Z');

const form = (overrides: Partial<SupplierForm> = {}): SupplierForm => ({
  supplierReference: 'ACME-000042',
  practiceOdsCode: 'y99011',
  patient: { nhsNumber: '999 000 0085', givenName: 'Ava', familyName: 'Abbott', dateOfBirth: '1980-02-02' },
  type: 'CLINICAL',
  template: 'Sore throat',
  submittedAt: '2025-03-04T11:58:00+00:00',
  answers: [
    { questionId: 'q1', question: 'How long have you had it?', answer: 'Three days' },
    { questionId: 'q2', question: 'Can you swallow fluids?', answer: 'No' },
  ],
  redFlags: [{ questionId: 'q2', description: 'Unable to swallow fluids' }],
  ice: { concerns: 'Worried it is tonsillitis', ideas: ' ' },
  ...overrides,
});

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OcFormError);
    return (error as OcFormError).issues.map((issue) => issue.field);
  }
  throw new Error('expected an OcFormError');
};

describe('toSubmitOnlineConsultationInput', () => {
  it('maps a form to the hub input under the adapter supplier code, normalised', () => {
    expect(toSubmitOnlineConsultationInput(form(), { supplier: 'acme_oc', now: NOW })).toEqual({
      supplier: 'ACME_OC',
      supplierReference: 'ACME-000042',
      originatingPracticeOdsCode: 'Y99011',
      patient: { nhsNumber: '9990000085', givenName: 'Ava', familyName: 'Abbott', dateOfBirth: '1980-02-02' },
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: '2025-03-04T11:58:00.000Z',
      answers: [
        { questionId: 'q1', question: 'How long have you had it?', answer: 'Three days' },
        { questionId: 'q2', question: 'Can you swallow fluids?', answer: 'No' },
      ],
      redFlags: [{ questionId: 'q2', description: 'Unable to swallow fluids' }],
      ice: { ideas: null, concerns: 'Worried it is tonsillitis', expectations: null },
    });
  });

  it('names every field at fault, never a value', () => {
    const bad = form({
      supplierReference: 'has space',
      practiceOdsCode: 'Y-1',
      patient: { nhsNumber: '9990000084', givenName: '', familyName: 'Abbott', dateOfBirth: '2099-01-01' },
      type: 'URGENT' as never,
      submittedAt: '2025-03-04T13:00:00Z',
      answers: [
        { questionId: 'q1', question: 'How long?', answer: '' },
        { questionId: 'q1', question: 'Again?', answer: 'Yes' },
      ],
      redFlags: [{ questionId: 'q9', description: 'Flag on nothing' }],
      responseExpectedBy: '2025-03-04T11:00:00Z',
    });
    expect(issuesOf(() => toSubmitOnlineConsultationInput(bad, { supplier: 'ACME_OC', now: NOW }))).toEqual([
      'supplierReference',
      'practiceOdsCode',
      'patient.nhsNumber',
      'patient.givenName',
      'patient.dateOfBirth',
      'type',
      'submittedAt',
      'answers[0].answer',
      'answers[1].questionId',
      'redFlags[0].questionId',
      'responseExpectedBy',
    ]);
    const error = (() => {
      try {
        return toSubmitOnlineConsultationInput(bad, { supplier: 'ACME_OC', now: NOW });
      } catch (e) {
        return e as Error;
      }
    })();
    expect((error as Error).message).not.toMatch(/9990000084|Abbott|Flag on nothing/);
    expect(
      issuesOf(() => toSubmitOnlineConsultationInput(form({ answers: [] }), { supplier: 'ACME_OC', now: NOW })),
    ).toEqual(['answers', 'redFlags[0].questionId']);
  });

  it('refuses a misconfigured supplier code loudly', () => {
    expect(() => toSubmitOnlineConsultationInput(form(), { supplier: 'a', now: NOW })).toThrow(TypeError);
  });
});

describe('RecentReferences', () => {
  it('forgets the least recently used past its capacity, and entries past their time', () => {
    let now = 0;
    const recent = new RecentReferences<number>(2, 1000, () => now);
    recent.set('a', 1);
    recent.set('b', 2);
    expect(recent.get('a')).toBe(1);
    recent.set('c', 3);
    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual([1, undefined, 3]);
    now = 1001;
    expect(recent.get('a')).toBeUndefined();
    expect(new RecentReferences<number>(0, 1000).size).toBe(0);
  });
});
