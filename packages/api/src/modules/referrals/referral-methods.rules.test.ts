import { syntheticNhsNumber } from '@pcn-hub/schema';
import { describe, expect, it } from 'vitest';
import { REFERRAL_METHODS } from '../hub-services/index.js';
import { HubError } from '../../platform/errors.js';
import { REFERRAL_METHOD_STRATEGIES, strategyOf, type ReferralRequest } from './referral-methods.rules.js';

const SLOT = '01900000-0000-7000-8000-0000000000aa';
const TEAM = '01900000-0000-7000-8000-0000000000bb';

function refusal(run: () => unknown): { code: string; field: unknown; rule: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    const e = error as HubError;
    return { code: e.code, field: e.extensions.field, rule: e.extensions.rule };
  }
  throw new Error('expected a refusal');
}

describe('referral method strategies', () => {
  it('has one strategy per method, keyed by its own method', () => {
    expect(Object.keys(REFERRAL_METHOD_STRATEGIES).sort()).toEqual([...REFERRAL_METHODS].sort());
    for (const method of REFERRAL_METHODS) expect(strategyOf(method).method).toBe(method);
  });

  it('declares the properties of the issue for each method', () => {
    const p = (m: keyof typeof REFERRAL_METHOD_STRATEGIES) => REFERRAL_METHOD_STRATEGIES[m].properties;
    expect(p('CROSS_ORGANISATION_BOOKING')).toMatchObject({
      registersPatientAutomatically: false,
      needsTraceStep: true,
      requiredAgreement: 'CROSS_ORG_APPOINTMENTS',
      needsSlot: true,
      needsConsent: true,
    });
    expect(p('GP_CONNECT_BOOKING')).toMatchObject({
      registersPatientAutomatically: true,
      needsTraceStep: false,
      requiredAgreement: null,
      needsSlot: true,
      needsOrganisationGroup: true,
      needsGpConnectBook: true,
    });
    expect(p('CROSS_ORGANISATION_TASK')).toMatchObject({ requiredAgreement: 'CROSS_ORG_TASKS', needsSlot: false });
    expect(p('DOCUMENT_SEND')).toMatchObject({ requiredAgreement: null, needsSlot: false });
    expect(p('INBOX_SIGNPOST')).toMatchObject({ initiator: 'HUB', needsSlot: false });
    // Only methods that register the patient skip the trace step.
    for (const m of REFERRAL_METHODS) expect(p(m).needsTraceStep).toBe(!p(m).registersPatientAutomatically);
  });

  it('booking methods need a slot and refuse task or document input', () => {
    for (const method of ['CROSS_ORGANISATION_BOOKING', 'GP_CONNECT_BOOKING'] as const) {
      expect(refusal(() => strategyOf(method).check({ method }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.slotId',
        rule: 'METHOD_INPUT',
      });
      const withTask: ReferralRequest = {
        method,
        slotId: SLOT,
        task: { teamId: TEAM, subject: 'x', category: 'ADMIN' },
      };
      expect(refusal(() => strategyOf(method).check(withTask)).field).toBe('input.task');
      expect(strategyOf(method).check({ method, slotId: SLOT })).toEqual({ slotId: SLOT, task: null, document: null });
    }
  });

  it('a task needs a subject without an NHS number, and no slot', () => {
    const check = (task: ReferralRequest['task'], extra: Partial<ReferralRequest> = {}) =>
      strategyOf('CROSS_ORGANISATION_TASK').check({ method: 'CROSS_ORGANISATION_TASK', task, ...extra });
    expect(refusal(() => check(null)).field).toBe('input.task');
    expect(refusal(() => check({ teamId: TEAM, subject: '  ', category: 'ADMIN' })).field).toBe('input.task.subject');
    const nhs = syntheticNhsNumber(42);
    expect(
      refusal(() =>
        check({
          teamId: TEAM,
          subject: `Review for ${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`,
          category: 'ADMIN',
        }),
      ).rule,
    ).toBe('NO_PID_IN_SUBJECT');
    expect(refusal(() => check({ teamId: TEAM, subject: 'Review', category: 'ADMIN' }, { slotId: SLOT })).field).toBe(
      'input.slotId',
    );
    expect(check({ teamId: TEAM, subject: ' Medication review ', category: 'MEDICATION', body: '' })).toEqual({
      slotId: null,
      task: { teamId: TEAM, subject: 'Medication review', category: 'MEDICATION', body: null },
      document: null,
    });
  });

  it('a document needs sane metadata', () => {
    const check = (document: ReferralRequest['document']) =>
      strategyOf('DOCUMENT_SEND').check({ method: 'DOCUMENT_SEND', document });
    const good = {
      title: 'Referral letter',
      contentType: 'application/pdf',
      sizeBytes: 2048,
      reference: 'docman://letters/1',
    };
    expect(check(good).document).toEqual(good);
    expect(refusal(() => check({ ...good, contentType: 'application/x-msdownload' })).field).toBe(
      'input.document.contentType',
    );
    expect(refusal(() => check({ ...good, sizeBytes: 0 })).field).toBe('input.document.sizeBytes');
    expect(refusal(() => check({ ...good, reference: '' })).field).toBe('input.document.reference');
  });
});
