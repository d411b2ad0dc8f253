import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMeshAuthorization } from './mesh.auth.js';
import type { MeshClient } from './mesh.client.js';
import { MeshError } from './mesh.errors.js';
import {
  HUB,
  OC_WORKFLOW,
  PRACTICE,
  SEND_DOC_WORKFLOW,
  SHARED_SECRET,
  SUPPLIER,
  emptyInbox,
  startMeshFixture,
} from './mesh.testkit.js';
import type { MeshFixture } from './mesh.testkit.js';

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
  await emptyInbox(supplier);
});

async function rejection(promise: Promise<unknown>): Promise<MeshError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a MeshError');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MeshError);
  return err as MeshError;
}

describe('authorisation', () => {
  it('handshakes with valid credentials', async () => {
    await expect(hub.handshake()).resolves.toBeUndefined();
    expect(fx.server.requests().at(-1)).toMatchObject({
      method: 'POST',
      path: '/messageexchange/X26HUB01',
      status: 200,
    });
  });

  it('refuses a wrong shared secret or password as AUTH_FAILED, not retryable', async () => {
    const badSecret = fx.client(HUB, { sharedSecret: 'wrong' });
    const err = await rejection(badSecret.handshake());
    expect(err).toMatchObject({ code: 'AUTH_FAILED', retryable: false, status: 403 });
    expect(fx.server.requests().at(-1)?.authFailure).toBe('BAD_HMAC');
    const badPassword = fx.client(HUB, { password: 'wrong' });
    expect((await rejection(badPassword.listInbox())).code).toBe('AUTH_FAILED');
  });

  it('refuses a timestamp more than two hours old', async () => {
    const stale = fx.client(HUB, { clock: () => new Date(Date.now() - 3 * 60 * 60 * 1000) });
    expect((await rejection(stale.handshake())).code).toBe('AUTH_FAILED');
    expect(fx.server.requests().at(-1)?.authFailure).toBe('STALE_TIMESTAMP');
  });

  it('refuses a replayed header, and a rejected send leaves no message behind', async () => {
    const header = buildMeshAuthorization({
      mailboxId: SUPPLIER.id,
      password: SUPPLIER.password,
      sharedSecret: SHARED_SECRET,
    });
    const post = () =>
      fetch(`${fx.server.url}/messageexchange/${SUPPLIER.id}/outbox`, {
        method: 'POST',
        headers: { authorization: header, 'mex-to': HUB.id, 'mex-workflowid': OC_WORKFLOW },
        body: 'payload',
      });
    expect((await post()).status).toBe(202);
    const replay = await post();
    expect(replay.status).toBe(403);
    expect(fx.server.requests().at(-1)?.authFailure).toBe('REPLAYED_NONCE');
    expect(fx.server.sentBy(SUPPLIER.id).filter((m) => m.status !== 'acknowledged')).toHaveLength(1);
    const bad = fx.client(SUPPLIER, { sharedSecret: 'wrong' });
    await rejection(bad.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: 'x' }));
    expect(fx.server.inbox(HUB.id)).toHaveLength(1);
  });

  it('refuses a header for another mailbox than the path', async () => {
    const header = buildMeshAuthorization({
      mailboxId: SUPPLIER.id,
      password: SUPPLIER.password,
      sharedSecret: SHARED_SECRET,
    });
    const res = await fetch(`${fx.server.url}/messageexchange/${HUB.id}/inbox`, { headers: { authorization: header } });
    expect(res.status).toBe(403);
    expect(fx.server.requests().at(-1)?.authFailure).toBe('MAILBOX_MISMATCH');
  });
});

