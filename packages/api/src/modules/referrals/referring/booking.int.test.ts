import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../../test/harness.js';
import {
  count,
  data,
  dbIdOf,
  expectRefusal,
  firstError,
  nodes,
  type Connection,
} from '../../appointments/appointments.testkit.js';
import { eventsOf, nhsOf, pathOf, practiceOf, refer, referOk, referralDemo, referrerOf } from '../referrals.testkit.js';

interface TraceTask {
  id: string;
  nhsNumber: string;
  state: string;
  requestedBy: { odsCode: string };
  referral: { id: string; state: string };
}
interface TraceResult {
  completePatientTrace: {
    task: { state: string; completedBy: string | null; outcomeReason: string | null };
    referrals: { id: string; state: string; outcomeReason: string | null; slot: { status: string } | null }[];
  };
}
type Tasks = { patientTraceTasks: Connection<TraceTask> };

const TRACE_TASKS = `query($s: PatientTraceTaskState) { patientTraceTasks(state: $s, first: 200) {
  edges { node { id nhsNumber state requestedBy { odsCode } referral { id state } } } } }`;
const COMPLETE_TRACE = `mutation($i: CompletePatientTraceInput!) { completePatientTrace(input: $i) {
  task { state completedBy outcomeReason } referrals { id state outcomeReason slot { status } } } }`;

