import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleResources, ofType } from './fhir.json.js';
import { parseItkResponse, renderItkResponse } from './itk.response.js';
import type { ConsultationSummaryDocument } from './itk.send-document.types.js';
import type { MeshClient } from './mesh.client.js';
import { SendDocumentSender } from './mesh.outbound.js';
import type { OutboundDelivery, SendDocumentSenderOptions } from './mesh.outbound.types.js';
import { MeshPoller } from './mesh.poller.js';
import { HUB, PRACTICE, SEND_DOC_ACK_WORKFLOW, emptyInbox, startMeshFixture } from './mesh.testkit.js';
import type { MeshFixture } from './mesh.testkit.js';
import { MemoryInboundStore } from './testing/memory-inbound-store.js';
import { MemoryOutboundStore } from './testing/memory-outbound-store.js';
import { syntheticNhsNumber } from './testing/synthetic.js';

let now = new Date('2026-11-24T10:00:00Z');
const clock = () => now;
let fx: MeshFixture;
let hub: MeshClient;
let practice: MeshClient;
let docCounter = 0;

beforeAll(async () => {
  fx = await startMeshFixture({ clock });
  hub = fx.client(HUB);
  practice = fx.client(PRACTICE, { chunkSizeBytes: 20 * 1024 * 1024 });
});
afterAll(async () => fx.stop());
beforeEach(async () => {
  fx.server.faults.clear();
  await emptyInbox(hub);
  await emptyInbox(practice);
});

function summary(n = ++docCounter): ConsultationSummaryDocument {
  return {
    consultationId: `consultation-${n}`,
    documentId: `document-${n}`,
    version: 1,
    patient: {
      nhsNumber: syntheticNhsNumber(100 + n),
      givenName: 'Jo',
      familyName: 'Testcase',
      dateOfBirth: '1990-05-17',
    },
    sender: { odsCode: 'Y01234', name: 'Test PCN hub' },
    seenAt: { odsCode: 'Y01234', name: 'Test PCN hub' },
    encounter: { start: '2026-11-24T09:00:00Z' },
    entries: [{ code: '195662009', display: 'Acute viral pharyngitis' }],
    summary: { text: 'Seen and treated.', contentType: 'text/plain' },
    createdAt: '2026-11-24T09:30:00Z',
  };
}

function harness(extra: Partial<SendDocumentSenderOptions> = {}) {
  const store = new MemoryOutboundStore();
  const deadLetters: OutboundDelivery[] = [];
  const alerts: OutboundDelivery[] = [];
  const sleeps: number[] = [];
  const sender = new SendDocumentSender({
    client: hub,
    store,
    clock,
    retryBaseMs: 100,
    sleep: async (ms) => void sleeps.push(ms),
    onDeadLetter: (d) => void deadLetters.push(d),
    onAlert: (d) => void alerts.push(d),
    ...extra,
  });
  // The hub's inbound poller routes REPORTs and ITK3 responses to the sender.
  const poller = new MeshPoller({
    client: hub,
    store: new MemoryInboundStore(),
    submit: async () => undefined,
    onReport: async (r) => {
      await sender.handleReport(r);
    },
    onItkResponse: async (r) => {
      await sender.handleItkResponse(r);
    },
  });
  return { store, sender, poller, deadLetters, alerts, sleeps };
}

/** The practice receives the document and answers with ITK3 acknowledgements. */
async function practiceAcknowledges(codes: string[]): Promise<string> {
  const { messageIds } = await practice.listInbox();
  expect(messageIds).toHaveLength(1);
  const message = await practice.download(messageIds[0]!);
  await practice.acknowledge(message.messageId);
  const bundle = JSON.parse(message.body.toString()) as Record<string, unknown>;
  const itkMessageId = String(ofType(bundleResources(bundle), 'MessageHeader')[0]!['id']);
  for (const code of codes) {
    const response = renderItkResponse({
      code,
      respondingTo: itkMessageId,
      senderMailboxId: PRACTICE.id,
      senderOrganisation: { odsCode: 'M81065', name: 'Test practice' },
    });
    await practice.send({ to: HUB.id, workflowId: SEND_DOC_ACK_WORKFLOW, body: response.body });
  }
  return itkMessageId;
}

