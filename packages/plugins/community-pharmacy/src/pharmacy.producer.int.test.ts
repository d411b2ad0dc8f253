import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHubApiError } from '@pcn-hub/sdk/client';
import { generateWebhookSecret, signWebhook } from '@pcn-hub/sdk/plugin';
import {
  registerTestPlugin,
  startTestHub,
  syntheticNhsNumber,
  type RegisteredTestPlugin,
  type TestHub,
} from '@pcn-hub/sdk/testing';
import { PharmacyConsultationConflictError, PharmacyRecordError } from './pharmacy.errors.js';
import { COMMUNITY_PHARMACY_PLUGIN_NAME, communityPharmacyManifestWith } from './pharmacy.manifest.js';
import { CommunityPharmacyProducer } from './pharmacy.producer.js';
import type { PharmacyConsultationRecord } from './pharmacy.types.js';
import { createWriteBackWebhookHandler, type WriteBackNotice } from './pharmacy.webhooks.js';

/** Demo patient `7k + 1` is registered at practice p2 (Y99012), which enables the plugin for its events. */
const patientOfP2 = (k: number): string => syntheticNhsNumber(7 * k + 1);

const WRITTEN_BACK = `query ($nhsNumber: NHSNumber!) {
  patient(nhsNumber: $nhsNumber) { writtenBackEntries { sourceProduct entryKind snomedCode term text dmdCode heading archived fromHub } }
}`;

let hub: TestHub;
let plugin: RegisteredTestPlugin;
let producer: CommunityPharmacyProducer;
let receiver: Server;
let webhookUrl: string;
const secrets: string[] = [];
const notices: WriteBackNotice[] = [];

const record = (
  nhsNumber: string,
  consultationId: string,
  overrides: Partial<PharmacyConsultationRecord> = {},
): PharmacyConsultationRecord => ({
  consultationId,
  nhsNumber,
  pharmacy: { odsCode: 'FA123', name: 'Riverside Pharmacy' },
  pharmacist: { name: 'Jordan Reed', gphcNumber: '2071234' },
  consultedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  condition: 'ACUTE_OTITIS_MEDIA',
  outcome: 'MEDICINE_SUPPLIED',
  advice: 'Paracetamol for pain; see the GP if no better in 3 days.',
  supply: {
    dmdCode: '39732311000001104',
    name: 'Amoxicillin 250mg capsules',
    dose: 'One three times a day',
    quantity: '15 capsule',
  },
  ...overrides,
});

/** The practice record of a patient as the registered practice's GP sees it: the plugin's entries only. */
async function practiceRecord(nhsNumber: string) {
  const data = await hub.client('p2.gp').request(WRITTEN_BACK, { nhsNumber });
  const entries = (data.patient as { writtenBackEntries: Record<string, unknown>[] }).writtenBackEntries;
  return entries.filter((entry) => entry.sourceProduct === COMMUNITY_PHARMACY_PLUGIN_NAME && entry.archived === false);
}

