import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../../test/harness.js';
import { act, dbIdOf, followInbox, ok, submit, until, type FollowedEvent } from '../inbox.testkit.js';

const HAND_BACK = `mutation($input: HandBackHubConsultationsInput!) {
  handBackHubConsultations(input: $input) {
    consultations { id state routingReason triageNotes lock { holder } ownerOrganisation { odsCode } }
    skipped { consultationId reason }
    remaining
  }
}`;

interface HandBack {
  consultations: {
    id: string;
    state: string;
    routingReason: string;
    triageNotes: string | null;
    lock: unknown;
    ownerOrganisation: { odsCode: string };
  }[];
  skipped: { consultationId: string; reason: string }[];
  remaining: number;
}

const passedBack = (followed: { events: FollowedEvent[] }) =>
  followed.events
    .filter((e) => e.type === 'PASSED_BACK')
    .map((e) => e.consultationId)
    .sort();

describeEachDatabase('business continuity: bulk hand-back', (hub) => {
  let first = '';

  it('refuses bad input and other staff, and changes nothing', async () => {
    const { consultationId } = await submit(hub(), 0);
    first = consultationId;
    const run = (input: Record<string, unknown>, as = 'hub.manager') =>
      hub().gql<{ handBackHubConsultations: HandBack }>(HAND_BACK, { input }, as);
    expect((await run({ reason: '' })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect((await run({ reason: 'Closed', states: ['COMPLETED'] })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.states',
    });
    expect((await run({ reason: 'Closed', triageNotes: 'x'.repeat(5001) })).errors![0]!.extensions).toMatchObject({
      field: 'input.triageNotes',
    });
    for (const user of ['hub.anp1', 'hub.coord1', 'p1.admin'])
      expect(codeOf(await run({ reason: 'Closed' }, user)), user).toBe('FORBIDDEN');
    expect(await hub().sql("select * from consultation_transition where action = 'PASS_BACK'")).toEqual([]);
    // A single pass-back still needs the claim, though the state machine lets the bulk hand-back take unclaimed work.
    const single = await act(
      hub(),
      'passBackToPractice',
      { consultationId, reason: 'Needs GP', triageNotes: 'Notes' },
      'hub.anp1',
    );
    expect(single.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCK_NOT_HELD' });
  });

  it('passes every open hub consultation back, one normal pass-back each, live on every inbox; locked work stays', async () => {
    const waiting = (await submit(hub(), 7)).consultationId; // Y99011
    const claimed = (await submit(hub(), 14)).consultationId; // Y99011, someone is working on it
    await ok(hub(), 'claimConsultation', { consultationId: claimed }, 'hub.anp1');
    const queued = (await submit(hub(), 8)).consultationId; // Y99012, in the admin queue
    await ok(hub(), 'claimConsultation', { consultationId: queued }, 'hub.coord1');
    await ok(
      hub(),
      'signpostConsultation',
      { consultationId: queued, team: 'ADMIN', urgency: 'ROUTINE', mode: 'TELEPHONE', destination: 'ADMIN_QUEUE' },
      'hub.coord1',
    );
    const lapsed = (await submit(hub(), 21)).consultationId; // Y99011, claimed but the lock lapsed
    await ok(hub(), 'claimConsultation', { consultationId: lapsed }, 'hub.anp2');
    await hub().sql("update online_consultation set lock_expires_at = now() - interval '1 minute' where id = ?", [
      dbIdOf(lapsed),
    ]);

    const p1 = await followInbox(hub(), 'p1.gp', 'Y99011');
    const p2 = await followInbox(hub(), 'p2.gp', 'Y99012');
    const hubFeed = await followInbox(hub(), 'hub.anp3', 'Y99000');
    await new Promise((r) => setTimeout(r, 300));
    expect(
      (
        await hub().gql(
          'mutation { declareHubClosure(input: { kind: CLOSED, reason: "Flooded" }) { closure { id } } }',
          {},
          'hub.manager',
        )
      ).errors,
    ).toBeUndefined();

    const res = await hub().gql<{ handBackHubConsultations: HandBack }>(
      HAND_BACK,
      { input: { reason: 'Hub closed: flood', triageNotes: 'Not triaged at the hub' } },
      'hub.manager',
    );
    expect(res.errors).toBeUndefined();
    const result = res.data!.handBackHubConsultations;
    const firstId = first;
    const expected = [firstId, waiting, queued, lapsed].sort();
    expect(result.consultations.map((c) => c.id).sort()).toEqual(expected);
    for (const c of result.consultations) {
      expect(c).toMatchObject({
        state: 'PASSED_TO_PRACTICE',
        routingReason: 'PASSED_BACK',
        triageNotes: 'Not triaged at the hub',
        lock: null,
      });
      expect(c.ownerOrganisation.odsCode).toBe(c.id === queued ? 'Y99012' : 'Y99011');
    }
    expect(result.skipped).toEqual([{ consultationId: claimed, reason: 'LOCKED_BY_OTHER' }]);
    expect(result.remaining).toBe(1);

    // One history row, one audit row and one event per inbox for each item.
    const history = await hub().sql<{ consultation_id: string; from_state: string; actor_id: string; reason: string }>(
      "select consultation_id, from_state, actor_id, reason from consultation_transition where action = 'PASS_BACK' order by consultation_id",
    );
    expect(history.map((h) => h.consultation_id).sort()).toEqual(expected.map(dbIdOf).sort());
    expect(new Set(history.map((h) => `${h.actor_id}|${h.reason}`))).toEqual(
      new Set(['hub.manager|Hub closed: flood']),
    );
    expect(history.map((h) => h.from_state).sort()).toEqual([
      'ADMIN_QUEUE',
      'AWAITING_TRIAGE',
      'AWAITING_TRIAGE',
      'IN_TRIAGE',
    ]);
    const audits = await hub().sql<{ subject_id: string; patient_id: string | null; actor_id: string }>(
      "select subject_id, patient_id, actor_id from audit_event where action = 'handBackHubConsultations' and outcome = 'SUCCESS'",
    );
    expect(audits.map((a) => a.subject_id).sort()).toEqual(expected.map(dbIdOf).sort());
    expect(audits.every((a) => a.actor_id === 'hub.manager' && a.patient_id !== null)).toBe(true);
    const logged = await hub().sql<{ n: string | number }>(
      "select count(*) as n from event_log where type = 'PASSED_BACK'",
    );
    expect(Number(logged[0]!.n)).toBe(2 * expected.length);

    await until(
      () => passedBack(p1).length === 3 && passedBack(p2).length === 1 && passedBack(hubFeed).length === 4,
      'live PASSED_BACK events',
    );
    expect(passedBack(p1)).toEqual([firstId, waiting, lapsed].sort());
    expect(passedBack(p2)).toEqual([queued]);
    expect(passedBack(hubFeed)).toEqual(expected);
    // The practices see them as theirs now; the hub no longer does.
    expect(
      p1.events
        .filter((e) => e.type === 'PASSED_BACK')
        .every((e) => e.actorId === 'hub.manager' && e.consultation?.ownerOrganisation.odsCode === 'Y99011'),
    ).toBe(true);
    expect(hubFeed.events.filter((e) => e.type === 'PASSED_BACK').every((e) => e.consultation === null)).toBe(true);

    // Nothing left to hand back but the locked one: a second call changes nothing.
    const again = await hub().gql<{ handBackHubConsultations: HandBack }>(
      HAND_BACK,
      { input: { reason: 'Again' } },
      'hub.manager',
    );
    expect(again.data!.handBackHubConsultations).toMatchObject({ consultations: [], remaining: 1 });
  });
});
