import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../platform/auth/roles.js';
import { codeOf, describeEachDatabase, seedForeignPcn } from '../../../test/harness.js';
import { ok as triage, submit } from '../../inbox/inbox.testkit.js';
import { count, data, dbIdOf, firstError, nodes, type Connection } from '../../appointments/appointments.testkit.js';
import {
  type ReferralView,
  eventsOf,
  move,
  moveOk,
  nhsOf,
  practiceOf,
  referOk,
  referralDemo,
  referrerOf,
} from '../referrals.testkit.js';

interface Listed {
  id: string;
  state: string;
  method: string;
  fromOrganisation: { odsCode: string };
}
type List = { referrals: Connection<Listed> };

const LIST = `query($f: ReferralFilter, $n: Int, $after: String) { referrals(filter: $f, first: $n, after: $after) {
  edges { node { id state method fromOrganisation { odsCode } } } pageInfo { hasNextPage endCursor } } }`;

describeEachDatabase('referrals: lifecycle, visibility, lists and events', (hub) => {
  const demo = referralDemo(hub);
  const { services, task, letter, slot } = demo;
  beforeAll(() => demo.load());

  it('refuses moves the lifecycle does not allow, naming both states, and writes nothing', async () => {
    const r = await referOk(hub(), letter(4), referrerOf(4));
    const before = { transitions: await count(hub(), 'referral_transition'), events: await count(hub(), 'event_log') };
    const attend = await move(hub(), 'recordAttendance', { referralId: r.id, attended: true }, 'hub.anp1');
    expect(firstError(attend)).toMatchObject({ code: 'INVALID_TRANSITION', from: 'REQUESTED', to: 'ATTENDED' });
    expect(firstError(await move(hub(), 'completeReferral', { referralId: r.id }, 'hub.anp1'))).toMatchObject({
      from: 'REQUESTED',
      to: 'COMPLETED',
    });
    expect({ transitions: await count(hub(), 'referral_transition'), events: await count(hub(), 'event_log') }).toEqual(
      before,
    );
    expect(
      await count(hub(), 'consultation', 'patient_id = (select id from patient where nhs_number = ?)', [nhsOf(4)]),
    ).toBe(0);

    await moveOk(hub(), 'cancelReferral', { referralId: r.id, reason: 'Patient improved' }, referrerOf(4));
    expect(
      firstError(await move(hub(), 'cancelReferral', { referralId: r.id, reason: 'again' }, referrerOf(4))),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'CANCELLED',
      to: 'CANCELLED',
    });
  });

  it('a practice cancels its booking (the slot is offered again); a no-show is DID_NOT_ATTEND', async () => {
    const slotId = await slot('U99001-MinorIllness-F2F');
    const booking = {
      method: 'CROSS_ORGANISATION_BOOKING',
      serviceId: services['Minor Illness'],
      slotId,
      consentToRecordAccess: true,
    };
    const r = await referOk(hub(), { ...booking, nhsNumber: nhsOf(10) }, referrerOf(10));
    const cancelled = await moveOk(
      hub(),
      'cancelReferral',
      { referralId: r.id, reason: 'Booked in error' },
      referrerOf(10),
    );
    expect(cancelled).toMatchObject({ state: 'CANCELLED', outcomeReason: 'Booked in error', slot: { status: 'FREE' } });
    const again = await referOk(hub(), { ...booking, nhsNumber: nhsOf(11) }, referrerOf(11));
    expect(again.slot).toMatchObject({ id: slotId, status: 'BOOKED' });
    const dna = await moveOk(
      hub(),
      'recordAttendance',
      { referralId: again.id, attended: false, reason: 'No answer twice' },
      'hub.coord2',
    );
    expect(dna.state).toBe('DID_NOT_ATTEND');
    expect(firstError(await move(hub(), 'completeReferral', { referralId: again.id }, 'hub.coord2'))).toMatchObject({
      from: 'DID_NOT_ATTEND',
      to: 'COMPLETED',
    });
  });

  it('an online consultation signposted to a hub service becomes a referral (INBOX_SIGNPOST)', async () => {
    const i = 12;
    const { consultationId } = await submit(hub(), i);
    const notYet = await move(
      hub(),
      'referFromConsultation',
      { consultationId, serviceId: services['Minor Illness'] },
      'hub.anp1',
    );
    expect(firstError(notYet)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SIGNPOSTED_TO_SERVICE' });
    await triage(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    await triage(
      hub(),
      'signpostConsultation',
      {
        consultationId,
        team: 'ANP',
        urgency: 'WITHIN_24_HOURS',
        mode: 'FACE_TO_FACE',
        destination: 'HUB_SERVICE_QUEUE',
        serviceId: services['Minor Illness'],
      },
      'hub.anp1',
    );
    expect(
      codeOf(
        await move(
          hub(),
          'referFromConsultation',
          { consultationId, serviceId: services['Minor Illness'] },
          referrerOf(i),
        ),
      ),
    ).toBe('FORBIDDEN');
    const wrongService = await move(
      hub(),
      'referFromConsultation',
      { consultationId, serviceId: services['Enhanced Access'] },
      'hub.anp1',
    );
    expect(firstError(wrongService)).toMatchObject({ rule: 'METHOD_NOT_ACCEPTED', method: 'INBOX_SIGNPOST' });
    const r = await moveOk(
      hub(),
      'referFromConsultation',
      { consultationId, serviceId: services['Minor Illness'] },
      'hub.anp1',
    );
    expect(r).toMatchObject({
      method: 'INBOX_SIGNPOST',
      state: 'REQUESTED',
      onlineConsultationId: consultationId,
      fromOrganisation: { odsCode: practiceOf(i) },
    });
    const twice = await move(
      hub(),
      'referFromConsultation',
      { consultationId, serviceId: services['Minor Illness'] },
      'hub.anp1',
    );
    expect(firstError(twice)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REFERRED' });
    // The referring practice sees it among its own referrals.
    const theirs = nodes(
      (await data<List>(hub(), LIST, { f: { method: 'INBOX_SIGNPOST' } }, referrerOf(i))).referrals,
    ).map((n) => n.id);
    expect(theirs).toContain(r.id);
  });

  it('a practice sees only its own referrals; another practice or PCN gets NOT_FOUND for a foreign id', async () => {
    const mine = await referOk(hub(), task(21, 'Care Co-ordinators'), referrerOf(21)); // Y99011
    const theirs = await referOk(hub(), task(22, 'Care Co-ordinators'), referrerOf(22)); // Y99012
    const p1 = nodes((await data<List>(hub(), LIST, { n: 200 }, 'p1.admin')).referrals);
    expect(p1.length).toBeGreaterThan(0);
    expect(p1.every((n) => n.fromOrganisation.odsCode === 'Y99011')).toBe(true);
    expect(p1.map((n) => n.id)).toContain(mine.id);
    expect(p1.map((n) => n.id)).not.toContain(theirs.id);
    // A practice filter cannot widen the scope.
    expect((await data<List>(hub(), LIST, { f: { practice: 'Y99012' } }, 'p1.admin')).referrals.edges).toEqual([]);

    const READ = 'query($id: ID!) { referral(id: $id) { id state } }';
    expect(firstError(await hub().gql(READ, { id: theirs.id }, 'p1.admin'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      firstError(await move(hub(), 'cancelReferral', { referralId: theirs.id, reason: 'mine now' }, 'p1.admin')),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await data<{ referral: { state: string } }>(hub(), READ, { id: theirs.id }, 'hub.coord1')).referral.state,
    ).toBe('REQUESTED');

    await seedForeignPcn(hub());
    const claims: { sub: string; org: string; roles: Role[] } = {
      sub: 'elsewhere.admin',
      org: 'Y99021',
      roles: ['PRACTICE_ADMIN'],
    };
    const foreign = { token: await hub().token(claims) };
    expect(firstError(await hub().gql(READ, { id: mine.id }, foreign))).toMatchObject({ code: 'NOT_FOUND' });
    const missing = await hub().gql(
      READ,
      { id: Buffer.from('Referral:01900000-0000-7000-8000-00000000ffff').toString('base64url') },
      'p1.admin',
    );
    expect(firstError(missing)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await hub().gql<List>(LIST, {}, foreign)).data?.referrals.edges ?? []).toEqual([]);
  });

  it('hub staff list by service, practice, state and date, newest first, page by page', async () => {
    const all = nodes((await data<List>(hub(), LIST, { n: 200 }, 'hub.manager')).referrals);
    expect(new Set(all.map((n) => n.fromOrganisation.odsCode)).size).toBeGreaterThan(1);
    const ids = all.map((n) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: List = await data<List>(hub(), LIST, { n: 4, after }, 'hub.manager');
      seen.push(...nodes(page.referrals).map((n) => n.id));
      after = page.referrals.pageInfo.hasNextPage ? page.referrals.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids);

    const physioRequested = nodes(
      (
        await data<List>(
          hub(),
          LIST,
          { f: { serviceId: services['Physiotherapy'], state: 'REQUESTED', practice: 'Y99011' }, n: 200 },
          'hub.anp2',
        )
      ).referrals,
    );
    expect(physioRequested.length).toBeGreaterThan(0);
    expect(physioRequested.every((n) => n.state === 'REQUESTED' && n.fromOrganisation.odsCode === 'Y99011')).toBe(true);
    const future = (
      await data<List>(hub(), LIST, { f: { from: new Date(Date.now() + 86_400_000).toISOString() } }, 'hub.anp2')
    ).referrals.edges;
    expect(future).toEqual([]);
    const past = (
      await data<List>(hub(), LIST, { f: { to: new Date(Date.now() + 60_000).toISOString() }, n: 200 }, 'hub.anp2')
    ).referrals.edges;
    expect(past).toHaveLength(all.length);
    expect(
      firstError(
        await hub().gql(
          LIST,
          { f: { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() } },
          'hub.anp2',
        ),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.to',
    });
  });

  it("appends every move to the hub's referral stream gap-free, ids only", async () => {
    const rows = await hub().sql<{ seq: string | number; type: string; payload: unknown }>(
      'select seq, type, payload from event_log where stream = ? order by seq',
      [`referrals:${demo.hubId}`],
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, k) => k + 1));
    const r: ReferralView = await referOk(hub(), task(23, 'Clinical Pharmacists'), referrerOf(23));
    const events = await eventsOf(hub(), dbIdOf(r.id));
    expect(events.map((e) => e.type)).toEqual(['REFERRAL_REQUESTED', 'REFERRAL_REQUESTED']);
    expect(events[0]!.payload).toMatchObject({
      referralId: dbIdOf(r.id),
      from: null,
      to: 'REQUESTED',
      method: 'CROSS_ORGANISATION_TASK',
    });
    expect(JSON.stringify(events)).not.toMatch(/Knee|\b\d{10}\b/); // a UUID segment is never exactly 10 digits
  });
});