describeEachDatabase('referrals: booking methods', (hub) => {
  const demo = referralDemo(hub);
  const { services, booking, slot } = demo;
  const slotStatus = async (globalId: string) =>
    (
      await hub().sql<{ status: string; booked_by_org_id: string | null }>(
        'select status, booked_by_org_id from appointment_slot where id = ?',
        [dbIdOf(globalId)],
      )
    )[0]!;

  beforeAll(() => demo.load());

  it('cross-organisation booking of a patient the hub knows: BOOKED then READY, NHS number and consent travel, events on both streams', async () => {
    const slotId = await slot('U99001-MinorIllness-F2F');
    const r = await referOk(hub(), booking(0, slotId), referrerOf(0));
    expect(r).toMatchObject({
      method: 'CROSS_ORGANISATION_BOOKING',
      state: 'READY',
      nhsNumber: nhsOf(0),
      consentToRecordAccess: true,
      fromOrganisation: { odsCode: practiceOf(0) },
      service: { name: 'Minor Illness' },
      slot: { id: slotId, status: 'BOOKED' },
    });
    expect(r.consentRecordedAt).not.toBeNull();
    expect(pathOf(r)).toEqual(['NEW>REQUESTED:p1.gp', 'REQUESTED>BOOKED:p1.gp', 'BOOKED>READY:p1.gp']);
    const practiceId = (
      await hub().sql<{ id: string }>('select id from organisation where ods_code = ?', [practiceOf(0)])
    )[0]!.id;
    expect(await slotStatus(slotId)).toEqual({ status: 'BOOKED', booked_by_org_id: practiceId });
    const events = await eventsOf(hub(), dbIdOf(r.id));
    expect(events.map((e) => `${e.stream}:${e.type}`).sort()).toEqual(
      [`referrals:${demo.hubId}`, `referrals:${practiceId}`]
        .flatMap((s) => ['REQUESTED', 'BOOKED', 'READY'].map((t) => `${s}:REFERRAL_${t}`))
        .sort(),
    );
    // Ids and codes only: never the NHS number.
    expect(JSON.stringify(events)).not.toContain(nhsOf(0));
    expect(await count(hub(), 'audit_event', "action = 'referPatient' and subject_id = ?", [dbIdOf(r.id)])).toBe(1);
  });

  it('refuses a booking without record-access consent, naming the rule and writing nothing', async () => {
    const slotId = await slot('U99001-MinorIllness-F2F');
    const before = { referrals: await count(hub(), 'referral'), events: await count(hub(), 'event_log') };
    for (const consent of [false, null]) {
      const res = await refer(hub(), booking(7, slotId, { consentToRecordAccess: consent }), referrerOf(7));
      expect(firstError(res)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.consentToRecordAccess',
        rule: 'RECORD_ACCESS_CONSENT',
      });
    }
    expect({ referrals: await count(hub(), 'referral'), events: await count(hub(), 'event_log') }).toEqual(before);
    expect((await slotStatus(slotId)).status).toBe('FREE');
  });

  it('a patient unknown to the hub waits for a trace; completing it makes every waiting booking READY', async () => {
    const i = 70; // not seeded as known to the hub
    const first = await referOk(hub(), booking(i, await slot('U99001-MinorIllness-F2F')), referrerOf(i));
    expect(first.state).toBe('AWAITING_TRACE');
    expect(pathOf(first).at(-1)).toBe('BOOKED>AWAITING_TRACE:p1.gp');
    const second = await referOk(hub(), booking(i, await slot('U99001-MinorIllness-TEL')), referrerOf(i));
    expect(second.state).toBe('AWAITING_TRACE');

    const tasks = nodes((await data<Tasks>(hub(), TRACE_TASKS, {}, 'hub.coord1')).patientTraceTasks);
    const mine = tasks.filter((t) => t.nhsNumber === nhsOf(i));
    expect(mine).toHaveLength(1); // one task per patient, however many bookings wait on it
    expect(mine[0]).toMatchObject({
      state: 'OPEN',
      requestedBy: { odsCode: practiceOf(i) },
      referral: { id: first.id, state: 'AWAITING_TRACE' },
    });
    expect(
      await hub().sql(
        'select type from hub_registration where patient_id = (select id from patient where nhs_number = ?)',
        [nhsOf(i)],
      ),
    ).toEqual([{ type: 'UNREGISTERED' }]);

    expect(codeOf(await hub().gql(TRACE_TASKS, {}, referrerOf(i)))).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(COMPLETE_TRACE, { i: { taskId: mine[0]!.id } }, 'hub.anp1'))).toBe('FORBIDDEN');

    const done = (await data<TraceResult>(hub(), COMPLETE_TRACE, { i: { taskId: mine[0]!.id } }, 'hub.coord1'))
      .completePatientTrace;
    expect(done.task).toMatchObject({ state: 'TRACED', completedBy: 'hub.coord1' });
    expect(done.referrals.map((r) => [r.id, r.state]).sort()).toEqual(
      [
        [first.id, 'READY'],
        [second.id, 'READY'],
      ].sort(),
    );
    expect(
      await hub().sql(
        'select type from hub_registration where patient_id = (select id from patient where nhs_number = ?)',
        [nhsOf(i)],
      ),
    ).toEqual([{ type: 'TRACED' }]);
    const again = await hub().gql(COMPLETE_TRACE, { i: { taskId: mine[0]!.id } }, 'hub.coord1');
    expect(firstError(again)).toMatchObject({ code: 'CONFLICT', reason: 'TRACE_TASK_CLOSED' });

    // Now known: the next booking is READY at once and opens no task.
    const third = await referOk(hub(), booking(i, await slot('U99001-MinorIllness-F2F')), referrerOf(i));
    expect(third.state).toBe('READY');
    expect(await count(hub(), 'patient_trace_task', 'nhs_number = ?', [nhsOf(i)])).toBe(1);
  });

  it('a failed trace rejects the waiting booking with the reason and frees its slot', async () => {
    const i = 71;
    const slotId = await slot('U99001-MinorIllness-F2F');
    const r = await referOk(hub(), booking(i, slotId), referrerOf(i));
    const task = nodes((await data<Tasks>(hub(), TRACE_TASKS, {}, 'hub.coord2')).patientTraceTasks).find(
      (t) => t.nhsNumber === nhsOf(i),
    )!;
    const noReason = await hub().gql(COMPLETE_TRACE, { i: { taskId: task.id, traced: false } }, 'hub.coord2');
    expect(firstError(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const done = (
      await data<TraceResult>(
        hub(),
        COMPLETE_TRACE,
        { i: { taskId: task.id, traced: false, reason: 'No PDS match' } },
        'hub.coord2',
      )
    ).completePatientTrace;
    expect(done.task).toMatchObject({ state: 'FAILED', outcomeReason: 'No PDS match' });
    expect(done.referrals).toEqual([
      { id: r.id, state: 'REJECTED', outcomeReason: 'No PDS match', slot: { status: 'FREE' } },
    ]);
  });

  it('refuses cross-organisation booking without an ACTIVE agreement, saying which, until the hub activates it', async () => {
    const i = 6; // registered at Y99017, which has no agreements with the hub
    const slotId = await slot('U99001-MinorIllness-F2F');
    const before = await count(hub(), 'referral');
    const res = await refer(hub(), booking(i, slotId), referrerOf(i));
    expectRefusal(
      res,
      {
        code: 'CONFLICT',
        reason: 'AGREEMENT_NOT_ACTIVE',
        agreement: 'CROSS_ORG_APPOINTMENTS',
        method: 'CROSS_ORGANISATION_BOOKING',
      },
      'Y99017',
    );
    expect(await count(hub(), 'referral')).toBe(before);

    const SET = `mutation($i: SetReferralAgreementInput!) { setReferralAgreement(input: $i) { agreement { type state practice { odsCode } } } }`;
    expect(
      codeOf(
        await hub().gql(
          SET,
          { i: { practiceOdsCode: 'Y99017', type: 'CROSS_ORG_APPOINTMENTS', state: 'ACTIVE' } },
          'p1.admin',
        ),
      ),
    ).toBe('FORBIDDEN');
    await data<unknown>(
      hub(),
      SET,
      { i: { practiceOdsCode: 'Y99017', type: 'CROSS_ORG_APPOINTMENTS', state: 'SUSPENDED' } },
      'hub.manager',
    );
    const suspended = await refer(hub(), booking(i, slotId), referrerOf(i));
    expect(firstError(suspended)).toMatchObject({ reason: 'AGREEMENT_NOT_ACTIVE', agreementState: 'SUSPENDED' });
    const activated = (
      await data<{ setReferralAgreement: unknown }>(
        hub(),
        SET,
        { i: { practiceOdsCode: 'Y99017', type: 'CROSS_ORG_APPOINTMENTS', state: 'ACTIVE' } },
        'hub.manager',
      )
    ).setReferralAgreement;
    expect(activated).toEqual({
      agreement: { type: 'CROSS_ORG_APPOINTMENTS', state: 'ACTIVE', practice: { odsCode: 'Y99017' } },
    });
    expect((await referOk(hub(), booking(i, slotId), referrerOf(i))).state).toBe('READY');
  });

  it('two practices booking the last slot at once: exactly one wins, the other gets CONFLICT', async () => {
    // Five practices, five of their own patients, one slot; three rounds.
    const patients = [1, 2, 3, 4, 5];
    for (let round = 0; round < 3; round += 1) {
      const slotId = await slot('U99001-MinorIllness-TEL');
      const before = await count(hub(), 'referral');
      const results = await Promise.all(patients.map((i) => refer(hub(), booking(i, slotId), referrerOf(i))));
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(patients.length - 1);
      for (const loser of losers)
        expect(firstError(loser)).toMatchObject({ code: 'CONFLICT', field: 'input.slotId', reason: 'SLOT_TAKEN' });
      expect(await count(hub(), 'referral')).toBe(before + 1);
      expect(await count(hub(), 'referral', 'slot_id = ?', [dbIdOf(slotId)])).toBe(1);
      const winner = winners[0]!.data!.referPatient.referral;
      const winnerOrg = (
        await hub().sql<{ id: string }>('select id from organisation where ods_code = ?', [
          winner.fromOrganisation.odsCode,
        ])
      )[0]!.id;
      expect((await slotStatus(slotId)).booked_by_org_id).toBe(winnerOrg);
    }
  });

  it('refuses taken, past and blocked slots, slots of another service, and methods the service does not accept', async () => {
    const takenId = await slot('U99001-MinorIllness-F2F');
    await referOk(hub(), booking(8, takenId), referrerOf(8));
    expect(firstError(await refer(hub(), booking(9, takenId), referrerOf(9)))).toMatchObject({
      code: 'CONFLICT',
      reason: 'SLOT_TAKEN',
    });

    const pastId = await slot('U99001-MinorIllness-F2F');
    await hub().sql(
      "update appointment_slot set starts_at = now() - interval '2 hours', ends_at = now() - interval '105 minutes' where id = ?",
      [dbIdOf(pastId)],
    );
    expect(firstError(await refer(hub(), booking(9, pastId), referrerOf(9)))).toMatchObject({
      code: 'CONFLICT',
      reason: 'SLOT_IN_PAST',
    });

    const blockedId = await slot('U99001-MinorIllness-F2F');
    await data<unknown>(
      hub(),
      `mutation($i: BlockSlotInput!) { blockSlot(input: $i) { slot { status } } }`,
      { i: { slotId: blockedId, reason: 'Training' } },
      'hub.manager',
    );
    expect(firstError(await refer(hub(), booking(9, blockedId), referrerOf(9)))).toMatchObject({
      code: 'CONFLICT',
      reason: 'SLOT_BLOCKED',
    });

    const physioSlot = await slot('U99001-Physio-F2F');
    expect(firstError(await refer(hub(), booking(9, physioSlot), referrerOf(9)))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.slotId',
    });

    const notAccepted = await refer(
      hub(),
      {
        method: 'DOCUMENT_SEND',
        serviceId: services['Minor Illness'],
        nhsNumber: nhsOf(9),
        document: { title: 'Letter', contentType: 'application/pdf', sizeBytes: 10, reference: 'r/1' },
      },
      referrerOf(9),
    );
    expectRefusal(
      notAccepted,
      { code: 'BAD_USER_INPUT', field: 'input.method', rule: 'METHOD_NOT_ACCEPTED', method: 'DOCUMENT_SEND' },
      'DOCUMENT_SEND',
    );

    const signpost = await refer(
      hub(),
      { method: 'INBOX_SIGNPOST', serviceId: services['Minor Illness'], nhsNumber: nhsOf(9) },
      referrerOf(9),
    );
    expect(firstError(signpost)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'METHOD_INITIATOR' });
    expect(await count(hub(), 'referral', 'nhs_number = ?', [nhsOf(9)])).toBe(0);
  });

  it("a practice cannot book for another practice's patient (NOT_FOUND) and hub staff cannot use referPatient", async () => {
    const slotId = await slot('U99001-MinorIllness-F2F');
    const res = await refer(hub(), booking(1, slotId), referrerOf(0));
    expect(firstError(res)).toMatchObject({ code: 'NOT_FOUND', field: 'input.nhsNumber' });
    expect(codeOf(await refer(hub(), booking(0, slotId), 'hub.anp1'))).toBe('FORBIDDEN');
    expect((await slotStatus(slotId)).status).toBe('FREE');
  });
});
