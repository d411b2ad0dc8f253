/**
 * End to end, inbound: a supplier's mailbox sends online consultations to the hub's MESH mailbox,
 * the running plugin brings them into the hub's inbox exactly once, and keeps what it cannot parse
 * with the hub for hub admins to see.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubInboundStore, hubSubmit } from './hub.inbound-store.js';
import type { InboundStore, SubmitOnlineConsultation } from './mesh.inbound.types.js';
import type { MeshPlugin } from './mesh.plugin.types.js';
import { startMeshPlugin } from './mesh.plugin.js';
import { MeshPoller } from './mesh.poller.js';
import {
  HUB_BOX,
  HUB_BOX_2,
  OC_WORKFLOW,
  OTHER_WORKFLOW,
  SUPPLIER_BOX,
  demoPatient,
  startE2e,
  until,
} from './plugin.e2e.testkit.js';
import type { E2e } from './plugin.e2e.testkit.js';
import { onlineConsultationReportBundle, plainOnlineConsultation } from './testing/oc-fixtures.js';
import { meshChecksum } from './mesh.chunks.js';
import { MemoryOutboundStore } from './testing/memory-outbound-store.js';

const INBOX = `query { inbox(organisation: "Y99000", first: 200) { edges { node { id supplierReference supplier state } } } }`;
const MESSAGES = `query ($state: InboundMessageState) { inboundMessages(state: $state, first: 200) { edges { node { messageId state failure onlineConsultationId bodyBytes } } } }`;

let e2e: E2e;
let plugin: MeshPlugin;
let patient: Awaited<ReturnType<typeof demoPatient>>;

beforeAll(async () => {
  e2e = await startE2e();
  patient = await demoPatient(e2e, 0);
  plugin = await startMeshPlugin(
    e2e.config({
      writeBack: { signingSecrets: {}, routing: { kind: 'ENDPOINT_LOOKUP' }, store: new MemoryOutboundStore() },
    }),
  );
});
afterAll(async () => {
  await plugin.stop();
  await e2e.stop();
});

const submittedAt = () => new Date(Date.now() - 60 * 60 * 1000).toISOString();
const fixture = (reference: string) => ({
  nhsNumber: patient.nhsNumber,
  givenName: patient.givenName,
  familyName: patient.familyName,
  dateOfBirth: patient.dateOfBirth,
  practiceOdsCode: 'Y99011',
  reference,
  submittedAt: submittedAt(),
});

async function inboxByReference(reference: string): Promise<any[]> {
  const data = await e2e.gql('hub.coord1', INBOX);
  return data.inbox.edges.map((e: any) => e.node).filter((n: any) => n.supplierReference === reference);
}

async function inbound(messageId: string, state?: string): Promise<any> {
  const data = await e2e.gql('hub.coord1', MESSAGES, state ? { state } : {});
  return data.inboundMessages.edges.map((e: any) => e.node).find((n: any) => n.messageId === messageId);
}

/** Waits until the hub has settled the message; returns it. */
const settled = (messageId: string) =>
  until(async () => {
    const m = await inbound(messageId);
    return m && m.state !== 'RECEIVED' ? m : undefined;
  }, `message ${messageId} settled`);

