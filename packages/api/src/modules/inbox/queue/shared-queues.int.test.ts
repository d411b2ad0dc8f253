import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { act, followInbox, ok, submit, until } from '../inbox.testkit.js';

// Demo patient i is registered at practice i % 7: 0, 7, 14 at Y99011 (p1), 1, 8, 15 at Y99012 (p2).
const P1 = 'Y99011';
const P2 = 'Y99012';

const SET_SHARING = `mutation($input: SetInboxSharingInput!) {
  setInboxSharing(input: $input) { routing { practice { odsCode } routing inboxSharing updatedBy } }
}`;
const SET_ROUTING = `mutation($input: SetOnlineConsultationRoutingInput!) {
  setOnlineConsultationRouting(input: $input) { routing { routing } }
}`;
const INBOX = `query($org: OdsCode!, $filter: InboxFilter) {
  inbox(organisation: $org, filter: $filter, first: 200) {
    totalCount
    folderCounts { folder count }
    edges { node { id state ownerOrganisation { odsCode } submittedPatient { nhsNumber } } }
  }
}`;

interface Page {
  totalCount: number;
  folderCounts: { folder: string; count: number }[];
  edges: { node: { id: string; state: string; ownerOrganisation: { odsCode: string }; submittedPatient: unknown } }[];
}

const share = (hub: TestHub, ods: string, shared: boolean, as = 'hub.manager') =>
  hub.gql<{ setInboxSharing: { routing: { inboxSharing: boolean; updatedBy: string } } }>(
    SET_SHARING,
    { input: { practiceOdsCode: ods, shared } },
    as,
  );

async function inbox(hub: TestHub, org: string, as: string, filter: Record<string, unknown> | null = null) {
  return hub.gql<{ inbox: Page }>(INBOX, { org, filter }, as);
}

async function ids(
  hub: TestHub,
  org: string,
  as: string,
  filter: Record<string, unknown> | null = null,
): Promise<string[]> {
  const res = await inbox(hub, org, as, filter);
  expect(res.errors, `inbox ${org} as ${as}`).toBeUndefined();
  return res.data!.inbox.edges.map((e) => e.node.id);
}

/** A consultation that arrives in the practice's own inbox (the practice keeps its consultations for one submission). */
async function practiceOwned(hub: TestHub, patient: number, ods: string): Promise<string> {
  expect(
    (await hub.gql(SET_ROUTING, { input: { practiceOdsCode: ods, routing: 'PRACTICE_INBOX' } }, 'hub.manager')).errors,
  ).toBeUndefined();
  const arrival = await submit(hub, patient);
  expect(arrival.owner.odsCode).toBe(ods);
  expect(
    (await hub.gql(SET_ROUTING, { input: { practiceOdsCode: ods, routing: 'HUB_INBOX' } }, 'hub.manager')).errors,
  ).toBeUndefined();
  return arrival.consultationId;
}

const sharingOf = async (hub: TestHub, ods: string): Promise<boolean | null> => {
  const [row] = await hub.sql<{ inbox_sharing: boolean }>(
    'select s.inbox_sharing from oc_routing_setting s join organisation o on o.id = s.practice_id where o.ods_code = ?',
    [ods],
  );
  return row ? row.inbox_sharing : null;
};

