import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderItkResponse } from './itk.response.js';
import { meshChecksum } from './mesh.chunks.js';
import type { MeshClient } from './mesh.client.js';
import type { MeshInboxClient, MeshPollerOptions } from './mesh.inbound.types.js';
import { DEFAULT_POLL_INTERVAL_MS, MeshPoller } from './mesh.poller.js';
import {
  HUB,
  OC_WORKFLOW,
  PRACTICE,
  SEND_DOC_ACK_WORKFLOW,
  SEND_DOC_WORKFLOW,
  SUPPLIER,
  emptyInbox,
  startMeshFixture,
} from './mesh.testkit.js';
import type { MeshFixture } from './mesh.testkit.js';
import type { SubmitOnlineConsultationInput } from './oc.types.js';
import { MemoryInboundStore } from './testing/memory-inbound-store.js';
import { onlineConsultationReportBundle, plainOnlineConsultation } from './testing/oc-fixtures.js';

let fx: MeshFixture;
let hub: MeshClient;
let supplier: MeshClient;

beforeAll(async () => {
  fx = await startMeshFixture();
  hub = fx.client(HUB);
  supplier = fx.client(SUPPLIER);
});
afterAll(async () => fx.stop());
beforeEach(async () => {
  fx.server.faults.clear();
  await emptyInbox(hub);
});

/** A hub ingest that, like the real one, creates once per idempotency key. */
function fakeHub() {
  const created = new Map<string, SubmitOnlineConsultationInput>();
  const calls: string[] = [];
  const submit = async (input: SubmitOnlineConsultationInput, key: string) => {
    calls.push(key);
    const isNew = !created.has(key);
    if (isNew) created.set(key, input);
    return { created: isNew };
  };
  return { created, calls, submit };
}

function poller(
  store: MemoryInboundStore,
  submit: MeshPollerOptions['submit'],
  extra: Partial<MeshPollerOptions> = {},
) {
  return new MeshPoller({ client: hub, store, submit, ...extra });
}

const sendOc = (body: unknown) => supplier.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: JSON.stringify(body) });

