import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook } from '@pcn-hub/sdk/plugin';
import {
  registerTestPlugin,
  startTestHub,
  syntheticNhsNumber,
  type RegisteredTestPlugin,
  type TestHub,
} from '@pcn-hub/sdk/testing';
import { composeReply } from './messaging.compose.js';
import { createHttpMessagingGateway } from './messaging.gateway.js';
import { patientMessagingManifestWith, PATIENT_MESSAGING_PLUGIN_NAME } from './messaging.manifest.js';
import { ReplySender, type ReplyResult } from './messaging.sender.js';
import { createReplyWebhookHandler } from './messaging.webhooks.js';
import { startMessagingGatewayDouble, type MessagingGatewayDouble } from './testing/index.js';

type Res = Record<string, any>;

const SUBMIT = `mutation ($input: SubmitOnlineConsultationInput!) { submitOnlineConsultation(input: $input) { consultationId } }`;
const REPLY = `mutation ($input: ReplyToPatientInput!) { replyToPatient(input: $input) { reply { replyId } } }`;
const REPLIES = `query ($id: ID!) { onlineConsultation(id: $id) { replies { replyId channel status retries errorCode } } }`;
const TEXT = 'Synthetic advice: rest and fluids; call back if worse.';

let hub: TestHub;
let plugin: RegisteredTestPlugin;
let gateway: MessagingGatewayDouble;
let receiver: Server;
let webhookUrl: string;
const secrets: string[] = [];
const results: (ReplyResult['kind'] | 'FAILED')[] = [];
let reference = 0;

/** Submits an online consultation for demo patient `n` (practice Y9901(1 + n % 7)), routed to the hub, with `contact`. */
async function consultation(n: number, contact: Record<string, string>): Promise<string> {
  const patient = syntheticNhsNumber(n);
  const demo = (await hub
    .client('hub.anp1')
    .request(
      `query ($nhs: NHSNumber!) { patient(nhsNumber: $nhs) { givenName familyName dateOfBirth registeredPractice { odsCode } } }`,
      { nhs: patient },
    )) as Res;
  const p = demo.patient;
  const out = (await hub.client('oc.supplier').request(SUBMIT, {
    input: {
      supplier: 'ECONSULT',
      supplierReference: `PM-${process.pid}-${++reference}`,
      originatingPracticeOdsCode: p.registeredPractice.odsCode,
      patient: {
        nhsNumber: patient,
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth,
        ...contact,
      },
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
      answers: [{ questionId: 'q1', question: 'How long?', answer: 'Three days' }],
    },
  })) as Res;
  return out.submitOnlineConsultation.consultationId;
}

async function reply(id: string, input: Record<string, unknown> = {}): Promise<string> {
  const out = (await hub
    .client('hub.anp1')
    .request(REPLY, { input: { consultationId: id, template: 'ADVICE', text: TEXT, ...input } })) as Res;
  return out.replyToPatient.reply.replyId;
}

async function until(id: string, done: (r: Res) => boolean, timeoutMs = 20_000): Promise<Res> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = ((await hub.client('hub.anp1').request(REPLIES, { id })) as Res).onlineConsultation.replies[0] as Res;
    if (done(r) || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  gateway = await startMessagingGatewayDouble();
  let sender: ReplySender | null = null;
  const handler = createReplyWebhookHandler({
    secrets: () => secrets,
    sender: { handle: (event) => sender!.handle(event) },
    onResult: (_event, result) => void results.push(result.kind),
  });
  receiver = createServer(handler.listener);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pcn-hub/replies`;
  hub = await startTestHub({ env: { PLUGIN_WEBHOOK_BACKOFF_MS: '200', PLUGIN_WEBHOOK_POLL_MS: '100' } });
  plugin = await registerTestPlugin(hub, patientMessagingManifestWith({ webhookUrl }), { enableAs: ['hub.manager'] });
  secrets.push(plugin.webhookSecret);
  sender = new ReplySender({
    hub: (ods) => plugin.client(ods),
    gateway: createHttpMessagingGateway({ baseUrl: gateway.url }),
  });
});

afterAll(async () => {
  await hub.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await gateway.close();
});

describe('patient-messaging plugin against a hub and the gateway double', () => {
  it('delivers a reply by SMS with its template, text and link, and the hub shows DELIVERED', async () => {
    const id = await consultation(120, { mobile: '07700 900456' });
    const replyId = await reply(id, { template: 'BOOKING_INVITATION', link: 'https://book.example.nhs.uk/s/1' });
    const status = await until(id, (r) => r.status === 'DELIVERED');
    expect(status).toMatchObject({ replyId, channel: 'SMS', status: 'DELIVERED', retries: 0, errorCode: null });
    const sent = gateway.delivered.filter((m) => m.reference === replyId);
    expect(sent).toEqual([
      {
        reference: replyId,
        channel: 'sms',
        to: '+447700900456',
        body: composeReply({ template: 'BOOKING_INVITATION', text: TEXT, link: 'https://book.example.nhs.uk/s/1' }),
      },
    ]);
    expect(sent[0]!.body).toContain('would like you to book');
  });

  it('retries a gateway outage through the hub, then reports DELIVERED; an e-mail address when no mobile', async () => {
    gateway.failNext(1);
    const id = await consultation(121, { email: 'synthetic.patient@example.org' });
    const replyId = await reply(id);
    const status = await until(id, (r) => r.status === 'DELIVERED');
    expect(status).toMatchObject({ channel: 'EMAIL', status: 'DELIVERED', retries: 1, errorCode: null });
    expect(gateway.delivered.filter((m) => m.reference === replyId)).toHaveLength(1);
    expect(results).toContain('RETRY');
  });

  it("records the gateway's refusal as FAILED with its code, and SENT when the gateway only accepts", async () => {
    gateway.rejectNext('OPTED_OUT');
    const refused = await consultation(122, { mobile: '07700 900457' });
    await reply(refused);
    expect(await until(refused, (r) => r.status === 'FAILED')).toMatchObject({
      status: 'FAILED',
      errorCode: 'OPTED_OUT',
    });
    gateway.acceptOnly(true);
    const accepted = await consultation(123, { mobile: '07700 900458' });
    await reply(accepted);
    expect((await until(accepted, (r) => r.status === 'SENT')).status).toBe('SENT');
    gateway.acceptOnly(false);
    expect(PATIENT_MESSAGING_PLUGIN_NAME).toBe('patient-messaging');
  });

  it('refuses a forged webhook at the endpoint: nothing is read or sent', async () => {
    const before = gateway.statuses.length;
    const body = JSON.stringify({
      id: 'evt_forged',
      type: 'inbox.REPLY_REQUESTED',
      occurredAt: new Date().toISOString(),
      organisation: { id: 'x', odsCode: 'Y99000' },
      subject: { type: 'OnlineConsultation', id: 'x' },
      data: { replyId: 'x' },
    });
    const forged = await fetch(webhookUrl, {
      method: 'POST',
      headers: signWebhook(body, generateWebhookSecret()),
      body,
    });
    expect(forged.status).toBe(401);
    expect(gateway.statuses.length).toBe(before);
  });
});