describe('SendDocumentSender', () => {
  it('sends by automatic routing and is DELIVERED after 20013 then 30001', async () => {
    const h = harness();
    const doc = summary();
    fx.server.addRoute({
      nhsNumber: doc.patient.nhsNumber,
      dateOfBirth: '19900517',
      surname: 'Testcase',
      mailboxId: PRACTICE.id,
    });
    const sent = await h.sender.send({ document: doc, routing: { kind: 'AUTOMATIC', dobFormat: 'YYYYMMDD' } });
    expect(sent).toMatchObject({
      state: 'SENT',
      attempts: 1,
      to: `GPPROVIDER_${doc.patient.nhsNumber}_19900517_Testcase`,
    });
    expect(await practiceAcknowledges(['20013'])).toBe(sent.itkMessageId);
    await h.poller.pollOnce();
    expect((await h.store.get(sent.id))?.state).toBe('INF_ACKED');
    const ack = renderItkResponse({
      code: '30001',
      respondingTo: sent.itkMessageId,
      senderMailboxId: PRACTICE.id,
      senderOrganisation: { odsCode: 'M81065', name: 'Test practice' },
    });
    await practice.send({ to: HUB.id, workflowId: SEND_DOC_ACK_WORKFLOW, body: ack.body });
    await h.poller.pollOnce();
    expect(await h.store.get(sent.id)).toMatchObject({
      state: 'DELIVERED',
      infAck: { code: '20013' },
      busAck: { code: '30001' },
    });
    expect(h.deadLetters).toEqual([]);
  });

  it('finds the mailbox by endpoint lookup, and sends a version only once', async () => {
    const h = harness();
    const doc = summary();
    const first = await h.sender.send({ document: doc, routing: { kind: 'ENDPOINT_LOOKUP', odsCode: 'M81065' } });
    expect(first).toMatchObject({ state: 'SENT', to: PRACTICE.id });
    const again = await h.sender.send({ document: doc, routing: { kind: 'ENDPOINT_LOOKUP', odsCode: 'M81065' } });
    expect(again.meshMessageId).toBe(first.meshMessageId);
    expect(fx.server.inbox(PRACTICE.id)).toHaveLength(1);
  });

  it('dead-letters when endpoint lookup finds no mailbox', async () => {
    const h = harness();
    const d = await h.sender.send({ document: summary(), routing: { kind: 'ENDPOINT_LOOKUP', odsCode: 'ZZZ99' } });
    expect(d).toMatchObject({ state: 'FAILED', failure: { source: 'ROUTING' } });
    expect(h.deadLetters).toHaveLength(1);
  });

  it('ends with the reason when MESH reports the message undeliverable (EPL-151)', async () => {
    const h = harness();
    const d = await h.sender.send({ document: summary(), routing: { kind: 'AUTOMATIC', dobFormat: 'DDMMYYYY' } });
    expect(d.state).toBe('SENT');
    await h.poller.pollOnce();
    expect(await h.store.get(d.id)).toMatchObject({
      state: 'FAILED',
      failure: { source: 'MESH_REPORT', code: 'EPL-151' },
    });
    expect(h.deadLetters.map((x) => x.id)).toEqual([d.id]);
    expect(JSON.stringify(h.deadLetters[0]!.failure)).not.toContain('Testcase');
  });

  it('retries 5xx and timeouts with exponential backoff, then succeeds', async () => {
    const h = harness({ client: fx.client(HUB, { timeoutMs: 150 }) });
    fx.server.faults.failNext(1, { method: 'POST', pathIncludes: '/outbox', status: 503 });
    fx.server.faults.hangNext(1, { method: 'POST', pathIncludes: '/outbox' });
    const d = await h.sender.send({ document: summary(), routing: { kind: 'MAILBOX', mailboxId: PRACTICE.id } });
    expect(d).toMatchObject({ state: 'SENT', attempts: 3 });
    expect(h.sleeps).toEqual([100, 200]);
    expect(fx.server.inbox(PRACTICE.id)).toHaveLength(1);
  });

  it('dead-letters with the reason after the last retry', async () => {
    const h = harness({ maxAttempts: 3 });
    fx.server.faults.failNext(5, { method: 'POST', pathIncludes: '/outbox', status: 500 });
    const d = await h.sender.send({ document: summary(), routing: { kind: 'MAILBOX', mailboxId: PRACTICE.id } });
    expect(d).toMatchObject({ state: 'FAILED', attempts: 3, failure: { source: 'SEND', code: 'SERVER_ERROR' } });
    expect(h.sleeps).toEqual([100, 200]);
    expect(h.deadLetters).toHaveLength(1);
  });

  it('ends on a negative ITK3 code (30002 patient not known here)', async () => {
    const h = harness();
    const d = await h.sender.send({ document: summary(), routing: { kind: 'MAILBOX', mailboxId: PRACTICE.id } });
    await practiceAcknowledges(['20013', '30002']);
    await h.poller.pollOnce();
    expect(await h.store.get(d.id)).toMatchObject({ state: 'FAILED', failure: { source: 'ITK_NACK', code: '30002' } });
  });

  it('alerts when no acknowledgement arrives in time; a late one still counts', async () => {
    const h = harness({ infAckTimeoutMs: 60 * 60 * 1000 });
    const d = await h.sender.send({ document: summary(), routing: { kind: 'MAILBOX', mailboxId: PRACTICE.id } });
    expect(await h.sender.checkTimeouts()).toEqual([]);
    now = new Date(now.getTime() + 61 * 60 * 1000);
    expect((await h.sender.checkTimeouts()).map((x) => x.id)).toEqual([d.id]);
    expect(h.alerts.map((x) => x.failure?.reason)).toEqual(['no infrastructure acknowledgement in time']);
    expect((await h.store.get(d.id))?.state).toBe('TIMED_OUT');
    const late = renderItkResponse({
      code: '20013',
      respondingTo: d.itkMessageId,
      senderMailboxId: PRACTICE.id,
      senderOrganisation: { odsCode: 'M81065', name: 'Test practice' },
    });
    const parsed = parseItkResponse(late.body);
    if (!parsed.ok) throw new Error('unparseable');
    expect(await h.sender.handleItkResponse(parsed.response)).toMatchObject({ state: 'INF_ACKED' });
  });
});
