import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MeshClient } from './mesh.client.js';
import { MeshError } from './mesh.errors.js';
import {
  HUB,
  OC_WORKFLOW,
  OTHER,
  PRACTICE,
  SEND_DOC_WORKFLOW,
  SUPPLIER,
  emptyInbox,
  startMeshFixture,
} from './mesh.testkit.js';
import type { MeshFixture } from './mesh.testkit.js';
import { syntheticNhsNumber } from './testing/synthetic.js';

// One clock for server and clients: moving it forward five days must not make auth headers stale.
let now = new Date('2026-11-24T09:00:00Z');
const clock = () => now;

let fx: MeshFixture;
let hub: MeshClient;
let practice: MeshClient;

beforeAll(async () => {
  fx = await startMeshFixture({ clock });
  hub = fx.client(HUB);
  practice = fx.client(PRACTICE);
});
afterAll(async () => fx.stop());
beforeEach(async () => {
  await emptyInbox(hub);
  await emptyInbox(practice);
});

/** The only message in the hub's inbox, downloaded. */
async function onlyHubMessage() {
  const { messageIds } = await hub.listInbox();
  expect(messageIds).toHaveLength(1);
  return hub.download(messageIds[0]!);
}

describe('REPORT messages', () => {
  it('refuses to send a workflow the sender is not registered for (403, UNKNOWN_WORKFLOW)', async () => {
    const err: unknown = await hub
      .send({ to: PRACTICE.id, workflowId: 'NOT_MY_WORKFLOW', body: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeshError);
    expect(err).toMatchObject({ code: 'UNKNOWN_WORKFLOW', status: 403, meshCode: '16', retryable: false });
    expect(fx.server.sentBy(HUB.id).filter((m) => m.workflowId === 'NOT_MY_WORKFLOW')).toHaveLength(0);
  });

  it('reports code 17, linked to the original message, when the recipient is not registered for the workflow', async () => {
    const sent = await hub.send({ to: OTHER.id, workflowId: SEND_DOC_WORKFLOW, body: 'doc', localId: 'Y01234' });
    const report = await onlyHubMessage();
    expect(report.messageType).toBe('REPORT');
    expect(report.body).toHaveLength(0);
    expect(report.report).toMatchObject({
      linkedMessageId: sent.messageId,
      statusCode: '17',
      statusEvent: 'SEND',
      success: false,
      localId: 'Y01234',
    });
    expect(report.headers['mex-statussuccess']).toBe('ERROR');
    expect(fx.server.inbox(OTHER.id)).toHaveLength(0);
    expect(await hub.tracking(sent.messageId)).toMatchObject({
      status: 'error',
      statusSuccess: false,
      statusCode: '17',
    });
  });

  it('reports code 12 for an unknown recipient', async () => {
    const sent = await hub.send({ to: 'X26NOPE1', workflowId: SEND_DOC_WORKFLOW, body: 'doc' });
    const report = await onlyHubMessage();
    expect(report.report).toMatchObject({ linkedMessageId: sent.messageId, statusCode: '12', success: false });
  });

  it('reports code 14 to the sender when the recipient leaves a message unacknowledged for 5 days', async () => {
    const sent = await hub.send({ to: PRACTICE.id, workflowId: SEND_DOC_WORKFLOW, body: 'doc', localId: 'Y01234' });
    now = new Date(now.getTime() + 4 * 86_400_000);
    expect(fx.server.expire()).toEqual([]);
    now = new Date(now.getTime() + 86_400_000 + 60_000);
    expect(fx.server.expire()).toEqual([sent.messageId]);
    expect((await practice.listInbox()).messageIds).toEqual([]);
    expect((await practice.download(sent.messageId).catch((e: unknown) => e)) as MeshError).toMatchObject({
      code: 'GONE',
    });
    const report = await onlyHubMessage();
    expect(report.report).toMatchObject({ linkedMessageId: sent.messageId, statusCode: '14', success: false });
    expect(fx.server.message(sent.messageId)?.status).toBe('undeliverable');
  });

  it('routes GPPROVIDER_<nhs>_<dob>_<surname> to the registered practice, case-insensitively on the surname', async () => {
    const nhs = syntheticNhsNumber(42);
    fx.server.addRoute({ nhsNumber: nhs, dateOfBirth: '09011955', surname: 'Smith', mailboxId: PRACTICE.id });
    const sent = await hub.send({ to: `GPPROVIDER_${nhs}_09011955_SMITH`, workflowId: SEND_DOC_WORKFLOW, body: 'doc' });
    const { messageIds } = await practice.listInbox();
    expect(messageIds).toEqual([sent.messageId]);
    expect((await practice.download(sent.messageId)).headers['mex-to']).toBe(PRACTICE.id);
  });

  it('reports EPL-151 when no practice matches, and EPL-152 for an invalid NHS number', async () => {
    const unknown = await hub.send({
      to: `GPPROVIDER_${syntheticNhsNumber(43)}_09011955_Jones`,
      workflowId: SEND_DOC_WORKFLOW,
      body: 'doc',
    });
    expect((await onlyHubMessage()).report).toMatchObject({
      linkedMessageId: unknown.messageId,
      statusCode: 'EPL-151',
    });
    await emptyInbox(hub);
    const invalid = await hub.send({
      to: 'GPPROVIDER_1234567890_09011955_Jones',
      workflowId: SEND_DOC_WORKFLOW,
      body: 'x',
    });
    expect((await onlyHubMessage()).report).toMatchObject({
      linkedMessageId: invalid.messageId,
      statusCode: 'EPL-152',
    });
  });

  it('sends the REPORT only once every chunk of an undeliverable chunked message arrived', async () => {
    const chunked = fx.client(HUB, { chunkSizeBytes: 10 });
    fx.server.faults.failNext(1, { pathPattern: /\/outbox\/[^/]+\/3$/ });
    const err = (await chunked
      .send({ to: 'X26NOPE1', workflowId: SEND_DOC_WORKFLOW, body: 'x'.repeat(25) })
      .catch((e: unknown) => e)) as MeshError;
    expect(err.code).toBe('SERVER_ERROR');
    expect((await hub.listInbox()).messageIds).toEqual([]);
  });
});

describe('unknown recipient in reject mode (as mesh-sandbox does)', () => {
  it('answers 417 with code 12: UNKNOWN_RECIPIENT', async () => {
    const strict = await startMeshFixture({ unknownRecipient: 'reject' });
    try {
      const err = await strict
        .client(SUPPLIER)
        .send({ to: 'X26NOPE1', workflowId: OC_WORKFLOW, body: 'x' })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'UNKNOWN_RECIPIENT', status: 417, meshCode: '12', retryable: false });
    } finally {
      await strict.stop();
    }
  });
});