describe('MESH -> hub inbox', () => {
  it('brings a plain JSON and a chunked GP Connect consultation into the inbox exactly once, and the e-mail copy does not duplicate', async () => {
    const supplier = e2e.client(SUPPLIER_BOX, 2048);
    const plainRef = `PLAIN-${randomUUID()}`;
    const reportRef = `OCR-${randomUUID()}`;
    const plain = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation(fixture(plainRef))),
    });
    const report = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(onlineConsultationReportBundle(fixture(reportRef))),
    });
    expect(plain.chunkCount).toBe(1);
    expect(report.chunkCount).toBeGreaterThan(1);

    const [a, b] = [await settled(plain.messageId), await settled(report.messageId)];
    expect(a).toMatchObject({ state: 'PARSED', failure: null });
    expect(b).toMatchObject({ state: 'PARSED', failure: null });
    const [inPlain, inReport] = [await inboxByReference(plainRef), await inboxByReference(reportRef)];
    expect(inPlain).toEqual([
      expect.objectContaining({ id: a.onlineConsultationId, supplier: 'ACME_OC', state: 'AWAITING_TRIAGE' }),
    ]);
    expect(inReport).toEqual([expect.objectContaining({ id: b.onlineConsultationId, supplier: 'ECONSULT' })]);
    expect(e2e.mesh.inbox(HUB_BOX.id).map((m) => m.messageId)).not.toContain(report.messageId);

    // The supplier's e-mail fallback re-sends the same consultation as a new MESH message.
    const copy = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation(fixture(plainRef))),
    });
    expect(await settled(copy.messageId)).toMatchObject({
      state: 'PARSED',
      onlineConsultationId: a.onlineConsultationId,
    });
    expect(await inboxByReference(plainRef)).toHaveLength(1);
  });

  it('keeps an unparseable message, an unknown workflow and a refused consultation for hub admins, and keeps going', async () => {
    const supplier = e2e.client(SUPPLIER_BOX);
    const junk = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: 'this is not an online consultation',
    });
    const other = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OTHER_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation(fixture(`X-${randomUUID()}`))),
    });
    const outside = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation({ ...fixture(`OUT-${randomUUID()}`), practiceOdsCode: 'M81065' })),
    });
    const badChecksum = e2e.mesh.inject({
      to: HUB_BOX.id,
      from: SUPPLIER_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation(fixture(`SUM-${randomUUID()}`))),
      checksum: meshChecksum(Buffer.from('something else')),
    });
    const goodRef = `AFTER-${randomUUID()}`;
    const good = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation(fixture(goodRef))),
    });

    expect(await settled(good.messageId)).toMatchObject({ state: 'PARSED' });
    expect(await inboxByReference(goodRef)).toHaveLength(1);
    const failed = await e2e.gql('hub.coord1', MESSAGES, { state: 'PARSE_FAILED' });
    const byId = new Map(failed.inboundMessages.edges.map((e: any) => [e.node.messageId, e.node]));
    expect(byId.get(junk.messageId)).toMatchObject({
      state: 'PARSE_FAILED',
      failure: 'NOT_JSON: payload is not valid JSON',
      bodyBytes: 34,
    });
    expect(byId.get(other.messageId)).toMatchObject({
      failure: expect.stringMatching(/^UNKNOWN_WORKFLOW: workflow SOME_OTHER_WORKFLOW/),
    });
    expect(byId.get(outside.messageId)).toMatchObject({
      failure: 'REJECTED: the hub refused the consultation: BAD_USER_INPUT on input.originatingPracticeOdsCode',
    });
    // A download that fails its checksum is never acknowledged: it stays in MESH, typed and logged.
    expect(e2e.mesh.inbox(HUB_BOX.id).map((m) => m.messageId)).toEqual([badChecksum]);
    expect(await inbound(badChecksum)).toBeUndefined();
    expect(
      e2e.logs.some(
        (l) => l.includes('mesh.download.failed') && l.includes(badChecksum) && l.includes('CHECKSUM_MISMATCH'),
      ),
    ).toBe(true);
    // The others are all acknowledged: nothing was dropped.
    for (const id of [junk.messageId, other.messageId, outside.messageId])
      expect(e2e.mesh.message(id)?.status).toBe('acknowledged');
  });

  describe('a plugin killed mid-way and restarted (mailbox 2, its own poller)', () => {
    class Killed extends Error {}
    const hubStore = () => new HubInboundStore({ client: e2e.registered.client('Y99000'), mailboxId: HUB_BOX_2.id });

    /** One poll of a poller that dies at `dieAt`, then a fresh plugin on the same mailbox. */
    async function killThenRestart(dieAt: 'after-persist' | 'after-acknowledge', reference: string) {
      const sent = await e2e.client(SUPPLIER_BOX).send({
        to: HUB_BOX_2.id,
        workflowId: OC_WORKFLOW,
        body: JSON.stringify(plainOnlineConsultation(fixture(reference))),
      });
      const store = hubStore();
      const dying: InboundStore =
        dieAt === 'after-persist'
          ? {
              persist: async (m) => {
                await store.persist(m);
                throw new Killed('the process died once the hub had the message');
              },
              markProcessed: (id, outcome) => store.markProcessed(id, outcome),
              pending: () => store.pending(),
            }
          : store;
      const submit: SubmitOnlineConsultation =
        dieAt === 'after-persist'
          ? hubSubmit(e2e.registered.client('Y99000'))
          : async () => {
              throw new Killed('the process died after acknowledging, before submitting');
            };
      await new MeshPoller({ client: e2e.client(HUB_BOX_2), store: dying, submit }).pollOnce();
      const before = {
        hub: await inbound(sent.messageId),
        mesh: e2e.mesh.inbox(HUB_BOX_2.id).map((m) => m.messageId),
        inbox: await inboxByReference(reference),
      };
      const restarted = await startMeshPlugin(
        e2e.config({
          mesh: { ...e2e.config().mesh, mailboxId: HUB_BOX_2.id, password: HUB_BOX_2.password },
          writeBack: { signingSecrets: {}, routing: { kind: 'ENDPOINT_LOOKUP' }, store: new MemoryOutboundStore() },
        }),
      );
      try {
        const after = await settled(sent.messageId);
        await until(async () => (e2e.mesh.inbox(HUB_BOX_2.id).length === 0 ? true : undefined), 'mailbox 2 drained');
        return {
          before,
          after,
          inbox: await inboxByReference(reference),
          status: e2e.mesh.message(sent.messageId)?.status,
        };
      } finally {
        await restarted.stop();
      }
    }

    it('between storing and acknowledging: still in MESH, processed exactly once after restart', async () => {
      const reference = `KILL1-${randomUUID()}`;
      const r = await killThenRestart('after-persist', reference);
      expect(r.before.hub).toMatchObject({ state: 'RECEIVED' });
      expect(r.before.mesh).toHaveLength(1);
      expect(r.before.inbox).toEqual([]);
      expect(r.after).toMatchObject({ state: 'PARSED' });
      expect(r.inbox).toEqual([expect.objectContaining({ id: r.after.onlineConsultationId })]);
      expect(r.status).toBe('acknowledged');
    });

    it('between acknowledging and submitting: gone from MESH, finished from the hub after restart', async () => {
      const reference = `KILL2-${randomUUID()}`;
      const r = await killThenRestart('after-acknowledge', reference);
      expect(r.before.hub).toMatchObject({ state: 'RECEIVED' });
      expect(r.before.mesh).toEqual([]);
      expect(r.before.inbox).toEqual([]);
      expect(r.after).toMatchObject({ state: 'PARSED' });
      expect(r.inbox).toEqual([expect.objectContaining({ id: r.after.onlineConsultationId })]);
    });
  });

  it('never logs patient data', () => {
    const all = e2e.logs.join('\n');
    expect(all).toContain('mesh.message.unparseable');
    for (const secret of [patient.nhsNumber, patient.familyName, patient.dateOfBirth])
      expect(all).not.toContain(secret);
  });
});