describe('MeshPoller', () => {
  it('polls every 5 minutes by default', () => {
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(300_000);
  });

  it('downloads, persists, acknowledges and submits both inbound shapes', async () => {
    const a = await sendOc(plainOnlineConsultation({ reference: 'PLAIN-1' }));
    const b = await sendOc(onlineConsultationReportBundle({ reference: 'GPC-1' }));
    const store = new MemoryInboundStore();
    const ingest = fakeHub();
    const summary = await poller(store, ingest.submit).pollOnce();
    expect(summary).toMatchObject({ listed: 2, processed: 2, parseFailures: 0, downloadFailures: 0, pending: 0 });
    expect(ingest.created.get(a.messageId)?.supplierReference).toBe('PLAIN-1');
    expect(ingest.created.get(b.messageId)).toMatchObject({ supplierReference: 'GPC-1', supplier: 'ECONSULT' });
    expect(fx.server.inbox(HUB.id)).toHaveLength(0);
    expect(store.messages.get(a.messageId)?.message.body.toString()).toContain('PLAIN-1');
    expect(store.outcomes('SUBMITTED')).toHaveLength(2);
  });

  it('keeps going past bad messages: unparseable kept and flagged, bad downloads left in MESH and recorded', async () => {
    const malformed = fx.server.inject({ to: HUB.id, workflowId: OC_WORKFLOW, body: 'not json {' });
    const badChecksum = fx.server.inject({
      to: HUB.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(plainOnlineConsultation()),
      checksum: meshChecksum(Buffer.from('other')),
    });
    const lostChunk = fx.server.inject({
      to: HUB.id,
      workflowId: OC_WORKFLOW,
      chunks: [gzipSync('{"format":'), gzipSync('"pcn-hub.oc.v1"}')],
      contentEncoding: 'gzip',
    });
    fx.server.dropChunk(lostChunk, 2);
    const good = await sendOc(plainOnlineConsultation());
    const logs: { event: string; fields: Record<string, unknown> }[] = [];
    const store = new MemoryInboundStore();
    const ingest = fakeHub();
    const p = poller(store, ingest.submit, { logger: (_l, event, fields) => logs.push({ event, fields }) });

    expect(await p.pollOnce()).toMatchObject({ listed: 4, processed: 2, parseFailures: 1, downloadFailures: 2 });
    expect([...ingest.created.keys()]).toEqual([good.messageId]);
    expect(store.messages.get(malformed)?.outcome).toMatchObject({
      kind: 'PARSE_FAILED',
      failure: { code: 'NOT_JSON' },
    });
    expect(fx.server.inbox(HUB.id).map((m) => m.messageId)).toEqual([badChecksum, lostChunk]);
    expect(store.downloadFailures.map((f) => [f.meshMessageId, f.code])).toEqual([
      [badChecksum, 'CHECKSUM_MISMATCH'],
      [lostChunk, 'CHUNK_MISSING'],
    ]);
    // Logs name ids and codes, never the payload.
    expect(JSON.stringify(logs)).not.toContain('pcn-hub.oc.v1');
    expect(logs.find((l) => l.event === 'mesh.message.unparseable')?.fields).toMatchObject({
      meshMessageId: malformed,
    });

    // After three failed attempts a broken message is left to expire (its sender then gets a REPORT 14).
    await p.pollOnce();
    await p.pollOnce();
    fx.server.clearRequests();
    expect(await p.pollOnce()).toMatchObject({ listed: 2, downloadFailures: 0 });
    expect(fx.server.requests().filter((r) => r.path.includes(badChecksum))).toHaveLength(0);
  });

  it('retries a download that failed transiently on the next poll', async () => {
    const sent = await sendOc(plainOnlineConsultation());
    fx.server.faults.failNext(1, { pathIncludes: `/inbox/${sent.messageId}`, status: 503 });
    const store = new MemoryInboundStore();
    const ingest = fakeHub();
    const p = poller(store, ingest.submit, { maxDownloadAttempts: 1 });
    expect(await p.pollOnce()).toMatchObject({ downloadFailures: 1, processed: 0 });
    expect(await p.pollOnce()).toMatchObject({ downloadFailures: 0, processed: 1 });
    expect(ingest.created.size).toBe(1);
  });

  it('killed between download and acknowledgement: processed exactly once after restart', async () => {
    const sent = await sendOc(plainOnlineConsultation({ reference: 'CRASH-1' }));
    const store = new MemoryInboundStore(); // the database: survives the restart
    const ingest = fakeHub();
    // First process: halts for good inside acknowledge(), after the download was persisted.
    let reachedAck!: () => void;
    const atAck = new Promise<void>((resolve) => (reachedAck = resolve));
    const dying: MeshInboxClient = {
      mailboxId: hub.mailboxId,
      drain: (h, o) => hub.drain(h, o),
      download: (id) => hub.download(id),
      acknowledge: () => {
        reachedAck();
        return new Promise<void>(() => undefined);
      },
    };
    void new MeshPoller({ client: dying, store, submit: ingest.submit }).pollOnce();
    await atAck;
    // Persisted before acknowledging, not yet processed.
    expect(store.messages.get(sent.messageId)).toMatchObject({ outcome: undefined, persistCount: 1 });
    expect(fx.server.inbox(HUB.id)).toHaveLength(1);
    expect(ingest.calls).toEqual([]);

    // Restart: a new poller on the same store.
    const summary = await poller(store, ingest.submit).pollOnce();
    expect(summary).toMatchObject({ recovered: 1, processed: 1, duplicates: 1 });
    expect(ingest.calls).toEqual([sent.messageId]);
    expect(ingest.created.get(sent.messageId)?.supplierReference).toBe('CRASH-1');
    expect(fx.server.inbox(HUB.id)).toHaveLength(0);
    expect(store.messages.get(sent.messageId)?.outcome?.kind).toBe('SUBMITTED');
    // And later polls do nothing more.
    expect(await poller(store, ingest.submit).pollOnce()).toMatchObject({ listed: 0, processed: 0, recovered: 0 });
    expect(ingest.calls).toHaveLength(1);
  });

  it('killed right after MESH took the acknowledgement: the persisted copy is processed once after restart', async () => {
    const sent = await sendOc(plainOnlineConsultation({ reference: 'CRASH-3' }));
    const store = new MemoryInboundStore();
    const ingest = fakeHub();
    let acked!: () => void;
    const afterAck = new Promise<void>((resolve) => (acked = resolve));
    const dying: MeshInboxClient = {
      mailboxId: hub.mailboxId,
      drain: (h, o) => hub.drain(h, o),
      download: (id) => hub.download(id),
      acknowledge: async (id) => {
        await hub.acknowledge(id);
        acked();
        return new Promise<void>(() => undefined);
      },
    };
    void new MeshPoller({ client: dying, store, submit: ingest.submit }).pollOnce();
    await afterAck;
    expect(fx.server.inbox(HUB.id)).toHaveLength(0);
    expect(await poller(store, ingest.submit).pollOnce()).toMatchObject({ recovered: 1, processed: 1, listed: 0 });
    expect(ingest.calls).toEqual([sent.messageId]);
  });

  it('killed after acknowledgement but before the submit completed: resumed from the store, created once', async () => {
    const sent = await sendOc(plainOnlineConsultation({ reference: 'CRASH-2' }));
    const store = new MemoryInboundStore();
    const ingest = fakeHub();
    let reachedSubmit!: () => void;
    const atSubmit = new Promise<void>((resolve) => (reachedSubmit = resolve));
    const dyingSubmit = async (input: SubmitOnlineConsultationInput, key: string) => {
      await ingest.submit(input, key); // the hub got it...
      reachedSubmit();
      return new Promise<never>(() => undefined); // ...but the process died before recording it
    };
    void poller(store, dyingSubmit).pollOnce();
    await atSubmit;
    expect(fx.server.inbox(HUB.id)).toHaveLength(0);

    const summary = await poller(store, ingest.submit).pollOnce();
    expect(summary).toMatchObject({ recovered: 1, processed: 1 });
    expect(ingest.calls).toEqual([sent.messageId, sent.messageId]);
    expect(ingest.created.size).toBe(1);
    expect(store.outcomes('SUBMITTED')).toHaveLength(1);
  });

  it('leaves a message pending when the submit fails, and submits it on the next poll', async () => {
    await sendOc(plainOnlineConsultation());
    const store = new MemoryInboundStore();
    const ingest = fakeHub();
    let fail = true;
    const flaky = async (input: SubmitOnlineConsultationInput, key: string) => {
      if (fail) throw new Error('hub unavailable');
      return ingest.submit(input, key);
    };
    expect(await poller(store, flaky).pollOnce()).toMatchObject({ processed: 0, pending: 1 });
    fail = false;
    expect(await poller(store, flaky).pollOnce()).toMatchObject({ recovered: 1, processed: 1, pending: 0 });
    expect(ingest.created.size).toBe(1);
  });

  it('hands REPORTs and ITK3 responses to their handlers', async () => {
    const undeliverable = await hub.send({ to: 'X26NOPE1', workflowId: SEND_DOC_WORKFLOW, body: 'doc' });
    const practice = fx.client(PRACTICE);
    const ack = renderItkResponse({
      code: '20013',
      respondingTo: 'itk-1',
      senderMailboxId: PRACTICE.id,
      senderOrganisation: { odsCode: 'M81065', name: 'Test practice' },
    });
    await practice.send({ to: HUB.id, workflowId: SEND_DOC_ACK_WORKFLOW, body: ack.body });
    const reports: string[] = [];
    const responses: string[] = [];
    const store = new MemoryInboundStore();
    const summary = await poller(store, fakeHub().submit, {
      onReport: async (r) => void reports.push(`${r.linkedMessageId}:${r.statusCode}`),
      onItkResponse: async (r) => void responses.push(`${r.itkMessageId}:${r.code}`),
    }).pollOnce();
    expect(summary).toMatchObject({ processed: 2 });
    expect(reports).toEqual([`${undeliverable.messageId}:12`]);
    expect(responses).toEqual(['itk-1:20013']);
  });

  it('retries a failed poll with backoff instead of waiting the whole interval', async () => {
    fx.server.clearRequests();
    fx.server.faults.failNext(2, { method: 'GET', pathIncludes: '/inbox', status: 500 });
    const errors: unknown[] = [];
    const p = poller(new MemoryInboundStore(), fakeHub().submit, {
      intervalMs: 60_000,
      retryBaseMs: 20,
      logger: (level, event, fields) => level === 'error' && errors.push([event, fields['retryInMs']]),
    });
    p.start();
    await new Promise((r) => setTimeout(r, 300));
    await p.stop();
    const listings = fx.server.requests().filter((r) => r.method === 'GET' && r.path.includes('/inbox'));
    expect(listings.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(errors).toEqual([
      ['mesh.poll.failed', 20],
      ['mesh.poll.failed', 40],
    ]);
  });

  it('polls on its interval until stopped', async () => {
    const store = new MemoryInboundStore();
    fx.server.clearRequests();
    const p = poller(store, fakeHub().submit, { intervalMs: 40 });
    p.start();
    await new Promise((r) => setTimeout(r, 200));
    await p.stop();
    const polls = fx.server.requests().filter((r) => r.method === 'GET' && r.path.includes('/inbox')).length;
    expect(polls).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(fx.server.requests().filter((r) => r.method === 'GET' && r.path.includes('/inbox')).length).toBe(polls);
  });
});
