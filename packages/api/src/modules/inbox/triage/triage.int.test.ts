import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { act, dbIdOf, ok, practiceOf, signpostTo, submit } from '../inbox.testkit.js';

async function historyOf(hub: TestHub, globalId: string): Promise<string[]> {
  const rows = await hub.sql<{ action: string; from_state: string; to_state: string; actor_id: string }>(
    'select action, from_state, to_state, actor_id from consultation_transition where consultation_id = ? order by at, id',
    [dbIdOf(globalId)],
  );
  return rows.map((r) => `${r.action}:${r.from_state}>${r.to_state}:${r.actor_id}`);
}

async function eventsOf(
  hub: TestHub,
  globalId: string,
): Promise<{ stream: string; seq: number; type: string; actor_id: string; payload: Record<string, unknown> }[]> {
  const rows = await hub.sql<{
    stream: string;
    seq: string | number;
    type: string;
    actor_id: string;
    payload: Record<string, unknown>;
  }>('select stream, seq, type, actor_id, payload from event_log where subject_id = ? order by id', [dbIdOf(globalId)]);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

describeEachDatabase('inbox triage', (hub) => {
  let minorIllness = '';
  let hubId = '';

  beforeAll(async () => {
    const res = await hub().gql<{ hubServices: { id: string; name: string }[] }>(
      '{ hubServices { id name } }',
      {},
      'hub.manager',
    );
    minorIllness = res.data!.hubServices.find((s) => s.name === 'Minor Illness')!.id;
    hubId = (await hub().sql<{ id: string }>("select id from organisation where ods_code = 'Y99000'"))[0]!.id;
  });

  it('claims, signposts to a hub service, works and completes, recording every step in order', async () => {
    const { consultationId } = await submit(hub(), 10);
    const claimed = await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    expect(claimed).toMatchObject({ state: 'IN_TRIAGE', lock: { holder: 'hub.anp1' } });
    const queued = await ok(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'HUB_SERVICE_QUEUE', { serviceId: minorIllness }),
      'hub.anp1',
    );
    expect(queued).toMatchObject({
      state: 'HUB_SERVICE_QUEUE',
      lock: null,
      urgency: 'WITHIN_24_HOURS',
      signpost: { destination: 'HUB_SERVICE_QUEUE', urgency: 'WITHIN_24_HOURS', service: { name: 'Minor Illness' } },
    });
    expect((await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp2')).state).toBe('IN_PROGRESS');
    const done = await ok(hub(), 'completeConsultation', { consultationId, outcome: 'Advice given' }, 'hub.anp2');
    expect(done).toMatchObject({ state: 'COMPLETED', outcome: 'Advice given', lock: null });

    expect(await historyOf(hub(), consultationId)).toEqual([
      'ARRIVE:RECEIVED>AWAITING_TRIAGE:oc.supplier',
      'CLAIM:AWAITING_TRIAGE>IN_TRIAGE:hub.anp1',
      'SIGNPOST:IN_TRIAGE>HUB_SERVICE_QUEUE:hub.anp1',
      'CLAIM:HUB_SERVICE_QUEUE>IN_PROGRESS:hub.anp2',
      'COMPLETE:IN_PROGRESS>COMPLETED:hub.anp2',
    ]);
    const events = await eventsOf(hub(), consultationId);
    expect(events.map((e) => e.type)).toEqual([
      'CONSULTATION_ARRIVED',
      'CLAIMED',
      'SIGNPOSTED',
      'CLAIMED',
      'COMPLETED',
    ]);
    expect(new Set(events.map((e) => e.stream))).toEqual(new Set([`inbox:${hubId}`]));
    for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
    expect(events[2]!.payload).toMatchObject({
      from: 'IN_TRIAGE',
      to: 'HUB_SERVICE_QUEUE',
      destination: 'HUB_SERVICE_QUEUE',
      urgency: 'WITHIN_24_HOURS',
    });
    const audits = await hub().sql<{ action: string; actor_id: string; patient_id: string | null }>(
      'select action, actor_id, patient_id from audit_event where subject_id = ? and action <> ? order by at, id',
      [dbIdOf(consultationId), 'readOnlineConsultation'],
    );
    expect(audits.map((a) => `${a.action}:${a.actor_id}`)).toEqual([
      'submitOnlineConsultation:oc.supplier',
      'claimConsultation:hub.anp1',
      'signpostConsultation:hub.anp1',
      'claimConsultation:hub.anp2',
      'completeConsultation:hub.anp2',
    ]);
    expect(audits.every((a) => a.patient_id)).toBe(true);
  });

  it('keeps the hub stream gap-free: seq runs 1, 2, 3 … with no hole', async () => {
    const rows = await hub().sql<{ seq: string | number }>('select seq from event_log where stream = ? order by seq', [
      `inbox:${hubId}`,
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  });

  it('lets one editor hold the lock; a second claim is CONFLICT; claiming again renews', async () => {
    const { consultationId } = await submit(hub(), 11);
    const first = await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    const other = await act(hub(), 'claimConsultation', { consultationId }, 'hub.anp2');
    expect(codeOf(other)).toBe('CONFLICT');
    expect(other.errors![0]!.extensions).toMatchObject({ reason: 'LOCKED_BY_OTHER' });
    await new Promise((r) => setTimeout(r, 5));
    const renewed = await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    expect(new Date(renewed.lock!.expiresAt).getTime()).toBeGreaterThan(new Date(first.lock!.expiresAt).getTime());
    expect((await historyOf(hub(), consultationId)).filter((h) => h.startsWith('CLAIM'))).toHaveLength(1);
  });

  it('gives the lock to exactly one of many simultaneous claimers', async () => {
    const { consultationId } = await submit(hub(), 12);
    const users = [
      'hub.anp1',
      'hub.anp2',
      'hub.anp3',
      'hub.pharmacist',
      'hub.physio',
      'hub.coord1',
      'hub.coord2',
      'hub.manager',
    ];
    const results = await Promise.all(users.map((u) => act(hub(), 'claimConsultation', { consultationId }, u)));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(users.length - 1);
    const holder = winners[0]!.data!.claimConsultation!.consultation.lock!.holder;
    expect((await historyOf(hub(), consultationId)).filter((h) => h.startsWith('CLAIM'))).toEqual([
      `CLAIM:AWAITING_TRIAGE>IN_TRIAGE:${holder}`,
    ]);
    expect((await eventsOf(hub(), consultationId)).filter((e) => e.type === 'CLAIMED')).toHaveLength(1);
  });

  it('refuses changes by someone without the lock (CONFLICT) and illegal transitions (INVALID_TRANSITION)', async () => {
    const { consultationId } = await submit(hub(), 13);
    const early = await act(hub(), 'signpostConsultation', signpostTo(consultationId, 'ADMIN_QUEUE'), 'hub.anp1');
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0]!.extensions).toMatchObject({ from: 'AWAITING_TRIAGE', to: 'ADMIN_QUEUE' });
    expect(early.errors![0]!.message).toContain('AWAITING_TRIAGE');
    expect(early.errors![0]!.message).toContain('ADMIN_QUEUE');
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    for (const [mutation, input] of [
      ['signpostConsultation', signpostTo(consultationId, 'ADMIN_QUEUE')],
      ['releaseConsultation', { consultationId }],
      ['passBackToPractice', { consultationId, reason: 'Needs GP', triageNotes: 'Notes' }],
    ] as const) {
      expect(codeOf(await act(hub(), mutation, input, 'hub.anp2')), mutation).toBe('CONFLICT');
    }
    const complete = await act(hub(), 'completeConsultation', { consultationId, outcome: 'Done' }, 'hub.anp1');
    expect(codeOf(complete)).toBe('INVALID_TRANSITION');
    expect(complete.errors![0]!.extensions).toMatchObject({ from: 'IN_TRIAGE', to: 'COMPLETED' });
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId }, 'p1.gp'))).toBe('NOT_FOUND');
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId: 'not-an-id' }, 'hub.anp1'))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lets a lapsed lock be taken over; the previous holder can no longer change it', async () => {
    const { consultationId } = await submit(hub(), 15);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    await hub().sql("update online_consultation set lock_expires_at = now() - interval '1 minute' where id = ?", [
      dbIdOf(consultationId),
    ]);
    const view = await hub().gql<{ onlineConsultation: { lock: unknown; state: string } }>(
      'query($id: ID!) { onlineConsultation(id: $id) { state lock { holder } } }',
      { id: consultationId },
      'hub.anp2',
    );
    expect(view.data!.onlineConsultation).toEqual({ state: 'IN_TRIAGE', lock: null });
    expect(
      codeOf(await act(hub(), 'signpostConsultation', signpostTo(consultationId, 'ADMIN_QUEUE'), 'hub.anp1')),
    ).toBe('CONFLICT');
    const taken = await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp2');
    expect(taken).toMatchObject({ state: 'IN_TRIAGE', lock: { holder: 'hub.anp2' } });
    expect((await historyOf(hub(), consultationId)).at(-1)).toBe('CLAIM:IN_TRIAGE>IN_TRIAGE:hub.anp2');
    expect(codeOf(await act(hub(), 'releaseConsultation', { consultationId }, 'hub.anp1'))).toBe('CONFLICT');
  });

  it('overrides a lock with a reason: hub manager or same team only', async () => {
    const { consultationId } = await submit(hub(), 16);
    // Nothing to override: an unclaimed consultation has no lock state, one's own lock is not someone else's.
    expect(
      codeOf(await act(hub(), 'overrideConsultationLock', { consultationId, reason: 'Covering' }, 'hub.anp2')),
    ).toBe('INVALID_TRANSITION');
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    const own = await act(hub(), 'overrideConsultationLock', { consultationId, reason: 'Mine' }, 'hub.anp1');
    expect(own.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_LOCKED' });
    expect(
      codeOf(await act(hub(), 'overrideConsultationLock', { consultationId, reason: 'Covering' }, 'hub.coord1')),
    ).toBe('FORBIDDEN');
    const blank = await act(hub(), 'overrideConsultationLock', { consultationId, reason: '  ' }, 'hub.anp2');
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0]!.extensions!.field).toBe('input.reason');
    const taken = await ok(hub(), 'overrideConsultationLock', { consultationId, reason: 'Sam went home' }, 'hub.anp2');
    expect(taken.lock!.holder).toBe('hub.anp2');
    expect(
      codeOf(await act(hub(), 'signpostConsultation', signpostTo(consultationId, 'ADMIN_QUEUE'), 'hub.anp1')),
    ).toBe('CONFLICT');
    const byManager = await ok(
      hub(),
      'overrideConsultationLock',
      { consultationId, reason: 'Rebalancing' },
      'hub.manager',
    );
    expect(byManager.lock!.holder).toBe('hub.manager');
    const [history] = await hub().sql<{ reason: string }>(
      "select reason from consultation_transition where consultation_id = ? and action = 'OVERRIDE_LOCK' order by at, id limit 1",
      [dbIdOf(consultationId)],
    );
    expect(history!.reason).toBe('Sam went home');
    const overridden = (await eventsOf(hub(), consultationId)).filter((e) => e.type === 'LOCK_OVERRIDDEN');
    expect(overridden.map((e) => [e.actor_id, e.payload.previousHolder])).toEqual([
      ['hub.anp2', 'hub.anp1'],
      ['hub.manager', 'hub.anp2'],
    ]);
  });

  it('releases back to triage, and from in-progress back to the queue it came from', async () => {
    const { consultationId } = await submit(hub(), 17);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.coord1');
    expect(await ok(hub(), 'releaseConsultation', { consultationId }, 'hub.coord1')).toMatchObject({
      state: 'AWAITING_TRIAGE',
      lock: null,
    });
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.coord1');
    await ok(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'ADMIN_QUEUE', { team: 'CARE_COORDINATOR' }),
      'hub.coord1',
    );
    expect((await ok(hub(), 'claimConsultation', { consultationId }, 'hub.coord2')).state).toBe('IN_PROGRESS');
    expect((await ok(hub(), 'releaseConsultation', { consultationId }, 'hub.coord2')).state).toBe('ADMIN_QUEUE');
  });

  it('validates signposting: a service for the service queue only, an active hub service', async () => {
    const { consultationId } = await submit(hub(), 18);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    const missing = await act(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'HUB_SERVICE_QUEUE'),
      'hub.anp1',
    );
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceId' });
    const extra = await act(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'ADMIN_QUEUE', { serviceId: minorIllness }),
      'hub.anp1',
    );
    expect(extra.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceId' });
    const wrongType = await act(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'HUB_SERVICE_QUEUE', { serviceId: consultationId }),
      'hub.anp1',
    );
    expect(wrongType.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceId' });
    // Signposting outside keeps the lock, so the triager can complete at once.
    const external = await ok(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'SIGNPOSTED_EXTERNAL', { team: 'PHARMACIST' }),
      'hub.anp1',
    );
    expect(external).toMatchObject({ state: 'SIGNPOSTED_EXTERNAL', lock: { holder: 'hub.anp1' } });
    const blank = await act(hub(), 'completeConsultation', { consultationId, outcome: ' ' }, 'hub.anp1');
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
    expect(
      (await ok(hub(), 'completeConsultation', { consultationId, outcome: 'Community pharmacy' }, 'hub.anp1')).state,
    ).toBe('COMPLETED');
    expect(codeOf(await act(hub(), 'cancelConsultation', { consultationId, reason: 'Late' }, 'hub.manager'))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('passes back to the registered practice with reason and notes, on both inboxes; the practice then works it', async () => {
    const { consultationId } = await submit(hub(), 19);
    const practice = practiceOf(19);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    const noNotes = await act(
      hub(),
      'passBackToPractice',
      { consultationId, reason: 'Needs GP', triageNotes: '' },
      'hub.anp1',
    );
    expect(noNotes.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.triageNotes' });
    const noReason = await act(
      hub(),
      'passBackToPractice',
      { consultationId, reason: ' ', triageNotes: 'x' },
      'hub.anp1',
    );
    expect(noReason.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const back = await ok(
      hub(),
      'passBackToPractice',
      { consultationId, reason: 'Chronic condition review', triageNotes: 'BP high twice' },
      'hub.anp1',
    );
    expect(back).toMatchObject({
      state: 'PASSED_TO_PRACTICE',
      routingReason: 'PASSED_BACK',
      triageNotes: 'BP high twice',
      lock: null,
      ownerOrganisation: { odsCode: practice },
    });
    const practiceId = (
      await hub().sql<{ id: string }>('select id from organisation where ods_code = ?', [practice])
    )[0]!.id;
    const passed = (await eventsOf(hub(), consultationId)).filter((e) => e.type === 'PASSED_BACK');
    expect(passed.map((e) => e.stream).sort()).toEqual([`inbox:${hubId}`, `inbox:${practiceId}`].sort());
    const detail = 'query($id: ID!) { onlineConsultation(id: $id) { state } }';
    expect(codeOf(await hub().gql(detail, { id: consultationId }, 'hub.anp1'))).toBe('NOT_FOUND');
    const gp = `p${Number(practice.slice(-1))}.gp`;
    expect(
      (await hub().gql<{ onlineConsultation: { state: string } }>(detail, { id: consultationId }, gp)).data!
        .onlineConsultation.state,
    ).toBe('PASSED_TO_PRACTICE');
    expect((await ok(hub(), 'claimConsultation', { consultationId }, gp)).state).toBe('IN_TRIAGE');
    const toHub = await act(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'HUB_SERVICE_QUEUE', { serviceId: minorIllness }),
      gp,
    );
    expect(toHub.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.destination' });
    expect(codeOf(await act(hub(), 'passBackToPractice', { consultationId, reason: 'x', triageNotes: 'y' }, gp))).toBe(
      'CONFLICT',
    );
  });

  it('pulls a practice consultation to the hub (both inboxes get the event); never a hub-owned one', async () => {
    const { consultationId } = await submit(hub(), 20);
    expect(codeOf(await act(hub(), 'pullToHub', { consultationId }, 'hub.anp1'))).toBe('CONFLICT');
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    await ok(hub(), 'passBackToPractice', { consultationId, reason: 'Needs GP', triageNotes: 'Notes' }, 'hub.anp1');
    const practice = practiceOf(20);
    const otherGp = practice === 'Y99012' ? 'p3.gp' : 'p2.gp';
    expect(codeOf(await act(hub(), 'pullToHub', { consultationId }, otherGp))).toBe('NOT_FOUND');
    const pulled = await ok(hub(), 'pullToHub', { consultationId, reason: 'Hub has capacity today' }, 'hub.anp2');
    expect(pulled).toMatchObject({
      state: 'AWAITING_TRIAGE',
      routingReason: 'PULLED_TO_HUB',
      ownerOrganisation: { odsCode: 'Y99000' },
    });
    const events = (await eventsOf(hub(), consultationId)).filter((e) => e.type === 'PULLED_TO_HUB');
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.payload.ownerId === hubId)).toBe(true);
    expect((await historyOf(hub(), consultationId)).at(-1)).toBe(
      'PULL_TO_HUB:PASSED_TO_PRACTICE>AWAITING_TRIAGE:hub.anp2',
    );
  });

  it('cancels with a reason: the lock holder, or the owner manager without the lock', async () => {
    const { consultationId } = await submit(hub(), 21);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    expect(codeOf(await act(hub(), 'cancelConsultation', { consultationId, reason: 'Duplicate' }, 'hub.anp2'))).toBe(
      'CONFLICT',
    );
    const blank = await act(hub(), 'cancelConsultation', { consultationId, reason: '' }, 'hub.manager');
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const cancelled = await ok(
      hub(),
      'cancelConsultation',
      { consultationId, reason: 'Duplicate of the e-mail copy' },
      'hub.manager',
    );
    expect(cancelled).toMatchObject({ state: 'CANCELLED', lock: null });
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId }, 'hub.anp1'))).toBe('INVALID_TRANSITION');

    const second = await submit(hub(), 22);
    await ok(hub(), 'claimConsultation', { consultationId: second.consultationId }, 'hub.anp3');
    expect(
      (
        await ok(
          hub(),
          'cancelConsultation',
          { consultationId: second.consultationId, reason: 'Patient withdrew' },
          'hub.anp3',
        )
      ).state,
    ).toBe('CANCELLED');
  });

  it('audits a refused lock override as DENIED on the consultation, after the rollback', async () => {
    const { consultationId } = await submit(hub(), 23);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    expect(
      codeOf(await act(hub(), 'overrideConsultationLock', { consultationId, reason: 'Covering' }, 'hub.coord1')),
    ).toBe('FORBIDDEN');
    const denied = await hub().sql<{ action: string; subject_type: string; reason: string }>(
      "select action, subject_type, reason from audit_event where actor_id = 'hub.coord1' and outcome = 'DENIED' and subject_id = ?",
      [dbIdOf(consultationId)],
    );
    expect(denied).toEqual([
      {
        action: 'overrideConsultationLock',
        subject_type: 'OnlineConsultation',
        reason: "Only a hub manager or a member of the holder's team may override the lock",
      },
    ]);
    // The service audited the refusal, so the request's generic denial row is not added as well.
    const generic = await hub().sql(
      "select 1 from audit_event where actor_id = 'hub.coord1' and action = 'mutation:overrideConsultationLock'",
    );
    expect(generic).toEqual([]);
    expect((await historyOf(hub(), consultationId)).some((h) => h.startsWith('OVERRIDE_LOCK'))).toBe(false);
  });
});
