import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerTestPlugin,
  startTestHub,
  syntheticNhsNumber,
  type RegisteredTestPlugin,
  type TestHub,
} from '@pcn-hub/sdk/testing';
import { createEpsHttpService } from './eps.client.js';
import { epsManifestWith, EPS_PLUGIN_NAME } from './eps.manifest.js';
import { EpsSender, type SendResult } from './eps.sender.js';
import { createEpsWebhookHandler } from './eps.webhooks.js';
import { checkEpsMessage, startEpsServiceDouble, type EpsServiceDouble } from './testing/index.js';

type Res = Record<string, any>;

const AMOXICILLIN = '39732311000001104';
const PARACETAMOL = '317335000';
const RAISE = `mutation ($input: RaisePrescriptionInput!) { raisePrescription(input: $input) { prescription { id } } }`;
const ISSUE = `mutation ($id: ID!) { issuePrescription(input: { prescriptionId: $id }) { prescription { id shortFormId } } }`;
const CANCEL = `mutation ($id: ID!) { cancelPrescription(input: { prescriptionId: $id, reason: "Prescribed in error", epsCancellationReason: PRESCRIBING_ERROR }) { prescription { id state } } }`;
const STATUS = `query ($id: ID!) { prescription(id: $id) { epsMessages { messageId operation status retries errorCode reportedBy } } }`;
const BUNDLE = `query ($id: ID!) { prescription(id: $id) { epsBundle } }`;

let hub: TestHub;
let plugin: RegisteredTestPlugin;
let eps: EpsServiceDouble;
let receiver: Server;
const secrets: string[] = [];
const results: (SendResult['kind'] | 'FAILED')[] = [];

/** Demo patient `7k + 2` is registered at practice p3 (Y99013). */
const patient = (k: number): string => syntheticNhsNumber(7 * k + 2);

async function issued(k: number, items = 1): Promise<{ id: string; shortFormId: string }> {
  const anp = hub.client('hub.anp1');
  const raised = (await anp.request(RAISE, {
    input: {
      nhsNumber: patient(k),
      courseOfTherapy: 'ACUTE',
      items: [AMOXICILLIN, PARACETAMOL]
        .slice(0, items)
        .map((dmdCode) => ({ dmdCode, quantity: 21, unit: 'tablet', dosageText: 'One three times a day' })),
    },
  })) as Res;
  return ((await anp.request(ISSUE, { id: raised.raisePrescription.prescription.id })) as Res).issuePrescription
    .prescription;
}

