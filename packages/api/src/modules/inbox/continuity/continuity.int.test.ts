import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { londonDate } from '../capacity/capacity.rules.js';
import { act, practiceOf, submit } from '../inbox.testkit.js';

const DECLARE = `mutation($input: DeclareHubClosureInput!) {
  declareHubClosure(input: $input) { closure { id kind startsAt endsAt capacityPercent reason declaredBy inForce } }
}`;
const REOPEN = `mutation($input: ReopenHubInput!) {
  reopenHub(input: $input) { closure { id kind endedAt endedBy endReason inForce } }
}`;
const CAPACITY = `{ hubCapacity { closed capacityPercent state softThreshold hardThreshold closure { kind capacityPercent } } }`;

interface Closure {
  id: string;
  kind: string;
  inForce: boolean;
  endedBy?: string | null;
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

function declare(hub: TestHub, input: Record<string, unknown>, as = 'hub.manager') {
  return hub.gql<{ declareHubClosure: { closure: Closure } }>(DECLARE, { input }, as);
}

async function declared(hub: TestHub, input: Record<string, unknown>): Promise<Closure> {
  const res = await declare(hub, input);
  expect(res.errors).toBeUndefined();
  return res.data!.declareHubClosure.closure;
}

function reopen(hub: TestHub, input: Record<string, unknown> = { reason: 'Staff back' }, as = 'hub.manager') {
  return hub.gql<{ reopenHub: { closure: Closure } }>(REOPEN, { input }, as);
}

const closureCount = async (hub: TestHub) =>
  Number((await hub.sql<{ n: string }>('select count(*) as n from hub_closure'))[0]!.n);

describeEachDatabase('business continuity: closing and reopening the hub', (hub) => {
  it('refuses bad declarations with typed errors naming the field, and stores nothing', async () => {
    const fieldOf = async (input: Record<string, unknown>) => (await declare(hub(), input)).errors![0]!.extensions;
    expect(await fieldOf({ kind: 'CLOSED', reason: ' ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect(
      await fieldOf({ kind: 'CLOSED', reason: 'Training', startsAt: inMinutes(60), endsAt: inMinutes(30) }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.endsAt',
    });
    expect(
      await fieldOf({ kind: 'CLOSED', reason: 'Training', startsAt: inMinutes(60), endsAt: inMinutes(60) }),
    ).toMatchObject({ field: 'input.endsAt' });
    expect(await fieldOf({ kind: 'CLOSED', reason: 'Training', startsAt: inMinutes(-60) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsAt',
    });
    expect(await fieldOf({ kind: 'REDUCED_CAPACITY', reason: 'Sickness' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.capacityPercent',
    });
    expect(await fieldOf({ kind: 'REDUCED_CAPACITY', reason: 'Sickness', capacityPercent: 100 })).toMatchObject({
      field: 'input.capacityPercent',
    });
    expect(await fieldOf({ kind: 'CLOSED', reason: 'Flood', capacityPercent: 50 })).toMatchObject({
      field: 'input.capacityPercent',
    });
    for (const user of ['hub.anp1', 'hub.coord1', 'p1.admin', 'p1.gp']) {
      expect(codeOf(await declare(hub(), { kind: 'CLOSED', reason: 'Flood' }, user)), user).toBe('FORBIDDEN');
      expect(codeOf(await reopen(hub(), { reason: 'Back' }, user)), user).toBe('FORBIDDEN');
    }
    const open = await reopen(hub());
    expect(open.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'OPEN', to: 'OPEN' });
    expect(codeOf(await reopen(hub(), { closureId: 'not-an-id', reason: 'x' }))).toBe('BAD_USER_INPUT');
    expect(await closureCount(hub())).toBe(0);
    expect(
      await hub().sql(
        "select * from audit_event where action in ('declareHubClosure', 'reopenHub') and outcome = 'SUCCESS'",
      ),
    ).toEqual([]);
  });

  it('while closed, new arrivals route to their practices and pulls are refused; reopening restores routing', async () => {
    expect((await submit(hub(), 0)).routingReason).toBe('ROUTED_TO_HUB');
    const closure = await declared(hub(), { kind: 'CLOSED', reason: 'Power cut' });
    expect(closure).toMatchObject({
      kind: 'CLOSED',
      endsAt: null,
      capacityPercent: null,
      declaredBy: 'hub.manager',
      inForce: true,
    });
    const capacity = await hub().gql<{ hubCapacity: { closed: boolean; closure: { kind: string } } }>(
      CAPACITY,
      {},
      'p1.gp',
    );
    expect(capacity.data!.hubCapacity).toMatchObject({ closed: true, closure: { kind: 'CLOSED' } });

    const arrival = await submit(hub(), 1);
    expect(arrival).toMatchObject({
      routingReason: 'HUB_CLOSED',
      owner: { odsCode: practiceOf(1) },
      state: 'AWAITING_TRIAGE',
    });
    const pull = await act(hub(), 'pullToHub', { consultationId: arrival.consultationId }, 'hub.anp1');
    expect(pull.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HUB_CLOSED' });
    const [row] = await hub().sql<{ ods_code: string }>(
      'select o.ods_code from online_consultation c join organisation o on o.id = c.owner_id where c.supplier_reference = (select supplier_reference from online_consultation order by id desc limit 1)',
    );
    expect(row!.ods_code).toBe(practiceOf(1));

    // Closing a closed hub, or planning a period that overlaps this open-ended one, is refused.
    const again = await declare(hub(), { kind: 'CLOSED', reason: 'Still no power' });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'CLOSED', to: 'CLOSED' });
    const overlap = await declare(hub(), {
      kind: 'REDUCED_CAPACITY',
      reason: 'Half team',
      capacityPercent: 50,
      startsAt: inMinutes(60),
      endsAt: inMinutes(120),
    });
    expect(codeOf(overlap)).toBe('INVALID_TRANSITION');
    expect(await closureCount(hub())).toBe(1);

    const reopened = await reopen(hub(), { reason: 'Power back' });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.reopenHub.closure).toMatchObject({
      id: closure.id,
      endedBy: 'hub.manager',
      endReason: 'Power back',
      inForce: false,
    });
    expect((await submit(hub(), 2)).routingReason).toBe('ROUTED_TO_HUB');
    const audits = await hub().sql<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_event where action in ('declareHubClosure', 'reopenHub') and outcome = 'SUCCESS' order by id",
    );
    expect(audits).toEqual([
      { action: 'declareHubClosure', actor_id: 'hub.manager' },
      { action: 'reopenHub', actor_id: 'hub.manager' },
    ]);
    expect(codeOf(await reopen(hub(), { closureId: closure.id, reason: 'Twice' }))).toBe('INVALID_TRANSITION');
    const node = await hub().gql<{ node: { kind: string } }>(
      'query($id: ID!) { node(id: $id) { ... on HubClosure { kind endedBy } } }',
      { id: closure.id },
      'p2.gp',
    );
    expect(node.data!.node).toMatchObject({ kind: 'CLOSED', endedBy: 'hub.manager' });
  });

  it('a planned window is listed before it starts and stops routing to the practices when it ends', async () => {
    const planned = await declared(hub(), {
      kind: 'CLOSED',
      reason: 'Training afternoon',
      startsAt: inMinutes(60),
      endsAt: inMinutes(120),
    });
    expect(planned.inForce).toBe(false);
    const list = await hub().gql<{ hubClosures: Closure[] }>('{ hubClosures { id inForce } }', {}, 'pcn.analyst');
    expect(list.data!.hubClosures).toEqual([{ id: planned.id, inForce: false }]);
    expect((await submit(hub(), 3)).routingReason).toBe('ROUTED_TO_HUB');
    // Withdrawn before it starts.
    expect((await reopen(hub(), { closureId: planned.id, reason: 'Training moved' })).errors).toBeUndefined();
    expect(
      (await hub().gql<{ hubClosures: Closure[] }>('{ hubClosures { id } }', {}, 'hub.anp1')).data!.hubClosures,
    ).toEqual([]);

    // A window from now that ends in a moment: closed during it, open again after it, no reopenHub needed.
    const endsAt = new Date(Date.now() + 1500);
    await declared(hub(), { kind: 'CLOSED', reason: 'Fire drill', endsAt: endsAt.toISOString() });
    expect((await submit(hub(), 4)).routingReason).toBe('HUB_CLOSED');
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt.getTime() - Date.now()) + 100));
    expect((await submit(hub(), 5)).routingReason).toBe('ROUTED_TO_HUB');
  });

  it('reduced capacity scales the capacity plans in force, so the hard limit comes sooner', async () => {
    const services = (
      await hub().gql<{ hubServices: { id: string; name: string }[] }>('{ hubServices { id name } }', {}, 'hub.manager')
    ).data!.hubServices;
    const load = Number(
      (
        await hub().sql<{ n: string }>(
          "select count(*) as n from online_consultation c join organisation o on o.id = c.owner_id where o.ods_code = 'Y99000' and c.state not in ('COMPLETED', 'CANCELLED')",
        )
      )[0]!.n,
    );
    // One plan with room for the current load (hard limit = 2 x load + 2), the rest empty.
    for (const s of services) {
      const hard = s.name === 'Minor Illness' ? 2 * load + 2 : 0;
      const res = await hub().gql(
        'mutation($input: SetCapacityPlanInput!) { setCapacityPlan(input: $input) { plan { hardThreshold } } }',
        {
          input: {
            serviceId: s.id,
            date: londonDate(new Date()),
            plannedCapacity: hard,
            softThreshold: hard,
            hardThreshold: hard,
            overflowMode: 'PASS_BACK_DEFAULT',
          },
        },
        'hub.manager',
      );
      expect(res.errors).toBeUndefined();
    }
    expect((await submit(hub(), 6)).routingReason).toBe('ROUTED_TO_HUB');
    await declared(hub(), { kind: 'REDUCED_CAPACITY', reason: 'Two clinicians off sick', capacityPercent: 40 });
    const capacity = (await hub().gql<{ hubCapacity: Record<string, unknown> }>(CAPACITY, {}, 'hub.manager')).data!
      .hubCapacity;
    expect(capacity).toMatchObject({
      closed: false,
      capacityPercent: 40,
      state: 'HARD_LIMIT',
      closure: { kind: 'REDUCED_CAPACITY', capacityPercent: 40 },
    });
    expect(capacity.hardThreshold).toBe(Math.floor(((2 * load + 2) * 40) / 100));
    const arrival = await submit(hub(), 7);
    expect(arrival).toMatchObject({ routingReason: 'HUB_OVER_CAPACITY', owner: { odsCode: practiceOf(7) } });
    expect((await reopen(hub())).errors).toBeUndefined();
    expect(
      (await hub().gql<{ hubCapacity: { capacityPercent: number } }>(CAPACITY, {}, 'hub.manager')).data!.hubCapacity
        .capacityPercent,
    ).toBe(100);
    expect((await submit(hub(), 8)).routingReason).toBe('ROUTED_TO_HUB');
  });
});
