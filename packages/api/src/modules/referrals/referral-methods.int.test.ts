import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { count, data, dbIdOf, expectRefusal, firstError } from '../appointments/appointments.testkit.js';
import { move, moveOk, nhsOf, pathOf, refer, referOk, referralDemo, referrerOf } from './referrals.testkit.js';

interface Service {
  id: string;
  name: string;
  inclusionCriteria: string | null;
  daysOfOperation: string[];
  requiredRoles: string[];
  referralMethods: string[];
}

describeEachDatabase('referrals: each method end to end', (hub) => {
  const demo = referralDemo(hub);
  const { services, task, letter, booking, slot } = demo;
  beforeAll(() => demo.load());

  it('shows each service with its criteria, days, roles and accepted methods; only the hub manager changes methods (audited)', async () => {
    const Q =
      '{ hubServices { id name inclusionCriteria exclusionCriteria daysOfOperation requiredRoles referralMethods } }';
    const before = (await data<{ hubServices: Service[] }>(hub(), Q, {}, 'p2.gp')).hubServices.find(
      (s) => s.name === 'Pharmacy',
    )!;
    expect(before).toMatchObject({
      referralMethods: ['CROSS_ORGANISATION_TASK', 'INBOX_SIGNPOST'],
      requiredRoles: ['HUB_PRESCRIBER'],
    });
    expect(before.daysOfOperation).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']);
    expect(before.inclusionCriteria).toMatch(/Medication/);

    const SET = `mutation($i: SetHubServiceReferralMethodsInput!) { setHubServiceReferralMethods(input: $i) { service { id referralMethods } } }`;
    const input = {
      serviceId: services['Pharmacy'],
      methods: ['DOCUMENT_SEND', 'CROSS_ORGANISATION_TASK', 'INBOX_SIGNPOST', 'DOCUMENT_SEND'],
    };
    expect(codeOf(await hub().gql(SET, { i: input }, 'hub.coord1'))).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(SET, { i: input }, 'p1.admin'))).toBe('FORBIDDEN');
    expect(firstError(await refer(hub(), letter(15, 'Pharmacy'), referrerOf(15)))).toMatchObject({
      rule: 'METHOD_NOT_ACCEPTED',
    });
    const after = (
      await data<{ setHubServiceReferralMethods: { service: Service } }>(hub(), SET, { i: input }, 'hub.manager')
    ).setHubServiceReferralMethods.service;
    expect(after.id).toBe(services['Pharmacy']);
    expect(after.referralMethods).toEqual(['INBOX_SIGNPOST', 'CROSS_ORGANISATION_TASK', 'DOCUMENT_SEND']);
    expect(
      await count(hub(), 'audit_event', "action = 'setHubServiceReferralMethods' and subject_id = ?", [
        dbIdOf(services['Pharmacy']!),
      ]),
    ).toBe(1);
    expect((await referOk(hub(), letter(15, 'Pharmacy'), referrerOf(15))).state).toBe('REQUESTED');

    const methods = (
      await data<{ referralMethods: unknown[] }>(
        hub(),
        '{ referralMethods { method needsSlot requiredAgreement registersPatientAutomatically } }',
        {},
        'p1.gp',
      )
    ).referralMethods;
    expect(methods).toContainEqual({
      method: 'GP_CONNECT_BOOKING',
      needsSlot: true,
      requiredAgreement: null,
      registersPatientAutomatically: true,
    });
  });

  it('cross-organisation task: sent to a team that accepts tasks, accepted by the hub, completed', async () => {
    const r = await referOk(hub(), task(0, 'Physiotherapy'), referrerOf(0));
    expect(r).toMatchObject({
      method: 'CROSS_ORGANISATION_TASK',
      state: 'REQUESTED',
      team: { name: 'Physiotherapy' },
      slot: null,
    });
    expect(r.task).toMatchObject({ subject: 'Knee pain: please assess', category: 'CLINICAL_REVIEW' });
    expect(codeOf(await move(hub(), 'acceptReferral', { referralId: r.id }, referrerOf(0)))).toBe('FORBIDDEN');
    expect(
      (await moveOk(hub(), 'acceptReferral', { referralId: r.id, reason: 'Physio will call' }, 'hub.physio')).state,
    ).toBe('READY');
    const done = await moveOk(
      hub(),
      'completeReferral',
      { referralId: r.id, reason: 'Advice and exercises given' },
      'hub.physio',
    );
    expect(pathOf(done)).toEqual(['NEW>REQUESTED:p1.gp', 'REQUESTED>READY:hub.physio', 'READY>COMPLETED:hub.physio']);
    expect(done.history[1]!.reason).toBe('Physio will call');
  });

  it('refuses a task to a team that does not accept tasks, or without a CROSS_ORG_TASKS agreement; nothing written', async () => {
    const before = await count(hub(), 'referral');
    expect(firstError(await refer(hub(), task(1, 'Hub Management'), referrerOf(1)))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.task.teamId',
      reason: 'TEAM_DOES_NOT_ACCEPT_TASKS',
    });
    const noAgreement = await refer(hub(), task(6, 'Physiotherapy'), referrerOf(6)); // Y99017
    expect(firstError(noAgreement)).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGREEMENT_NOT_ACTIVE',
      agreement: 'CROSS_ORG_TASKS',
    });
    expect(
      firstError(
        await refer(hub(), task(1, 'Physiotherapy', { slotId: await slot('U99001-Physio-F2F') }), referrerOf(1)),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.slotId',
    });
    expect(await count(hub(), 'referral')).toBe(before);
  });

  it('the hub rejects a task with a reason; a reason is required', async () => {
    const r = await referOk(hub(), task(2, 'Care Co-ordinators'), referrerOf(2));
    expect(
      firstError(await move(hub(), 'rejectReferral', { referralId: r.id, reason: ' ' }, 'hub.coord1')),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const rejected = await moveOk(
      hub(),
      'rejectReferral',
      { referralId: r.id, reason: 'Needs a GP review first' },
      'hub.coord1',
    );
    expect(rejected).toMatchObject({ state: 'REJECTED', outcomeReason: 'Needs a GP review first' });
    const late = await move(hub(), 'acceptReferral', { referralId: r.id }, 'hub.coord1');
    expectRefusal(late, { code: 'INVALID_TRANSITION', from: 'REJECTED', to: 'READY' }, 'REJECTED');
  });

  it('document send, booked by the hub, attended: a hub consultation opens and its save flows to write-back', async () => {
    const i = 3;
    const r = await referOk(hub(), letter(i), referrerOf(i));
    expect(r).toMatchObject({ state: 'REQUESTED', document: { title: 'Referral letter', sizeBytes: 48_213 } });
    const booked = await moveOk(
      hub(),
      'bookReferral',
      { referralId: r.id, slotId: await slot('U99001-Physio-F2F') },
      'hub.coord1',
    );
    expect(booked).toMatchObject({ state: 'READY', slot: { status: 'BOOKED' } });
    const wrong = await move(
      hub(),
      'bookReferral',
      { referralId: r.id, slotId: await slot('U99001-Physio-F2F') },
      'hub.coord1',
    );
    expect(firstError(wrong)).toMatchObject({ code: 'INVALID_TRANSITION', from: 'READY', to: 'BOOKED' });

    const attended = await moveOk(hub(), 'recordAttendance', { referralId: r.id, attended: true }, 'hub.physio');
    expect(attended.state).toBe('ATTENDED');
    expect(attended.consultationId).not.toBeNull();
    const consultation = (
      await data<{ hubConsultation: unknown }>(
        hub(),
        'query($id: ID!) { hubConsultation(id: $id) { id state patient { nhsNumber } } }',
        { id: attended.consultationId },
        'hub.physio',
      )
    ).hubConsultation;
    expect(consultation).toMatchObject({ state: 'DRAFT', patient: { nhsNumber: nhsOf(i) } });
    await data<unknown>(
      hub(),
      'mutation($i: AddConsultationEntryInput!) { addConsultationEntry(input: $i) { entry { id } } }',
      {
        i: { consultationId: attended.consultationId, entry: { note: { text: 'Knee examined; exercises advised.' } } },
      },
      'hub.physio',
    );
    await data<unknown>(
      hub(),
      'mutation($i: SaveConsultationInput!) { saveConsultation(input: $i) { consultation { state version } } }',
      { i: { consultationId: attended.consultationId } },
      'hub.physio',
    );
    expect(await count(hub(), 'write_back_record', 'consultation_id = ?', [dbIdOf(attended.consultationId!)])).toBe(1);

    const completed = await moveOk(hub(), 'completeReferral', { referralId: r.id }, 'hub.physio');
    expect(pathOf(completed).map((p) => p.split(':')[0])).toEqual([
      'NEW>REQUESTED',
      'REQUESTED>BOOKED',
      'BOOKED>READY',
      'READY>ATTENDED',
      'ATTENDED>COMPLETED',
    ]);
  });

  it('GP Connect booking registers the patient at the hub automatically: no trace', async () => {
    const i = 72; // unknown to the hub
    const gp = { method: 'GP_CONNECT_BOOKING', serviceId: services['Enhanced Access'], nhsNumber: nhsOf(i) };
    const r = await referOk(hub(), { ...gp, slotId: await slot('U99001-EnhancedAccess-F2F') }, referrerOf(i));
    expect(r.state).toBe('READY');
    expect(pathOf(r).map((p) => p.split(':')[0])).toEqual(['NEW>REQUESTED', 'REQUESTED>BOOKED', 'BOOKED>READY']);
    expect(
      await hub().sql(
        'select type from hub_registration where patient_id = (select id from patient where nhs_number = ?)',
        [nhsOf(i)],
      ),
    ).toEqual([{ type: 'GP_CONNECT' }]);
    expect(await count(hub(), 'patient_trace_task', 'nhs_number = ?', [nhsOf(i)])).toBe(0);

    // A book not open to GP Connect is refused.
    const mi = await refer(
      hub(),
      { ...gp, serviceId: services['Minor Illness'], slotId: await slot('U99001-MinorIllness-F2F') },
      referrerOf(i),
    );
    expect(firstError(mi)).toMatchObject({ code: 'CONFLICT', reason: 'BOOK_NOT_GP_CONNECT_BOOKABLE' });
  });

  it("GP Connect booking needs the practice in the hub's organisation group", async () => {
    const i = 5; // registered at Y99016, outside the organisation group
    const slotId = await slot('U99001-EnhancedAccess-VID');
    const gp = { method: 'GP_CONNECT_BOOKING', serviceId: services['Enhanced Access'], nhsNumber: nhsOf(i), slotId };
    const res = await refer(hub(), gp, referrerOf(i));
    expectRefusal(
      res,
      { code: 'CONFLICT', reason: 'NOT_IN_ORGANISATION_GROUP', method: 'GP_CONNECT_BOOKING' },
      'Y99016',
    );
    expect(await count(hub(), 'referral', 'slot_id = ?', [dbIdOf(slotId)])).toBe(0);

    const SET = `mutation($i: SetOrganisationGroupMembershipInput!) {
      setOrganisationGroupMembership(input: $i) { organisation { id odsCode } member organisationGroup { odsCode } }
    }`;
    type Membership = {
      organisation: { id: string; odsCode: string };
      member: boolean;
      organisationGroup: { odsCode: string }[];
    };
    const setMembership = async (member: boolean) =>
      (
        await data<{ setOrganisationGroupMembership: Membership }>(
          hub(),
          SET,
          { i: { practiceOdsCode: 'Y99016', member } },
          'hub.manager',
        )
      ).setOrganisationGroupMembership;
    const stillOut = await setMembership(false);
    expect(stillOut).toMatchObject({ organisation: { odsCode: 'Y99016' }, member: false });
    expect(stillOut.organisationGroup.map((o) => o.odsCode)).not.toContain('Y99016');
    const added = await setMembership(true);
    expect(added).toMatchObject({ organisation: { odsCode: 'Y99016' }, member: true });
    expect(
      await count(hub(), 'audit_event', "action = 'setOrganisationGroupMembership' and subject_id = ?", [
        dbIdOf(added.organisation.id),
      ]),
    ).toBe(2);
    const group = (
      await data<{ organisationGroup: { odsCode: string }[] }>(
        hub(),
        '{ organisationGroup { odsCode } }',
        {},
        'hub.manager',
      )
    ).organisationGroup.map((o) => o.odsCode);
    expect(group).toContain('Y99016');
    expect(added.organisationGroup.map((o) => o.odsCode)).toEqual(group);
    expect((await referOk(hub(), gp, referrerOf(i))).state).toBe('READY');
  });

  it('a repeated request with the same idempotency key books once', async () => {
    const slotId = await slot('U99001-MinorIllness-TEL');
    const input = booking(14, slotId, { idempotencyKey: `book-${Date.now()}` });
    const a = await referOk(hub(), input, referrerOf(14));
    const b = await referOk(hub(), input, referrerOf(14));
    expect(b.id).toBe(a.id);
    expect(await count(hub(), 'referral', 'slot_id = ?', [dbIdOf(slotId)])).toBe(1);
  });
});