async function messages(id: string): Promise<Res[]> {
  return ((await hub.client('hub.anp1').request(STATUS, { id })) as Res).prescription.epsMessages;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  eps = await startEpsServiceDouble();
  let sender: EpsSender | null = null;
  const handler = createEpsWebhookHandler({
    secrets: () => secrets,
    sender: { handle: (event) => sender!.handle(event) },
    onResult: (_event, result) => void results.push(result.kind),
  });
  receiver = createServer(handler.listener);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pcn-hub/eps`;
  // Quick redelivery so that a transient failure is retried within the test.
  hub = await startTestHub({ env: { PLUGIN_WEBHOOK_BACKOFF_MS: '200', PLUGIN_WEBHOOK_POLL_MS: '100' } });
  plugin = await registerTestPlugin(hub, epsManifestWith({ webhookUrl }), { enableAs: ['hub.manager'] });
  secrets.push(plugin.webhookSecret);
  sender = new EpsSender({ hub: (ods) => plugin.client(ods), eps: createEpsHttpService({ baseUrl: eps.url }) });
});

afterAll(async () => {
  await hub.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await eps.close();
});

describe('EPS plugin against a hub and the EPS test double', () => {
  it('sends the prescription-order of an issued prescription to EPS, which accepts it, and the hub shows ACCEPTED', async () => {
    const p = await issued(60, 2);
    const [order] = await until(
      () => messages(p.id),
      (m) => m[0]!.status === 'ACCEPTED',
    );
    expect(order).toMatchObject({
      operation: 'ORDER',
      status: 'ACCEPTED',
      retries: 0,
      errorCode: null,
      reportedBy: EPS_PLUGIN_NAME,
    });
    const got = eps.received.filter((r) => r.messageId === order!.messageId);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      status: 200,
      code: null,
      facts: {
        event: 'prescription-order',
        shortFormId: p.shortFormId,
        costCentreOds: 'Y99009',
        dmdCodes: [AMOXICILLIN, PARACETAMOL],
      },
    });
    expect(eps.prescriptions.get(p.shortFormId)).toEqual({ orderMessageId: order!.messageId, cancelled: false });
  });

  it('retries a transient EPS failure through the hub (RETRYING, then ACCEPTED on redelivery)', async () => {
    eps.failNext(1);
    const p = await issued(61);
    const [order] = await until(
      () => messages(p.id),
      (m) => m[0]!.status === 'ACCEPTED',
    );
    expect(order).toMatchObject({ status: 'ACCEPTED', retries: 1, errorCode: null });
    expect(eps.received.filter((r) => r.messageId === order!.messageId).map((r) => r.status)).toEqual([503, 200]);
    expect(results).toContain('RETRY');
  });

  it("records EPS's refusal with its code, and sends the cancellation of an issued prescription", async () => {
    eps.rejectNext('DUPLICATE_PRESCRIPTION_ID');
    const refused = await issued(62);
    const [rejected] = await until(
      () => messages(refused.id),
      (m) => m[0]!.status === 'REJECTED',
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', errorCode: 'DUPLICATE_PRESCRIPTION_ID' });

    const p = await issued(63);
    await until(
      () => messages(p.id),
      (m) => m[0]!.status === 'ACCEPTED',
    );
    await hub.client('hub.anp1').request(CANCEL, { id: p.id });
    const all = await until(
      () => messages(p.id),
      (m) => m[1]?.status === 'ACCEPTED',
    );
    expect(all.map((m) => [m.operation, m.status])).toEqual([
      ['ORDER', 'ACCEPTED'],
      ['CANCEL', 'ACCEPTED'],
    ]);
    const cancel = eps.received.find((r) => r.messageId === all[1]!.messageId)!;
    expect(cancel.facts).toMatchObject({ event: 'prescription-order-update', shortFormId: p.shortFormId });
    expect(eps.prescriptions.get(p.shortFormId)?.cancelled).toBe(true);
  });

  it("the double accepts the hub's rendering and refuses a message with a broken shape, naming the path", async () => {
    const p = await issued(64);
    const json = ((await hub.client('hub.anp1').request(BUNDLE, { id: p.id })) as Res).prescription.epsBundle as string;
    expect(checkEpsMessage(JSON.parse(json)).issues).toEqual([]);
    const broken = (change: (b: Res) => void): string[] => {
      const bundle = JSON.parse(json) as Res;
      change(bundle);
      return checkEpsMessage(bundle).issues.map((i) => `${i.code} ${i.path}`);
    };
    const resource = (b: Res, type: string): Res => b.entry.find((e: Res) => e.resource.resourceType === type).resource;
    expect(broken((b) => delete resource(b, 'Organization').partOf)).toEqual(['MISSING_VALUE Organization.partOf']);
    expect(
      broken(
        (b) => (resource(b, 'MedicationRequest').medicationCodeableConcept.coding[0].system = 'http://example.org'),
      ),
    ).toEqual(['INVALID_VALUE MedicationRequest[0].medicationCodeableConcept']);
    expect(broken((b) => b.entry.reverse())).toContain('MISSING_VALUE Bundle.entry[0].resource');
    expect(
      broken((b) => (b.entry = b.entry.filter((e: Res) => e.resource.resourceType !== 'MedicationRequest'))),
    ).toContain('TOO_FEW_VALUES_SUBMITTED MedicationRequest');
    // A message that EPS refuses on shape is reported REJECTED with EPS's code.
    const { status, code } = await fetch(`${eps.url}/$process-message`, {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'Bundle' }),
    }).then(async (r) => ({ status: r.status, code: ((await r.json()) as Res).issue[0].details.coding[0].code }));
    expect([status, code]).toEqual([400, 'INVALID_VALUE']);
  });
});