describe('send, list, download, acknowledge', () => {
  it('delivers a message with its headers and removes it on acknowledgement', async () => {
    const sent = await supplier.send({
      to: HUB.id,
      workflowId: OC_WORKFLOW,
      body: '{"hello":"hub"}',
      localId: 'OC-REF-1',
      subject: 'Online consultation',
      fileName: 'oc.json',
      contentType: 'application/json',
    });
    expect(sent.chunkCount).toBe(1);
    const page = await hub.listInbox();
    expect(page.messageIds).toEqual([sent.messageId]);
    expect(page.approxInboxCount).toBe(1);

    const message = await hub.download(sent.messageId);
    expect(message).toMatchObject({
      messageId: sent.messageId,
      messageType: 'DATA',
      chunkCount: 1,
      checksumVerified: true,
    });
    expect(message.body.toString()).toBe('{"hello":"hub"}');
    expect(message.headers).toMatchObject({
      'mex-from': SUPPLIER.id,
      'mex-to': HUB.id,
      'mex-workflowid': OC_WORKFLOW,
      'mex-localid': 'OC-REF-1',
      'mex-subject': 'Online consultation',
      'mex-filename': 'oc.json',
      'content-type': 'application/json',
    });

    expect((await supplier.tracking(sent.messageId)).status).toBe('accepted');
    await hub.acknowledge(sent.messageId);
    expect((await hub.listInbox()).messageIds).toEqual([]);
    expect(fx.server.message(sent.messageId)?.status).toBe('acknowledged');
    expect(await supplier.tracking(sent.messageId)).toMatchObject({
      messageId: sent.messageId,
      status: 'acknowledged',
      statusSuccess: true,
      localId: 'OC-REF-1',
      workflowId: OC_WORKFLOW,
      recipient: HUB.id,
    });
    // Acknowledged messages are gone for download; acknowledging twice is harmless.
    expect((await rejection(hub.download(sent.messageId))).code).toBe('GONE');
    await expect(hub.acknowledge(sent.messageId)).resolves.toBeUndefined();
  });

  it('answers NOT_FOUND for a message that is not in this inbox', async () => {
    const sent = await supplier.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: 'x' });
    const practice = fx.client(PRACTICE);
    expect(await rejection(practice.download(sent.messageId))).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    expect((await rejection(practice.tracking(sent.messageId))).code).toBe('NOT_FOUND');
  });

  it('pages the inbox with links.next and drains 1,200 messages in 3 pages of at most 500', async () => {
    for (let i = 0; i < 1200; i++)
      fx.server.inject({ to: HUB.id, from: SUPPLIER.id, workflowId: OC_WORKFLOW, body: `m${i}` });
    fx.server.clearRequests();
    const seen: string[] = [];
    const result = await hub.drain(
      async (id) => {
        seen.push(id);
      },
      { maxResults: 500 },
    );
    expect(result).toEqual({ pages: 3, messages: 1200 });
    expect(new Set(seen).size).toBe(1200);
    const listings = fx.server.requests().filter((r) => r.path.includes('/inbox') && r.method === 'GET');
    expect(listings).toHaveLength(3);
    expect(listings[0]!.path).toContain('max_results=500');
    // Nothing acknowledged: the messages are still there for the next poll.
    expect((await hub.listInbox({ maxResults: 5000 })).messageIds).toHaveLength(1200);
  });

  it('iterates pages lazily and stops after the last page', async () => {
    for (let i = 0; i < 7; i++) fx.server.inject({ to: HUB.id, workflowId: OC_WORKFLOW, body: `m${i}` });
    const sizes: number[] = [];
    for await (const page of hub.inboxPages({ maxResults: 3 })) sizes.push(page.messageIds.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('lists again at once after a full page when acknowledging as it goes', async () => {
    for (let i = 0; i < 10; i++) fx.server.inject({ to: HUB.id, workflowId: OC_WORKFLOW, body: `m${i}` });
    const result = await hub.drain(async (id) => hub.acknowledge(id), { maxResults: 5 });
    // 5 + 5 (via links.next) then the last page was full, so one more listing confirms it is empty.
    expect(result).toEqual({ pages: 3, messages: 10 });
    expect(fx.server.inbox(HUB.id)).toHaveLength(0);
  });
});

describe('endpoint lookup', () => {
  it('finds the mailbox of an organisation for a workflow, and nothing for an unregistered workflow', async () => {
    expect(await hub.endpointLookup(PRACTICE.odsCode!, SEND_DOC_WORKFLOW)).toEqual([
      { mailboxId: PRACTICE.id, mailboxName: PRACTICE.name },
    ]);
    expect(await hub.endpointLookup(PRACTICE.odsCode!, OC_WORKFLOW)).toEqual([]);
    expect(await hub.endpointLookup('ZZZ99', SEND_DOC_WORKFLOW)).toEqual([]);
  });
});
