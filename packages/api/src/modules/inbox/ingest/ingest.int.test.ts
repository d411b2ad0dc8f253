import { expect, it } from 'vitest';
import { syntheticNhsNumber } from '@pcn-hub/schema';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import type { Role } from '../../../platform/auth/roles.js';
import { DEMO, demoPatient } from '../../../seed/demo.js';
import {
  CONSULTATION,
  SUBMIT,
  act,
  dbIdOf,
  ok,
  practiceOf,
  row,
  submission,
  submit,
  type Submitted,
} from '../inbox.testkit.js';

/** Row counts of everything a submission writes. */
async function footprint(
  hub: TestHub,
): Promise<{ consultations: number; transitions: number; events: number; audits: number }> {
  const [r] = await hub.sql<Record<string, string | number>>(
    `select (select count(*) from online_consultation) as consultations,
            (select count(*) from consultation_transition) as transitions,
            (select count(*) from event_log where stream like 'inbox:%') as events,
            (select count(*) from audit_event where action = 'submitOnlineConsultation') as audits`,
  );
  return {
    consultations: Number(r!.consultations),
    transitions: Number(r!.transitions),
    events: Number(r!.events),
    audits: Number(r!.audits),
  };
}

async function orgId(hub: TestHub, ods: string): Promise<string> {
  const [org] = await hub.sql<{ id: string }>('select id from organisation where ods_code = ?', [ods]);
  return org!.id;
}

