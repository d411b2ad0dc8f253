/**
 * End to end, write-back: a consultation saved at the hub for a patient of practice Y99011 reaches
 * the practice's MESH mailbox as a GP Connect Send Document message through the plugin's bridge;
 * the test plays the practice system (downloads it, answers with ITK3 responses) and the hub's
 * delivery shows what the practice said. Failures: a negative business response, a MESH error
 * REPORT, MESH 5xx while sending, an acknowledgement that never comes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWebhookSecret } from '@pcn-hub/sdk/plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderItkResponse } from './itk.response.js';
import type { MeshPlugin } from './mesh.plugin.types.js';
import { startMeshPlugin } from './mesh.plugin.js';
import { HUB_BOX, PRACTICE_BOX, SEND_DOC, SEND_DOC_ACK, demoPatient, startE2e, until } from './plugin.e2e.testkit.js';
import type { E2e } from './plugin.e2e.testkit.js';
import type { MeshAlert } from './write-back.types.js';
import {
  amendAndSave,
  deliveryOf,
  postSigned,
  recordAndSave,
  resources,
  writeBackBody,
} from './plugin.write-back.testkit.js';

let e2e: E2e;
let plugin: MeshPlugin;
let dir: string;
const secret = generateWebhookSecret();
const alerts: MeshAlert[] = [];
const patients: Awaited<ReturnType<typeof demoPatient>>[] = [];

beforeAll(async () => {
  e2e = await startE2e(['hub.manager', 'p1.admin']);
  dir = await mkdtemp(join(tmpdir(), 'pcn-hub-mesh-'));
  plugin = await startMeshPlugin(
    e2e.config({
      writeBack: {
        signingSecrets: { Y99011: secret },
        routing: { kind: 'AUTOMATIC', dobFormat: 'YYYYMMDD' },
        storePath: join(dir, 'outbound.json'),
        infrastructureAckTimeoutMs: 3_000,
        ackCheckIntervalMs: 100,
      },
      onAlert: (alert) => void alerts.push(alert),
    }),
  );
  await e2e.gql(
    'p1.admin',
    'mutation ($input: ConfigureWriteBackTargetInput!) { configureWriteBackTarget(input: $input) { target { kind } } }',
    {
      input: {
        practiceOdsCode: 'Y99011',
        kind: 'HTTP',
        endpointUrl: plugin.writeBackUrl('Y99011'),
        signingSecret: secret,
      },
    },
  );
  // Demo patients 0, 7, 14, 21, 28 are registered at Y99011; 14 has no automatic route (EPL-151).
  for (const i of [0, 7, 14, 21, 28]) {
    const p = await demoPatient(e2e, i);
    patients.push(p);
    if (i === 14) continue;
    const dateOfBirth = p.dateOfBirth.replace(/-/g, '');
    e2e.mesh.addRoute({ nhsNumber: p.nhsNumber, dateOfBirth, surname: p.familyName, mailboxId: PRACTICE_BOX.id });
  }
});
afterAll(async () => {
  await plugin.stop();
  await e2e.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Plays the practice system: downloads and acknowledges the Send Document message for `messageId`. */
async function practiceReceives(messageId: string) {
  const practice = e2e.client(PRACTICE_BOX);
  const id = await until(
    async () => e2e.mesh.inbox(PRACTICE_BOX.id).find((m) => m.body?.toString().includes(messageId))?.messageId,
    'the Send Document message',
  );
  const downloaded = await practice.download(id);
  await practice.acknowledge(id);
  const bundle = JSON.parse(downloaded.body.toString('utf8'));
  return { headers: downloaded.headers, bundle, all: resources(bundle) };
}

/** The practice answers with ITK3 responses on the ACK workflow. */
async function practiceAnswers(itkMessageId: string, code: string) {
  const response = renderItkResponse({
    code,
    respondingTo: itkMessageId,
    senderMailboxId: PRACTICE_BOX.id,
    senderOrganisation: { odsCode: 'Y99011', name: 'Demo practice 1' },
  });
  await e2e.client(PRACTICE_BOX).send({ to: HUB_BOX.id, workflowId: SEND_DOC_ACK, body: response.body });
}

const deliveryWhere = (consultationId: string, ok: (d: any) => boolean, what: string) =>
  until(async () => {
    const d = await deliveryOf(e2e, consultationId);
    return d && ok(d) ? d : undefined;
  }, what);