describeEachDatabase('shared practice queues', (hub) => {
  it("off (the default), hub staff cannot list a practice's inbox and the practice sees none of the hub queue", async () => {
    const own = await practiceOwned(hub(), 0, P1);
    expect(codeOf(await inbox(hub(), P1, 'hub.anp1'))).toBe('NOT_FOUND');
    expect(codeOf(await inbox(hub(), P1, 'hub.manager'))).toBe('NOT_FOUND');
    const atHub = await submit(hub(), 7);
    expect(await ids(hub(), P1, 'p1.gp', { sharedFromHub: true })).toEqual([]);
    // Reading one by id follows the same rule.
    const one = 'query($id: ID!) { onlineConsultation(id: $id) { id } }';
    expect(codeOf(await hub().gql(one, { id: own }, 'hub.anp1'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(one, { id: atHub.consultationId }, 'p1.gp'))).toBe('NOT_FOUND');
    expect(
      (
        await hub().gql<{ viewer: unknown }>(
          '{ onlineConsultationRouting { practice { odsCode } inboxSharing } }',
          {},
          'p1.admin',
        )
      ).data,
    ).toEqual({
      onlineConsultationRouting: [{ practice: { odsCode: P1 }, inboxSharing: false }],
    });
  });

  it('is changed by the practice admin for its own practice or the hub manager, audited; nothing stored on refusal', async () => {
    expect(codeOf(await share(hub(), P1, true, 'p1.gp'))).toBe('FORBIDDEN');
    expect(codeOf(await share(hub(), P1, true, 'hub.anp1'))).toBe('FORBIDDEN');
    const foreign = await share(hub(), P2, true, 'p1.admin');
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.practiceOdsCode' });
    const unknown = await share(hub(), 'Y99999', true);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.practiceOdsCode' });
    expect(await sharingOf(hub(), P2)).toBeNull();
    const denied = await hub().sql<{ outcome: string }>(
      "select outcome from audit_event where action = 'setInboxSharing'",
    );
    // The practice admin's try at another practice (the role refusals are audited by the auth checker).
    expect(denied).toEqual([{ outcome: 'DENIED' }]);

    const on = await share(hub(), P1, true, 'p1.admin');
    expect(on.data!.setInboxSharing.routing).toMatchObject({ inboxSharing: true, updatedBy: 'p1.admin' });
    expect(await sharingOf(hub(), P1)).toBe(true);
    const audits = await hub().sql<{ actor_id: string; reason: string; outcome: string }>(
      "select actor_id, reason, outcome from audit_event where action = 'setInboxSharing' and outcome = 'SUCCESS'",
    );
    expect(audits).toEqual([{ actor_id: 'p1.admin', reason: 'NOT_SHARED->SHARED', outcome: 'SUCCESS' }]);
    // Sharing leaves routing as it was.
    const [routing] = await hub().sql<{ routing: string }>(
      "select s.routing from oc_routing_setting s join organisation o on o.id = s.practice_id where o.ods_code = 'Y99011'",
    );
    expect(routing!.routing).toBe('HUB_INBOX');
  });

  it("on, hub staff list the practice's queue through the inbox query and pull from it", async () => {
    const waiting = await practiceOwned(hub(), 14, P1);
    const page = await inbox(hub(), P1, 'hub.anp2', { folder: 'AWAITING_TRIAGE' });
    expect(page.errors).toBeUndefined();
    const listed = page.data!.inbox.edges.find((e) => e.node.id === waiting)!;
    expect(listed.node).toMatchObject({ state: 'AWAITING_TRIAGE', ownerOrganisation: { odsCode: P1 } });
    // Demographics as submitted stay with the owner; the practice's queue, not the hub's, is counted.
    expect(listed.node.submittedPatient).toBeNull();
    expect(page.data!.inbox.totalCount).toBe(page.data!.inbox.edges.length);
    expect(page.data!.inbox.folderCounts.find((f) => f.folder === 'AWAITING_TRIAGE')!.count).toBeGreaterThanOrEqual(2);
    const reads = await hub().sql(
      "select count(*) as n from audit_event where action = 'readOnlineConsultation' and actor_id = 'hub.anp2'",
    );
    expect(Number((reads[0] as { n: string }).n)).toBe(page.data!.inbox.edges.length);
    // Other practices' inboxes stay closed to the hub.
    expect(codeOf(await inbox(hub(), P2, 'hub.anp2'))).toBe('NOT_FOUND');
    // Practice staff cannot list another practice, sharing or not.
    expect(codeOf(await inbox(hub(), P1, 'p2.gp'))).toBe('NOT_FOUND');

    const pulled = await ok(hub(), 'pullToHub', { consultationId: waiting, reason: 'Hub has capacity' }, 'hub.anp2');
    expect(pulled).toMatchObject({
      state: 'AWAITING_TRIAGE',
      routingReason: 'PULLED_TO_HUB',
      ownerOrganisation: { odsCode: 'Y99000' },
    });
    expect(await ids(hub(), P1, 'hub.anp2')).not.toContain(waiting);
    expect(await ids(hub(), 'Y99000', 'hub.anp2')).toContain(waiting);
  });

  it("on, the practice sees the hub's queue of its own patients, every open state, and not another practice's", async () => {
    const mine = await submit(hub(), 21);
    const queued = await submit(hub(), 28);
    await ok(hub(), 'claimConsultation', { consultationId: queued.consultationId }, 'hub.coord1');
    await ok(
      hub(),
      'signpostConsultation',
      {
        consultationId: queued.consultationId,
        team: 'CARE_COORDINATOR',
        urgency: 'ROUTINE',
        mode: 'TELEPHONE',
        destination: 'ADMIN_QUEUE',
      },
      'hub.coord1',
    );
    const theirs = await submit(hub(), 22);
    const seen = await ids(hub(), P1, 'p1.gp', { sharedFromHub: true });
    expect(seen).toEqual(expect.arrayContaining([mine.consultationId, queued.consultationId]));
    expect(seen).not.toContain(theirs.consultationId);
    // P2 does not share: it sees nothing of the hub queue, not even its own patients.
    expect(await ids(hub(), P2, 'p2.gp', { sharedFromHub: true })).toEqual([]);
    const one = 'query($id: ID!) { onlineConsultation(id: $id) { id state submittedPatient { nhsNumber } } }';
    expect((await hub().gql(one, { id: queued.consultationId }, 'p1.gp')).data).toEqual({
      onlineConsultation: { id: queued.consultationId, state: 'ADMIN_QUEUE', submittedPatient: null },
    });
    expect(codeOf(await hub().gql(one, { id: theirs.consultationId }, 'p1.gp'))).toBe('NOT_FOUND');
    // Seeing is not working: only items awaiting triage can be taken, and only the practice's own.
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId: queued.consultationId }, 'p1.gp'))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId: theirs.consultationId }, 'p1.gp'))).toBe(
      'NOT_FOUND',
    );
    const taken = await ok(hub(), 'claimConsultation', { consultationId: mine.consultationId }, 'p1.gp');
    expect(taken).toMatchObject({
      state: 'IN_TRIAGE',
      routingReason: 'SHARED_TRIAGE',
      ownerOrganisation: { odsCode: P1 },
    });
  });

  it('on, hub staff follow the practice inbox live; turning sharing off ends that stream', async () => {
    const live = await followInbox(hub(), 'hub.anp3', P1);
    const refused = await followInbox(hub(), 'hub.anp3', P2);
    await until(() => refused.done, 'the refusal of a practice that does not share');
    expect(refused.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    await new Promise((r) => setTimeout(r, 300));
    const arrived = await practiceOwned(hub(), 35, P1);
    await until(() => live.events.some((e) => e.consultationId === arrived), 'the arrival on the shared inbox');
    expect(live.events.find((e) => e.consultationId === arrived)).toMatchObject({
      type: 'CONSULTATION_ARRIVED',
      consultation: { state: 'AWAITING_TRIAGE', ownerOrganisation: { odsCode: P1 } },
    });

    expect((await share(hub(), P1, false)).data!.setInboxSharing.routing.inboxSharing).toBe(false);
    const after = await practiceOwned(hub(), 42, P1);
    await until(() => live.done, 'the end of the shared stream');
    expect(live.events.some((e) => e.consultationId === after)).toBe(false);
    expect(live.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('off again, both sides are back to their own inboxes', async () => {
    expect(codeOf(await inbox(hub(), P1, 'hub.anp1'))).toBe('NOT_FOUND');
    expect(await ids(hub(), P1, 'p1.gp', { sharedFromHub: true })).toEqual([]);
    const audits = await hub().sql<{ actor_id: string; reason: string }>(
      "select actor_id, reason from audit_event where action = 'setInboxSharing' and outcome = 'SUCCESS' order by id",
    );
    expect(audits.map((a) => `${a.actor_id}:${a.reason}`)).toEqual([
      'p1.admin:NOT_SHARED->SHARED',
      'hub.manager:SHARED->NOT_SHARED',
    ]);
  });
});