describeEachDatabase('inbox ingest', (hub) => {
  it('stores a consultation for a hub-routed practice in the hub inbox, with history, event and audit', async () => {
    const s = await submit(hub(), 0, { redFlags: [{ questionId: 'q2', description: 'Breathing' }] });
    expect(s).toMatchObject({
      created: true,
      state: 'AWAITING_TRIAGE',
      routingReason: 'ROUTED_TO_HUB',
      owner: { odsCode: 'Y99000' },
    });
    const stored = await row(hub(), s.consultationId);
    const patient = demoPatient(0);
    expect(stored).toMatchObject({
      nhs_number: patient.nhsNumber,
      given_name: patient.givenName,
      family_name: patient.familyName,
      red_flag_count: 1,
    });
    expect(stored.patient_id).toBeTruthy();
    const id = dbIdOf(s.consultationId);
    const history = await hub().sql<{ action: string; from_state: string; to_state: string; actor_id: string }>(
      'select action, from_state, to_state, actor_id from consultation_transition where consultation_id = ?',
      [id],
    );
    expect(history).toEqual([
      { action: 'ARRIVE', from_state: 'RECEIVED', to_state: 'AWAITING_TRIAGE', actor_id: 'oc.supplier' },
    ]);
    const hubId = await orgId(hub(), 'Y99000');
    const events = await hub().sql<{ stream: string; type: string; payload: unknown }>(
      'select stream, type, payload from event_log where subject_id = ?',
      [id],
    );
    expect(events.map((e) => [e.stream, e.type])).toEqual([[`inbox:${hubId}`, 'CONSULTATION_ARRIVED']]);
    const payload = JSON.stringify(events[0]!.payload);
    for (const secret of [patient.nhsNumber, patient.givenName, patient.familyName, patient.dateOfBirth])
      expect(payload).not.toContain(secret);
    const audits = await hub().sql<{ actor_id: string; patient_id: string }>(
      "select actor_id, patient_id from audit_event where action = 'submitOnlineConsultation' and subject_id = ?",
      [id],
    );
    expect(audits).toEqual([{ actor_id: 'oc.supplier', patient_id: stored.patient_id }]);
  });

  it('returns the first consultation for a resubmission and writes nothing', async () => {
    const input = submission(1);
    const first = await hub().gql<{ submitOnlineConsultation: Submitted }>(SUBMIT, { input }, 'oc.supplier');
    const before = await footprint(hub());
    const again = await hub().gql<{ submitOnlineConsultation: Submitted }>(
      SUBMIT,
      { input: { ...input, supplier: 'econsult', template: 'The e-mail copy' } },
      'oc.supplier',
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitOnlineConsultation).toMatchObject({
      consultationId: first.data!.submitOnlineConsultation.consultationId,
      created: false,
    });
    expect(await footprint(hub())).toEqual(before);
  });

  it('answers the consultation itself only to a caller the inbox rules let read it (audited), null to the supplier', async () => {
    const SUBMIT_WITH = `mutation($input: SubmitOnlineConsultationInput!) {
      submitOnlineConsultation(input: $input) { consultationId consultation { id state ownerOrganisation { odsCode } } }
    }`;
    type Answer = {
      submitOnlineConsultation: {
        consultationId: string;
        consultation: { id: string; state: string; ownerOrganisation: { odsCode: string } } | null;
      };
    };
    const reads = (id: string) =>
      hub().sql<{ actor_id: string }>(
        "select actor_id from audit_event where action = 'readOnlineConsultation' and subject_id = ?",
        [dbIdOf(id)],
      );

    const bySupplier = await hub().gql<Answer>(SUBMIT_WITH, { input: submission(0) }, 'oc.supplier');
    expect(bySupplier.errors).toBeUndefined();
    expect(bySupplier.data!.submitOnlineConsultation.consultation).toBeNull();
    expect(await reads(bySupplier.data!.submitOnlineConsultation.consultationId)).toEqual([]);

    // A hub system account that may also read the hub inbox: the consultation routes to the hub.
    const claims: { sub: string; org: string; roles: Role[] } = {
      sub: 'hub.integration',
      org: 'Y99000',
      roles: ['INTEGRATION', 'HUB_ADMIN'],
    };
    const inboxReader = { token: await hub().token(claims) };
    const byReader = await hub().gql<Answer>(SUBMIT_WITH, { input: submission(0) }, inboxReader);
    expect(byReader.errors).toBeUndefined();
    const answer = byReader.data!.submitOnlineConsultation;
    expect(answer.consultation).toEqual({
      id: answer.consultationId,
      state: 'AWAITING_TRIAGE',
      ownerOrganisation: { odsCode: 'Y99000' },
    });
    expect(await reads(answer.consultationId)).toEqual([{ actor_id: 'hub.integration' }]);
  });

  it('stores one consultation when copies race in at once', async () => {
    const input = submission(2);
    const before = await footprint(hub());
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        hub().gql<{ submitOnlineConsultation: Submitted }>(SUBMIT, { input }, 'oc.supplier'),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data!.submitOnlineConsultation.consultationId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.data!.submitOnlineConsultation.created)).toHaveLength(1);
    const after = await footprint(hub());
    expect(after.consultations - before.consultations).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.transitions - before.transitions).toBe(1);
  });

  it.each([
    ['an unknown practice', { originatingPracticeOdsCode: 'Y12345' }, 'input.originatingPracticeOdsCode'],
    ['the hub as the practice', { originatingPracticeOdsCode: 'Y99000' }, 'input.originatingPracticeOdsCode'],
    [
      'an invalid NHS number',
      { patient: { ...(submission(3).patient as object), nhsNumber: '9990000019' } },
      'input.patient.nhsNumber',
    ],
    ['no answers', { answers: [] }, 'input.answers'],
    [
      'an empty required answer',
      { answers: [{ questionId: 'q1', question: 'How long?', answer: '  ' }] },
      'input.answers[0].answer',
    ],
    [
      'a response-expected-by in the past',
      { responseExpectedBy: new Date(Date.now() - 60_000).toISOString() },
      'input.responseExpectedBy',
    ],
    ['an empty template', { template: ' ' }, 'input.template'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_what, overrides, field) => {
    const before = await footprint(hub());
    const res = await hub().gql(SUBMIT, { input: submission(3, overrides) }, 'oc.supplier');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(JSON.stringify(res.errors)).not.toContain(demoPatient(3).familyName);
    expect(await footprint(hub())).toEqual(before);
  });

  it('accepts submissions from OC suppliers only', async () => {
    const res = await hub().gql(SUBMIT, { input: submission(4) }, 'hub.anp1');
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('puts a consultation with no registered match in UNMATCHED, and a manual match moves it on', async () => {
    // Patient 5's NHS number with the wrong date of birth: no match.
    const wrongDob = await submit(hub(), 5, {
      patient: { ...(submission(5).patient as object), dateOfBirth: '1901-01-01' },
    });
    expect(wrongDob.state).toBe('UNMATCHED');
    // Patient 6 submitting to another practice than the one they are registered at: no match either.
    const elsewhere = await submit(hub(), 6, {
      originatingPracticeOdsCode: practiceOf(7) === practiceOf(6) ? 'Y99012' : practiceOf(7),
    });
    expect(elsewhere.state).toBe('UNMATCHED');
    expect((await row(hub(), wrongDob.consultationId)).patient_id).toBeNull();

    const input = { consultationId: wrongDob.consultationId, patientNhsNumber: demoPatient(5).nhsNumber };
    expect(codeOf(await act(hub(), 'matchConsultationPatient', input, 'p1.gp'))).toBe('NOT_FOUND');
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId: wrongDob.consultationId }, 'hub.anp1'))).toBe(
      'INVALID_TRANSITION',
    );
    const unknown = await act(
      hub(),
      'matchConsultationPatient',
      { ...input, patientNhsNumber: syntheticNhsNumber(90_000) },
      'hub.coord1',
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const matched = await ok(hub(), 'matchConsultationPatient', input, 'hub.coord1');
    expect(matched.state).toBe('AWAITING_TRIAGE');
    const detail = await hub().gql<{
      onlineConsultation: { patient: { nhsNumber: string }; history: { action: string; to: string }[] };
    }>(
      'query($id: ID!) { onlineConsultation(id: $id) { patient { nhsNumber } history { action to } } }',
      { id: wrongDob.consultationId },
      'hub.coord1',
    );
    expect(detail.data!.onlineConsultation.patient.nhsNumber).toBe(demoPatient(5).nhsNumber);
    expect(detail.data!.onlineConsultation.history.map((h) => h.action)).toEqual(['ARRIVE', 'MATCH']);
    const again = await act(hub(), 'matchConsultationPatient', input, 'hub.coord1');
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0]!.extensions).toMatchObject({ from: 'AWAITING_TRIAGE', to: 'AWAITING_TRIAGE' });
    const [event] = await hub().sql<{ type: string }>(
      "select type from event_log where subject_id = ? and type = 'PATIENT_MATCHED'",
      [dbIdOf(wrongDob.consultationId)],
    );
    expect(event).toBeDefined();
  });

  it('routes by the practice setting, which hub managers and the practice admin may change, audited', async () => {
    const practice = 'Y99011';
    const set = (routing: string, as: string) =>
      hub().gql<{
        setOnlineConsultationRouting: {
          routing: { routing: string; updatedBy: string; practice: { odsCode: string } };
        };
      }>(
        'mutation($input: SetOnlineConsultationRoutingInput!) { setOnlineConsultationRouting(input: $input) { routing { routing updatedBy practice { odsCode } } } }',
        { input: { practiceOdsCode: practice, routing } },
        as,
      );
    expect(codeOf(await set('PRACTICE_INBOX', 'hub.anp1'))).toBe('FORBIDDEN');
    // Another practice's routing answers like an unknown practice.
    expect(codeOf(await set('PRACTICE_INBOX', 'p2.admin'))).toBe('NOT_FOUND');
    const byAdmin = await set('PRACTICE_INBOX', 'p1.admin');
    expect(byAdmin.data!.setOnlineConsultationRouting.routing).toEqual({
      routing: 'PRACTICE_INBOX',
      updatedBy: 'p1.admin',
      practice: { odsCode: practice },
    });

    const kept = await submit(hub(), 7);
    expect(practiceOf(7)).toBe(practice);
    expect(kept).toMatchObject({
      state: 'AWAITING_TRIAGE',
      routingReason: 'PRACTICE_SETTING',
      owner: { odsCode: practice },
    });

    const list = await hub().gql<{ onlineConsultationRouting: { practice: { odsCode: string }; routing: string }[] }>(
      '{ onlineConsultationRouting { practice { odsCode } routing } }',
      {},
      'hub.manager',
    );
    expect(list.data!.onlineConsultationRouting).toHaveLength(DEMO.practices.length);
    expect(list.data!.onlineConsultationRouting.find((r) => r.practice.odsCode === practice)!.routing).toBe(
      'PRACTICE_INBOX',
    );
    expect(list.data!.onlineConsultationRouting.find((r) => r.practice.odsCode === 'Y99012')!.routing).toBe(
      'HUB_INBOX',
    );
    const own = await hub().gql<{ onlineConsultationRouting: unknown[] }>(
      '{ onlineConsultationRouting { routing } }',
      {},
      'p1.admin',
    );
    expect(own.data!.onlineConsultationRouting).toHaveLength(1);

    expect((await set('HUB_INBOX', 'hub.manager')).errors).toBeUndefined();
    expect((await submit(hub(), 14)).owner.odsCode).toBe('Y99000');
    const audits = await hub().sql<{ actor_id: string; reason: string; outcome: string }>(
      "select actor_id, reason, outcome from audit_event where action = 'setOnlineConsultationRouting' order by at, id",
    );
    expect(audits).toEqual([
      { actor_id: 'p2.admin', reason: null, outcome: 'DENIED' },
      { actor_id: 'p1.admin', reason: 'HUB_INBOX->PRACTICE_INBOX', outcome: 'SUCCESS' },
      { actor_id: 'hub.manager', reason: 'PRACTICE_INBOX->HUB_INBOX', outcome: 'SUCCESS' },
    ]);
  });

  it('shows submitted demographics to the owner only, and the detail to nobody else', async () => {
    const s = await submit(hub(), 8);
    const q = `query($id: ID!) { onlineConsultation(id: $id) { ${CONSULTATION} submittedPatient { nhsNumber familyName } } }`;
    const mine = await hub().gql<{ onlineConsultation: { submittedPatient: { nhsNumber: string } } }>(
      q,
      { id: s.consultationId },
      'hub.anp2',
    );
    expect(mine.data!.onlineConsultation.submittedPatient.nhsNumber).toBe(demoPatient(8).nhsNumber);
    expect(codeOf(await hub().gql(q, { id: s.consultationId }, 'p2.gp'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(q, { id: s.consultationId }, 'pcn.analyst'))).toBe('FORBIDDEN');
  });

  it('lists the demo hub services', async () => {
    const res = await hub().gql<{ hubServices: { name: string; kind: string; hub: { odsCode: string } }[] }>(
      '{ hubServices { name kind hub { odsCode } } }',
      {},
      'p3.gp',
    );
    expect(res.data!.hubServices.map((s) => [s.name, s.kind])).toEqual([
      ['Enhanced Access', 'ENHANCED_ACCESS'],
      ['Minor Illness', 'MINOR_ILLNESS'],
      ['Pharmacy', 'PHARMACY'],
      ['Physiotherapy', 'FCP_PHYSIO'],
    ]);
    expect(new Set(res.data!.hubServices.map((s) => s.hub.odsCode))).toEqual(new Set(['Y99000']));
  });
});