describe('hub write-back -> GP Connect Send Document over MESH', () => {
  it('reaches the practice mailbox, and the practice acknowledgements reach the hub delivery', async () => {
    const consultationId = await recordAndSave(e2e, patients[0]!.nhsNumber, 'Myocardial infarction');
    const sent = await deliveryWhere(consultationId, (d) => d.state === 'DELIVERED', 'delivered to MESH');
    const { headers, bundle, all } = await practiceReceives(sent.messageId);
    expect(headers).toMatchObject({ 'mex-workflowid': SEND_DOC, 'mex-from': HUB_BOX.id, 'mex-localid': 'Y99000' });
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'message' });
    expect(all.MessageHeader[0].event.code).toBe('ITK007C');
    expect(all.Patient[0].identifier[0].value).toBe(patients[0]!.nhsNumber);
    expect(all.Composition[0]).toMatchObject({ meta: { versionId: '1' }, identifier: { value: sent.messageId } });
    expect(all.Composition[0].relatesTo).toBeUndefined();
    expect(all.Observation[0].code.coding[0]).toMatchObject({ code: '22298006', display: 'Myocardial infarction' });

    await practiceAnswers(bundle.id, '20013');
    await deliveryWhere(consultationId, (d) => d.acknowledgement === 'INFRASTRUCTURE 20013', '20013 at the hub');
    await practiceAnswers(bundle.id, '30001');
    const done = await deliveryWhere(consultationId, (d) => d.acknowledgement === 'BUSINESS 30001', '30001 at the hub');
    expect(done).toMatchObject({ state: 'DELIVERED', lastError: null });
    expect(await plugin.store.get(sent.messageId)).toMatchObject({ state: 'DELIVERED', busAck: { code: '30001' } });
  });

  it('an amended entry goes as version 2, replacing the document of version 1', async () => {
    const consultationId = await recordAndSave(e2e, patients[0]!.nhsNumber, 'Chest pain');
    const v1 = await deliveryWhere(consultationId, (d) => d.state === 'DELIVERED', 'version 1 delivered');
    await practiceReceives(v1.messageId);
    await amendAndSave(e2e, consultationId, 'Myocardial infarction');
    const v2 = await deliveryWhere(
      consultationId,
      (d) => d.version === 2 && d.state === 'DELIVERED',
      'version 2 delivered',
    );
    expect(v2.replacesMessageId).toBe(v1.messageId);
    const { headers, all } = await practiceReceives(v2.messageId);
    expect(all.Composition[0]).toMatchObject({
      meta: { versionId: '2' },
      identifier: { value: v2.messageId },
      relatesTo: [{ code: 'replaces', targetIdentifier: { value: v1.messageId } }],
    });
    expect(headers['mex-subject']).toMatch(/Version: 2$/);
  });

  it('a negative business response (30002) ends the hub delivery as a dead letter with the code', async () => {
    const consultationId = await recordAndSave(e2e, patients[1]!.nhsNumber, 'Hypertension', '38341003');
    const sent = await deliveryWhere(consultationId, (d) => d.state === 'DELIVERED', 'delivered to MESH');
    const { bundle } = await practiceReceives(sent.messageId);
    await practiceAnswers(bundle.id, '20013');
    await practiceAnswers(bundle.id, '30002');
    const dead = await deliveryWhere(consultationId, (d) => d.state === 'DEAD', 'dead letter');
    expect(dead).toMatchObject({ acknowledgement: 'BUSINESS 30002', lastError: expect.stringContaining('30002') });
    const letters = await e2e.gql(
      'hub.manager',
      'query { writeBackDeadLetters(first: 200) { edges { node { messageId lastError } } } }',
    );
    expect(letters.writeBackDeadLetters.edges.map((e: any) => e.node.messageId)).toContain(sent.messageId);
  });

  it('an error REPORT for an undeliverable message (no mailbox for the patient) ends the delivery with the reason', async () => {
    const consultationId = await recordAndSave(e2e, patients[2]!.nhsNumber, 'Asthma', '195967001');
    const dead = await deliveryWhere(consultationId, (d) => d.state === 'DEAD', 'dead letter after the REPORT');
    expect(dead).toMatchObject({
      acknowledgement: 'INFRASTRUCTURE EPL-151',
      lastError: expect.stringContaining('EPL-151'),
    });
    expect(await plugin.store.get(dead.messageId)).toMatchObject({
      state: 'FAILED',
      failure: { source: 'MESH_REPORT', code: 'EPL-151' },
    });
  });

  it('MESH answering 5xx: the bridge answers non-2xx, the hub retries, and one message is sent', async () => {
    e2e.mesh.faults.failNext(2, { method: 'POST', pathIncludes: `/${HUB_BOX.id}/outbox`, status: 503 });
    const consultationId = await recordAndSave(e2e, patients[3]!.nhsNumber, 'Myocardial infarction');
    const sent = await deliveryWhere(consultationId, (d) => d.state === 'DELIVERED', 'delivered after retries');
    expect(sent.totalAttempts).toBe(3);
    await practiceReceives(sent.messageId);
    const copies = e2e.mesh.sentBy(HUB_BOX.id).filter((m) => m.body?.toString().includes(sent.messageId));
    expect(copies).toHaveLength(1);
  });

  it('a redelivery with the same webhook-id sends nothing again; a bad signature is refused with 401', async () => {
    const body = writeBackBody(patients[4]!.nhsNumber, randomUUID());
    const first = await postSigned(plugin.writeBackUrl('Y99011'), body, secret);
    const again = await postSigned(plugin.writeBackUrl('Y99011'), body, secret);
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    const copies = e2e.mesh.sentBy(HUB_BOX.id).filter((m) => m.body?.toString().includes(body.messageId));
    expect(copies).toHaveLength(1);
    expect((await postSigned(plugin.writeBackUrl('Y99011'), body, generateWebhookSecret())).status).toBe(401);
    expect((await postSigned(plugin.writeBackUrl('Y99012'), body, secret)).status).toBe(404);

    // Never acknowledged by the practice: an alert with ids only, and TIMED_OUT in the store.
    const alert = await until(async () => alerts.find((a) => a.messageId === body.messageId), 'the overdue alert');
    expect(alert).toEqual({
      kind: 'ACK_OVERDUE',
      messageId: body.messageId,
      practiceOdsCode: 'Y99011',
      meshMessageId: first.body.meshMessageId,
      missing: 'INFRASTRUCTURE',
    });
    expect(await plugin.store.get(body.messageId)).toMatchObject({
      state: 'TIMED_OUT',
      failure: { code: 'ACK_TIMEOUT' },
    });
    expect(e2e.logs.some((l) => l.includes('mesh.write-back.ack-overdue') && l.includes(body.messageId))).toBe(true);
  });

  it('refuses what it can never send with 422 (the hub dead-letters it): a removal, a malformed message', async () => {
    const removal = { ...writeBackBody(patients[4]!.nhsNumber, randomUUID()), type: 'consultation-entry.removed' };
    expect(await postSigned(plugin.writeBackUrl('Y99011'), removal, secret)).toMatchObject({
      status: 422,
      body: { error: expect.stringContaining('removals') },
    });
    const malformed = { ...writeBackBody(patients[4]!.nhsNumber, randomUUID()), version: 2 };
    expect(await postSigned(plugin.writeBackUrl('Y99011'), malformed, secret)).toEqual({
      status: 422,
      body: { error: 'a version above 1 must name what it replaces' },
    });
    expect((await fetch(plugin.writeBackUrl('Y99011'))).status).toBe(405);
    expect(e2e.mesh.sentBy(HUB_BOX.id).filter((m) => m.body?.toString().includes(removal.messageId))).toEqual([]);
  });

  it('routes by MESH endpoint lookup (ODS code + workflow id) when configured so', async () => {
    const lookup = await startMeshPlugin(
      e2e.config({
        mesh: { ...e2e.config().mesh, mailboxId: 'X26HUB02', password: 'hub2-pw' },
        writeBack: {
          signingSecrets: { Y99011: secret },
          routing: { kind: 'ENDPOINT_LOOKUP' },
          storePath: join(dir, 'lookup.json'),
        },
      }),
    );
    try {
      const body = writeBackBody(patients[4]!.nhsNumber, randomUUID());
      expect((await postSigned(lookup.writeBackUrl('Y99011'), body, secret)).status).toBe(200);
      const sent = e2e.mesh.sentBy('X26HUB02').find((m) => m.body?.toString().includes(body.messageId));
      expect(sent).toMatchObject({ addressedTo: PRACTICE_BOX.id, recipient: PRACTICE_BOX.id, workflowId: SEND_DOC });
    } finally {
      await lookup.stop();
    }
  });

  it('keeps no patient data in the logs or, once sent, in the correlation file', async () => {
    const file = await readFile(join(dir, 'outbound.json'), 'utf8');
    const logs = e2e.logs.join('\n');
    expect(JSON.parse(file).length).toBeGreaterThanOrEqual(6);
    for (const p of patients) {
      for (const value of [p.nhsNumber, p.familyName]) {
        expect(logs).not.toContain(value);
        expect(file).not.toContain(value);
      }
    }
  });
});