async function until<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  // The receiver must exist first: its URL goes into the manifest; the secret arrives with registration.
  const handler = createWriteBackWebhookHandler({
    secrets: () => secrets,
    onDelivered: (notice) => void notices.push(notice),
  });
  receiver = createServer(handler.listener);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pcn-hub/webhooks`;
  hub = await startTestHub();
  plugin = await registerTestPlugin(hub, communityPharmacyManifestWith({ webhookUrl }), {
    enableAs: ['hub.manager', 'p2.admin'],
  });
  secrets.push(plugin.webhookSecret);
  producer = new CommunityPharmacyProducer(plugin.client('Y99000'));
});

afterAll(async () => {
  await hub.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('CommunityPharmacyProducer against a hub', () => {
  it('writes a pharmacy consultation back to the registered practice exactly once, resent or not, with the plugin as its source', async () => {
    const nhsNumber = patientOfP2(1);
    const consultation = record(nhsNumber, 'PF-0001');
    const first = await producer.record(consultation);
    expect(first).toMatchObject({
      pharmacyConsultationId: 'PF-0001',
      version: 1,
      sourceProduct: COMMUNITY_PHARMACY_PLUGIN_NAME,
    });
    expect(first.writeBack.entries.map((entry) => entry.targetOdsCode)).toEqual(['Y99012', 'Y99012', 'Y99012']);

    // The pharmacy system resends (a timeout on its side, a restart): the hub returns the first.
    const resent = await producer.record({ ...consultation });
    expect(resent.consultationId).toBe(first.consultationId);
    expect(resent.version).toBe(1);

    const status = await producer.waitForWriteBack(first.consultationId);
    expect(status).toMatchObject({ state: 'DELIVERED', delivered: true, settled: true });

    const entries = await practiceRecord(nhsNumber);
    expect(entries).toHaveLength(3);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entryKind: 'CODED',
          snomedCode: '3110003',
          term: 'Acute otitis media',
          fromHub: true,
        }),
        expect.objectContaining({ entryKind: 'MEDICATION', dmdCode: '39732311000001104' }),
        expect.objectContaining({ entryKind: 'NOTE', text: expect.stringContaining('Advice: Paracetamol for pain') }),
      ]),
    );
    expect(entries[0]!.heading).toContain('Riverside Pharmacy (FA123)');

    const explained = await producer.explain(first.writeBack.entries[0]!.entryId);
    expect(explained).toMatchObject({
      willWriteBack: true,
      state: 'DELIVERED',
      sourceProduct: COMMUNITY_PHARMACY_PLUGIN_NAME,
      targetOrganisation: { odsCode: 'Y99012' },
    });

    // The hub's webhook reached the local receiver, verified, for each delivered entry of this consultation.
    const messageIds = status.entries.map((entry) => entry.messageId);
    const ours = await until(
      () => notices.filter((notice) => messageIds.includes(notice.messageId)),
      (found) => found.length === 3,
    );
    expect(ours).toHaveLength(3);
    expect(ours.every((notice) => notice.type === 'WRITE_BACK_DELIVERED' && notice.practiceOdsCode === 'Y99012')).toBe(
      true,
    );
  });

  it('refuses a resend with changed content, and a record the mapper rejects never reaches the hub', async () => {
    const nhsNumber = patientOfP2(2);
    const advice = record(nhsNumber, 'PF-0002', { outcome: 'SELF_CARE_ADVICE', supply: null });
    await producer.record(advice);
    await expect(producer.record({ ...advice, advice: 'Changed advice.' })).rejects.toBeInstanceOf(
      PharmacyConsultationConflictError,
    );

    let calls = 0;
    const counting = new CommunityPharmacyProducer(
      plugin.client('Y99000', { fetch: (...args: Parameters<typeof fetch>) => ((calls += 1), fetch(...args)) }),
    );
    await expect(counting.record(record(nhsNumber, 'PF-0003', { nhsNumber: '9990000084' }))).rejects.toBeInstanceOf(
      PharmacyRecordError,
    );
    expect(calls).toBe(0);
  });

  it('passes the hub refusal of a patient outside the PCN through as a typed error without patient data', async () => {
    // A valid synthetic NHS number that the demo PCN does not hold.
    const stranger = syntheticNhsNumber(800_000);
    const error: unknown = await producer.record(record(stranger, 'PF-0004')).catch((e: unknown) => e);
    expect(isHubApiError(error)).toBe(true);
    expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain((error as { code: string }).code);
    expect((error as Error).message).not.toContain(stranger);
  });

  it("rejects a webhook that is not signed with the plugin's secret at the receiver", async () => {
    const body = JSON.stringify({
      id: 'evt_forged',
      type: 'write-back.WRITE_BACK_DELIVERED',
      occurredAt: new Date().toISOString(),
      organisation: { id: 'x', odsCode: 'Y99012' },
      subject: { type: 'WriteBackRecord', id: 'x' },
      data: { messageId: 'forged' },
    });
    const forged = await fetch(webhookUrl, {
      method: 'POST',
      headers: signWebhook(body, generateWebhookSecret()),
      body,
    });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(webhookUrl, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(notices.some((notice) => notice.eventId === 'evt_forged' || notice.messageId === 'forged')).toBe(false);
  });
});
