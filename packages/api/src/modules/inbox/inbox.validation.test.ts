import { describe, expect, it } from 'vitest';
import { syntheticNhsNumber } from '@pcn-hub/schema';
import { HubError } from '../../platform/errors.js';
import { validateSubmission, type SubmissionInput } from './inbox.validation.js';

const now = new Date('2026-11-24T10:00:00Z');
const valid = (): SubmissionInput => ({
  supplier: 'econsult',
  supplierReference: ' EC-1 ',
  patient: { nhsNumber: syntheticNhsNumber(1), givenName: ' Ava ', familyName: 'Baker', dateOfBirth: '1980-01-02' },
  type: 'CLINICAL',
  template: 'Sore throat',
  submittedAt: new Date('2026-11-24T09:00:00Z'),
  answers: [{ questionId: 'q1', question: 'How long?', answer: 'Three days' }],
  redFlags: [{ questionId: 'q9', description: 'Chest pain' }],
  ice: { ideas: '', concerns: 'Worse', expectations: null },
  attachments: [{ fileName: 'a.jpg', contentType: 'IMAGE/JPEG', sizeBytes: 10 }],
  responseExpectedBy: new Date('2026-11-25T10:00:00Z'),
});

function fieldOf(change: (input: SubmissionInput) => void): string | undefined {
  const input = valid();
  change(input);
  try {
    validateSubmission(input, now);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('BAD_USER_INPUT');
    return (error as HubError).extensions.field as string;
  }
}

describe('submission validation', () => {
  it('normalises a valid submission', () => {
    const clean = validateSubmission(valid(), now);
    expect(clean.supplier).toBe('ECONSULT');
    expect(clean.supplierReference).toBe('EC-1');
    expect(clean.patient.givenName).toBe('Ava');
    expect(clean.ice).toEqual({ ideas: null, concerns: 'Worse', expectations: null });
    expect(clean.attachments[0]!.contentType).toBe('image/jpeg');
  });

  it.each([
    ['input.supplier', (i: SubmissionInput) => (i.supplier = 'e')],
    ['input.supplierReference', (i: SubmissionInput) => (i.supplierReference = '  ')],
    ['input.patient.nhsNumber', (i: SubmissionInput) => (i.patient.nhsNumber = '9990000019')],
    ['input.patient.givenName', (i: SubmissionInput) => (i.patient.givenName = ' ')],
    ['input.patient.familyName', (i: SubmissionInput) => (i.patient.familyName = 'x'.repeat(101))],
    ['input.patient.dateOfBirth', (i: SubmissionInput) => (i.patient.dateOfBirth = '2027-01-01')],
    ['input.template', (i: SubmissionInput) => (i.template = '')],
    ['input.submittedAt', (i: SubmissionInput) => (i.submittedAt = new Date('2026-11-24T11:00:00Z'))],
    ['input.answers', (i: SubmissionInput) => (i.answers = [])],
    [
      'input.answers[0].answer',
      (i: SubmissionInput) => (i.answers = [{ questionId: 'q1', question: 'Q', answer: '   ' }]),
    ],
    ['input.redFlags[0].description', (i: SubmissionInput) => (i.redFlags = [{ questionId: 'q1', description: '' }])],
    ['input.ice.concerns', (i: SubmissionInput) => (i.ice = { concerns: 'x'.repeat(5001) })],
    [
      'input.attachments[0].contentType',
      (i: SubmissionInput) => (i.attachments = [{ fileName: 'a', contentType: 'jpeg', sizeBytes: 1 }]),
    ],
    [
      'input.attachments[0].sizeBytes',
      (i: SubmissionInput) => (i.attachments = [{ fileName: 'a', contentType: 'a/b', sizeBytes: -1 }]),
    ],
    ['input.responseExpectedBy', (i: SubmissionInput) => (i.responseExpectedBy = new Date('2026-11-24T09:59:59Z'))],
  ])('refuses a bad %s', (field, change) => {
    expect(fieldOf(change)).toBe(field);
  });

  it('never echoes the value in the message', () => {
    const input = valid();
    input.patient.nhsNumber = '9990000019';
    expect(() => validateSubmission(input, now)).toThrow(/Not a valid NHS number/);
    try {
      validateSubmission(input, now);
    } catch (error) {
      expect((error as Error).message).not.toContain('9990000019');
    }
  });
});
