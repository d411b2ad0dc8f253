import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { londonDate } from './capacity.rules.js';
import { act, ok, practiceOf, submit } from '../inbox.testkit.js';

const SET_PLAN = `mutation($input: SetCapacityPlanInput!) {
  setCapacityPlan(input: $input) { plan { serviceId date plannedCapacity softThreshold hardThreshold overflowMode updatedBy } }
}`;
const CAPACITY = `query($date: LocalDate) { hubCapacity(date: $date) {
  date load plannedCapacity softThreshold hardThreshold state overflowMode
  services { service { name } load state plan { softThreshold hardThreshold overflowMode } }
} }`;

interface Capacity {
  date: string;
  load: number;
  softThreshold: number;
  hardThreshold: number;
  state: string;
  overflowMode: string | null;
  services: {
    service: { name: string };
    load: number;
    state: string;
    plan: { softThreshold: number; hardThreshold: number } | null;
  }[];
}

const today = () => londonDate(new Date());

async function capacity(hub: TestHub, as = 'hub.manager'): Promise<Capacity> {
  const res = await hub.gql<{ hubCapacity: Capacity }>(CAPACITY, {}, as);
  expect(res.errors).toBeUndefined();
  return res.data!.hubCapacity;
}

describeEachDatabase('inbox capacity and overflow', (hub) => {
  let services: Record<string, string> = {};

  const plan = (service: string, soft: number, hard: number, overflowMode: string, date = today()) =>
    hub().gql(
      SET_PLAN,
      {
        input: {
          serviceId: services[service],
          date,
          plannedCapacity: hard,
          softThreshold: soft,
          hardThreshold: hard,
          overflowMode,
        },
      },
      'hub.manager',
    );

  /** Today's plans (all in `mode`, Minor Illness carrying the thresholds) put the hub in `state` at its current load. */
  async function putHubAt(state: 'NORMAL' | 'SOFT_LIMIT' | 'HARD_LIMIT', mode: string): Promise<void> {
    for (const other of ['Enhanced Access', 'Pharmacy', 'Physiotherapy'])
      expect((await plan(other, 0, 0, mode)).errors).toBeUndefined();
    const { load } = await capacity(hub());
    const [soft, hard] =
      state === 'NORMAL'
        ? [load + 50, load + 100]
        : state === 'SOFT_LIMIT'
          ? [load, load + 100]
          : [Math.max(0, load - 1), load];
    expect((await plan('Minor Illness', soft, hard, mode)).errors).toBeUndefined();
    expect((await capacity(hub())).state).toBe(state);
  }

  /** The hub-queue consultations a practice user is offered during shared triage. */
  async function shared(user: string): Promise<string[]> {
    const ods = (
      await hub().gql<{ viewer: { organisation: { odsCode: string } } }>(
        '{ viewer { organisation { odsCode } } }',
        {},
        user,
      )
    ).data!.viewer.organisation.odsCode;
    const res = await hub().gql<{ inbox: { edges: { node: { id: string; submittedPatient: unknown } }[] } }>(
      'query($org: OdsCode!) { inbox(organisation: $org, filter: { sharedFromHub: true }, first: 200) { edges { node { id submittedPatient { nhsNumber } } } } }',
      { org: ods },
      user,
    );
    expect(res.errors).toBeUndefined();
    // Demographics as submitted stay with the owner (the hub).
    expect(res.data!.inbox.edges.every((e) => e.node.submittedPatient === null)).toBe(true);
    return res.data!.inbox.edges.map((e) => e.node.id);
  }

  beforeAll(async () => {
    const res = await hub().gql<{ hubServices: { id: string; name: string }[] }>(
      '{ hubServices { id name } }',
      {},
      'hub.manager',
    );
    services = Object.fromEntries(res.data!.hubServices.map((s) => [s.name, s.id]));
  });

  it('is NORMAL with no plans, and shows hub-wide load as the open hub-owned consultations', async () => {
    await submit(hub(), 0);
    await submit(hub(), 1);
    const c = await capacity(hub(), 'pcn.analyst');
    const [open] = await hub().sql<{ n: string | number }>(
      "select count(*) as n from online_consultation o join organisation h on h.id = o.owner_id where h.ods_code = 'Y99000' and o.state not in ('COMPLETED', 'CANCELLED')",
    );
    expect(c).toMatchObject({
      date: today(),
      load: Number(open!.n),
      state: 'NORMAL',
      overflowMode: null,
      hardThreshold: 0,
    });
    expect(c.services.map((s) => s.plan)).toEqual([null, null, null, null]);
  });

  it('lets hub managers set plans, validated and audited; nothing stored on bad input', async () => {
    const count = async () => Number((await hub().sql<{ n: string }>('select count(*) as n from capacity_plan'))[0]!.n);
    const before = await count();
    expect(
      codeOf(
        await hub().gql(
          SET_PLAN,
          {
            input: {
              serviceId: services['Pharmacy'],
              date: today(),
              plannedCapacity: 5,
              softThreshold: 3,
              hardThreshold: 5,
              overflowMode: 'SHARED_TRIAGE',
            },
          },
          'hub.anp1',
        ),
      ),
    ).toBe('FORBIDDEN');
    const soft = await plan('Pharmacy', 6, 5, 'SHARED_TRIAGE');
    expect(soft.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.softThreshold' });
    const past = await plan('Pharmacy', 1, 5, 'SHARED_TRIAGE', '2020-01-01');
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    const negative = await plan('Pharmacy', -1, 5, 'SHARED_TRIAGE');
    expect(negative.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.softThreshold' });
    expect(await count()).toBe(before);

    const set = await plan('Pharmacy', 3, 5, 'SHARED_TRIAGE');
    expect(set.errors).toBeUndefined();
    const again = await plan('Pharmacy', 30, 50, 'SHARED_TRIAGE');
    expect(
      (again.data as { setCapacityPlan: { plan: { hardThreshold: number; updatedBy: string } } }).setCapacityPlan.plan,
    ).toMatchObject({
      hardThreshold: 50,
      updatedBy: 'hub.manager',
    });
    expect(await count()).toBe(before + 1);
    const audits = await hub().sql<{ actor_id: string }>(
      "select actor_id from audit_event where action = 'setCapacityPlan'",
    );
    expect(audits).toHaveLength(2);
    const pharmacy = (await capacity(hub())).services.find((s) => s.service.name === 'Pharmacy')!;
    expect(pharmacy.plan).toMatchObject({ softThreshold: 30, hardThreshold: 50 });
  });

  it("shows a service's queue load against its own thresholds", async () => {
    expect((await plan('Physiotherapy', 1, 2, 'SHARED_TRIAGE')).errors).toBeUndefined();
    const { consultationId } = await submit(hub(), 2);
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.physio');
    await ok(
      hub(),
      'signpostConsultation',
      {
        consultationId,
        team: 'PHYSIOTHERAPIST',
        urgency: 'WITHIN_5_DAYS',
        mode: 'FACE_TO_FACE',
        destination: 'HUB_SERVICE_QUEUE',
        serviceId: services['Physiotherapy'],
      },
      'hub.physio',
    );
    const physio = (await capacity(hub())).services.find((s) => s.service.name === 'Physiotherapy')!;
    expect(physio).toMatchObject({ load: 1, state: 'SOFT_LIMIT' });
  });

  it('at the hard limit in PASS_BACK_DEFAULT mode, new arrivals default to the practice and pulls are refused', async () => {
    await putHubAt('HARD_LIMIT', 'PASS_BACK_DEFAULT');
    const arrival = await submit(hub(), 3);
    expect(arrival).toMatchObject({
      state: 'AWAITING_TRIAGE',
      routingReason: 'HUB_OVER_CAPACITY',
      owner: { odsCode: practiceOf(3) },
    });
    const pull = await act(hub(), 'pullToHub', { consultationId: arrival.consultationId }, 'hub.anp1');
    expect(codeOf(pull)).toBe('CONFLICT');
    expect(pull.errors![0]!.extensions!.reason).toBe('HUB_AT_HARD_LIMIT');

    await putHubAt('NORMAL', 'PASS_BACK_DEFAULT');
    const pulled = await ok(hub(), 'pullToHub', { consultationId: arrival.consultationId }, 'hub.anp1');
    expect(pulled).toMatchObject({ routingReason: 'PULLED_TO_HUB', ownerOrganisation: { odsCode: 'Y99000' } });
    expect((await submit(hub(), 4)).routingReason).toBe('ROUTED_TO_HUB');
  });

  it("in SHARED_TRIAGE overflow, a practice may claim its own patients' consultations from the hub queue", async () => {
    await putHubAt('NORMAL', 'SHARED_TRIAGE');
    const early = await submit(hub(), 5);
    const gp = `p${Number(practiceOf(5).slice(-1))}.gp`;
    const otherGp = gp === 'p1.gp' ? 'p2.gp' : 'p1.gp';
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId: early.consultationId }, gp))).toBe(
      'NOT_FOUND',
    );
    expect(await shared(gp)).toEqual([]);

    await putHubAt('SOFT_LIMIT', 'SHARED_TRIAGE');
    const arrival = await submit(hub(), 5);
    expect(arrival.owner.odsCode).toBe('Y99000');
    expect(codeOf(await act(hub(), 'claimConsultation', { consultationId: arrival.consultationId }, otherGp))).toBe(
      'NOT_FOUND',
    );
    const offered = await shared(gp);
    expect(offered).toContain(arrival.consultationId);
    expect(offered).toContain(early.consultationId);
    expect(await shared(otherGp)).not.toContain(arrival.consultationId);
    const taken = await ok(hub(), 'claimConsultation', { consultationId: arrival.consultationId }, gp);
    expect(taken).toMatchObject({
      state: 'IN_TRIAGE',
      routingReason: 'SHARED_TRIAGE',
      ownerOrganisation: { odsCode: practiceOf(5) },
      lock: { holder: gp },
    });

    await putHubAt('HARD_LIMIT', 'SHARED_TRIAGE');
    expect((await submit(hub(), 6)).owner.odsCode).toBe('Y99000');
    await putHubAt('NORMAL', 'SHARED_TRIAGE');
  });
});
