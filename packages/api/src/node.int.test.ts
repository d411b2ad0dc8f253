import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase, seedForeignPcn, type TestHub } from './test/harness.js';
import { coded, patientAt, recordAndSave } from './modules/consultations/consultations.testkit.js';
import { registerPlugin } from './modules/plugins/plugins.testkit.js';
import { demoPatient } from './seed/demo.js';
import type { Role } from './platform/auth/roles.js';
import { fromGlobalId, toGlobalId } from './platform/graphql/relay.js';

const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on HubConsultation { version } ... on Referral { state } } }`;

/** Every newer type with a field or two of its own, to see the object itself come back. */
const ANY_NODE = `query ($id: ID!) { node(id: $id) { __typename id
  ... on AppointmentBook { name service { name } }
  ... on SlotType { name mode }
  ... on Slot { status book { id } }
  ... on HubTeam { name }
  ... on PatientTraceTask { taskState: state nhsNumber }
  ... on HubConsultationEntry { kind coded { snomedCode } }
  ... on InboundMessage { messageId mailboxId bodyBase64 }
  ... on PluginWebhookDelivery { eventType webhookState: state }
  ... on Prescriber { username active }
  ... on PrescribingCostCentre { odsCode active }
  ... on WriteBackAgreement { agreementState: state source { odsCode } target { odsCode } }
  ... on WriteBackDelivery { deliveryMessageId: messageId deliveryState: state targetOrganisation { odsCode } }
} }`;

/** A hub (Y99020) and a practice (Y99021) of another PCN, for tokens of their staff. Idempotent. */
const FOREIGN_HUB_ID = '01900000-0000-7000-8000-000000000010';
async function foreignViewer(hub: TestHub, kind: 'HUB' | 'PRACTICE', roles: Role[]): Promise<{ token: string }> {
  const { pcnId } = await seedForeignPcn(hub);
  if ((await hub.sql("select id from organisation where ods_code = 'Y99020'")).length === 0) {
    await hub.sql(
      "insert into organisation (id, kind, ods_code, name, pcn_id, active, created_at) values (?, 'HUB', 'Y99020', 'Elsewhere PCN Hub (test)', ?, true, now())",
      [FOREIGN_HUB_ID, pcnId],
    );
  }
  const claims: { sub: string; org: string; roles: Role[] } = {
    sub: 'f.viewer',
    org: kind === 'HUB' ? 'Y99020' : 'Y99021',
    roles,
  };
  return { token: await hub.token(claims) };
}

/** A well-formed id of `type` that names nothing. */
const missing = (type: string): string => toGlobalId(type, randomUUID());

describeEachDatabase('node(id:) over the newer types', (hub) => {
  it('fetches a hub consultation for its organisation, null for anyone the query would refuse', async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(3, 40), entries: [coded()] });
    const own = await hub().gql<any>(NODE, { id: c.id }, 'hub.anp2');
    expect(own.data.node).toEqual({ __typename: 'HubConsultation', id: c.id, version: 1 });
    // Another organisation's staff, and a role the query does not admit: null, like a missing id.
    expect((await hub().gql<any>(NODE, { id: c.id }, 'p3.gp')).data.node).toBeNull();
    expect((await hub().gql<any>(NODE, { id: c.id }, 'pcn.analyst')).data.node).toBeNull();
    expect(
      (
        await hub().gql<any>(
          NODE,
          { id: toGlobalId('HubConsultation', '01900000-0000-7000-8000-0000000000ff') },
          'hub.anp2',
        )
      ).data.node,
    ).toBeNull();
  });

  it('answers null, not an error, for referral and prescription ids that do not exist', async () => {
    for (const id of [
      toGlobalId('Prescription', '01900000-0000-7000-8000-0000000000ee'),
      toGlobalId('Referral', '01900000-0000-7000-8000-0000000000ef'),
    ]) {
      const res = await hub().gql<any>(NODE, { id }, 'hub.manager');
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toBeNull();
    }
  });
  /** node(id:) as `as`: the node, or null; never an error. */
  async function node(id: string, as: string | { token: string }): Promise<Record<string, any> | null> {
    const res = await hub().gql<any>(ANY_NODE, { id }, as);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.node;
  }
  async function must<T = any>(query: string, variables: Record<string, unknown>, as: string): Promise<T> {
    const res = await hub().gql<T>(query, variables, as);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  }
  /** Null for each viewer, and null for a missing id of the type for the first. */
  async function invisibleTo(id: string, viewers: (string | { token: string })[]): Promise<void> {
    expect(await node(missing(fromGlobalId(id)!.type), viewers[0]!)).toBeNull();
    for (const viewer of viewers) expect(await node(id, viewer), JSON.stringify(viewer).slice(0, 40)).toBeNull();
  }

  it('fetches books, slot types and hub teams for staff of the PCN, null for other PCNs and other roles', async () => {
    const seen = await must('{ appointmentBooks { id name } slotTypes { id name } hubTeams { id name } }', {}, 'p1.gp');
    const [book, type, team] = [seen.appointmentBooks[0], seen.slotTypes[0], seen.hubTeams[0]];
    expect(await node(book.id, 'p1.gp')).toMatchObject({
      __typename: 'AppointmentBook',
      id: book.id,
      name: book.name,
      service: { name: expect.any(String) },
    });
    expect(await node(type.id, 'hub.anp1')).toMatchObject({ __typename: 'SlotType', id: type.id, name: type.name });
    expect(await node(team.id, 'p2.admin')).toEqual({ __typename: 'HubTeam', id: team.id, name: team.name });
    const foreignGp = await foreignViewer(hub(), 'PRACTICE', ['PRACTICE_CLINICIAN']);
    const foreignManager = await foreignViewer(hub(), 'HUB', ['HUB_MANAGER']);
    for (const id of [book.id, type.id, team.id])
      await invisibleTo(id, [foreignGp, foreignManager, 'pcn.analyst', 'oc.supplier']);
  });

  it('fetches a free slot for the PCN, a blocked one for the hub book editors only', async () => {
    const slot = (await must('{ freeSlots(first: 1) { edges { node { id book { id } } } } }', {}, 'p1.admin')).freeSlots
      .edges[0].node;
    expect(await node(slot.id, 'p1.gp')).toEqual({
      __typename: 'Slot',
      id: slot.id,
      status: 'FREE',
      book: { id: slot.book.id },
    });
    await invisibleTo(slot.id, [await foreignViewer(hub(), 'PRACTICE', ['PRACTICE_CLINICIAN']), 'pcn.analyst']);
    await must(
      'mutation ($i: BlockSlotInput!) { blockSlot(input: $i) { slot { id } } }',
      { i: { slotId: slot.id, reason: 'node test' } },
      'hub.manager',
    );
    try {
      // freeSlots no longer shows it to practices; blockSlot/unblockSlot still name it for hub editors.
      expect(await node(slot.id, 'p1.gp')).toBeNull();
      expect(await node(slot.id, 'hub.anp1')).toBeNull();
      expect(await node(slot.id, 'hub.coord1')).toMatchObject({ __typename: 'Slot', id: slot.id, status: 'BLOCKED' });
      await invisibleTo(slot.id, [await foreignViewer(hub(), 'HUB', ['HUB_MANAGER', 'HUB_ADMIN'])]);
    } finally {
      await must(
        'mutation ($i: UnblockSlotInput!) { unblockSlot(input: $i) { slot { id } } }',
        { i: { slotId: slot.id } },
        'hub.manager',
      );
    }
  });

  it("fetches a trace task for the hub's admins, audited as a read of the patient; null for the practice and other hubs", async () => {
    const minor = (await must('{ hubServices { id name } }', {}, 'hub.manager')).hubServices.find(
      (s: any) => s.name === 'Minor Illness',
    ).id;
    const slot = (
      await must('{ freeSlots(first: 1, slotType: "U99001-MinorIllness") { edges { node { id } } } }', {}, 'p2.gp')
    ).freeSlots.edges[0].node;
    const patient = demoPatient(71);
    await must(
      'mutation ($i: ReferPatientInput!) { referPatient(input: $i) { referral { id } } }',
      {
        i: {
          method: 'CROSS_ORGANISATION_BOOKING',
          serviceId: minor,
          nhsNumber: patient.nhsNumber,
          slotId: slot.id,
          consentToRecordAccess: true,
          reason: 'Sore throat',
        },
      },
      'p2.gp',
    );
    const tasks = (await must('{ patientTraceTasks { edges { node { id nhsNumber } } } }', {}, 'hub.coord1'))
      .patientTraceTasks.edges;
    const task = tasks.find((e: any) => e.node.nhsNumber === patient.nhsNumber).node;
    expect(await node(task.id, 'hub.manager')).toEqual({
      __typename: 'PatientTraceTask',
      id: task.id,
      taskState: 'OPEN',
      nhsNumber: patient.nhsNumber,
    });
    const audited = await hub().sql<{ patient_id: string | null }>(
      "select patient_id from audit_event where action = 'readPatientTraceTask' and subject_id = ? and actor_id = 'hub.manager'",
      [fromGlobalId(task.id)!.id],
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.patient_id).not.toBeNull();
    await invisibleTo(task.id, [
      'p2.gp',
      'p2.admin',
      'hub.anp1',
      await foreignViewer(hub(), 'HUB', ['HUB_ADMIN', 'HUB_MANAGER']),
    ]);
  });

  it("fetches a consultation entry and its write-back delivery under their queries' rules", async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(2, 41), entries: [coded()] });
    const entry = c.entries[0]!;
    expect(await node(entry.id, 'hub.coord1')).toEqual({
      __typename: 'HubConsultationEntry',
      id: entry.id,
      kind: 'CODED',
      coded: { snomedCode: '22298006' },
    });
    await invisibleTo(entry.id, [
      'p2.gp',
      'p3.gp',
      'pcn.analyst',
      await foreignViewer(hub(), 'HUB', ['HUB_CLINICIAN', 'HUB_MANAGER']),
    ]);
    const delivery = entry.writeBack?.delivery;
    expect(delivery, 'the save queues a write-back to Y99012').toBeTruthy();
    expect(await node(delivery!.id, 'hub.manager')).toMatchObject({
      __typename: 'WriteBackDelivery',
      id: delivery!.id,
      deliveryMessageId: delivery!.messageId,
      targetOrganisation: { odsCode: 'Y99012' },
    });
    // Dead letters are the hub manager's: not the author's, nor the receiving practice's, nor another PCN's.
    await invisibleTo(delivery!.id, [
      'hub.anp1',
      'p2.admin',
      'p2.gp',
      await foreignViewer(hub(), 'HUB', ['HUB_MANAGER']),
    ]);
  });

  it('fetches a write-back agreement for the PCN hub and its sides, null for other practices and PCNs', async () => {
    const agreements = (
      await must(
        '{ writeBackAgreements { id agreementState: state source { odsCode } target { odsCode } } }',
        {},
        'hub.manager',
      )
    ).writeBackAgreements;
    const toP1 = agreements.find((a: any) => a.source.odsCode === 'Y99000' && a.target.odsCode === 'Y99011');
    expect(toP1, 'the demo seed has a hub -> Y99011 agreement').toBeTruthy();
    for (const viewer of ['hub.anp1', 'p1.admin', 'p1.gp'])
      expect(await node(toP1.id, viewer)).toEqual({ __typename: 'WriteBackAgreement', ...toP1 });
    await invisibleTo(toP1.id, [
      'p2.admin',
      'p2.gp',
      'pcn.analyst',
      await foreignViewer(hub(), 'HUB', ['HUB_MANAGER']),
    ]);
  });

  it('fetches the cost centre and its prescribers for its readers, null for practices and other PCNs', async () => {
    const cc = (
      await must(
        '{ prescribingCostCentre { id odsCode active prescribers(activeOnly: false) { id username active } } }',
        {},
        'hub.manager',
      )
    ).prescribingCostCentre;
    const prescriber = cc.prescribers[0];
    for (const viewer of ['hub.anp1', 'pcn.analyst']) {
      expect(await node(cc.id, viewer)).toEqual({
        __typename: 'PrescribingCostCentre',
        id: cc.id,
        odsCode: cc.odsCode,
        active: true,
      });
      expect(await node(prescriber.id, viewer)).toEqual({ __typename: 'Prescriber', ...prescriber });
    }
    const foreignManager = await foreignViewer(hub(), 'HUB', ['HUB_MANAGER']);
    for (const id of [cc.id, prescriber.id]) await invisibleTo(id, ['p1.gp', 'p1.admin', 'hub.coord1', foreignManager]);
  });

  it("fetches an inbound message for the hub's admins and its integration, audited; null for others", async () => {
    const recorded = await must(
      'mutation ($i: RecordInboundMessageInput!) { recordInboundMessage(input: $i) { message { id } } }',
      {
        i: {
          transport: 'MESH',
          mailboxId: 'X26HUB01',
          messageId: `node-${randomUUID()}`,
          messageType: 'DATA',
          headers: [],
          bodyBase64: Buffer.from('{}').toString('base64'),
        },
      },
      'oc.supplier',
    );
    const id = recorded.recordInboundMessage.message.id;
    for (const viewer of ['hub.coord1', 'oc.supplier']) {
      expect(await node(id, viewer)).toMatchObject({
        __typename: 'InboundMessage',
        id,
        mailboxId: 'X26HUB01',
        bodyBase64: Buffer.from('{}').toString('base64'),
      });
    }
    const audited = await hub().sql(
      "select 1 from audit_event where action = 'readInboundMessages' and subject_id = ? and actor_id = 'hub.coord1'",
      [fromGlobalId(id)!.id],
    );
    expect(audited).toHaveLength(1);
    await invisibleTo(id, [
      'hub.anp1',
      'p1.admin',
      await foreignViewer(hub(), 'HUB', ['HUB_ADMIN', 'HUB_MANAGER']),
      await foreignViewer(hub(), 'HUB', ['INTEGRATION']),
    ]);
  });

  it("fetches a plugin's webhook delivery for hub managers of its PCN, null for others", async () => {
    const plugin = await registerPlugin(hub());
    const [hubOrg] = await hub().sql<{ id: string }>("select id from organisation where ods_code = 'Y99000'");
    const deliveryId = randomUUID();
    await hub().sql(
      `insert into plugin_webhook_delivery (id, plugin_id, organisation_id, event_id, event_type, state, attempts, next_attempt_at, created_at)
       values (?, ?, ?, 1, 'consultation.saved', 'DEAD', 1, now(), now())`,
      [deliveryId, fromGlobalId(plugin.id)!.id, hubOrg!.id],
    );
    const id = toGlobalId('PluginWebhookDelivery', deliveryId);
    expect(await node(id, 'hub.manager')).toEqual({
      __typename: 'PluginWebhookDelivery',
      id,
      eventType: 'consultation.saved',
      webhookState: 'DEAD',
    });
    await invisibleTo(id, ['hub.coord1', 'p1.admin', await foreignViewer(hub(), 'HUB', ['HUB_MANAGER'])]);
  });
});
