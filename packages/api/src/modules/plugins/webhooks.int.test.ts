import { expect, it } from 'vitest';
import { describeEachDatabase, type TestHub } from '../../test/harness.js';
import { coded, patientAt, recordAndSave } from '../consultations/consultations.testkit.js';
import { fromGlobalId } from '../../platform/graphql/relay.js';
import { verifyWebhook } from '../../platform/webhooks/standard-webhooks.js';
import { asPlugin, ENABLE, ok, registerPlugin, webhookReceiver } from './plugins.testkit.js';

const DELIVERIES = `query ($plugin: ID!, $state: PluginWebhookDeliveryState) { pluginWebhookDeliveries(pluginId: $plugin, state: $state, first: 50) { edges { node { id webhookId eventType state attempts lastError lastStatus } } } }`;
const REDRIVE = `mutation ($input: RedrivePluginWebhookDeliveryInput!) { redrivePluginWebhookDelivery(input: $input) { delivery { state attempts } } }`;
const ROTATE_SECRET = `mutation ($input: RotatePluginWebhookSecretInput!) { rotatePluginWebhookSecret(input: $input) { webhookSecret } }`;

const WEBHOOK_SCOPES = ['events:read', 'consultations:read'];

async function deliveries(hub: TestHub, pluginId: string, state?: string) {
  const out = await ok(hub.gql<any>(DELIVERIES, { plugin: pluginId, state: state ?? null }, 'hub.manager'));
  return out.pluginWebhookDeliveries.edges.map((e: any) => e.node) as {
    id: string;
    webhookId: string;
    eventType: string;
    state: string;
    attempts: number;
    lastError: string | null;
  }[];
}

const receiver = webhookReceiver();

describeEachDatabase(
  'plugin webhooks',
  (hub) => {
    it('delivers subscribed events signed with Standard Webhooks, once per event, only for enabling organisations', async () => {
      const path = `/ok-${hub().kind}`;
      const plugin = await registerPlugin(
        hub(),
        { scopes: WEBHOOK_SCOPES, events: ['write-back.WRITE_BACK_DELIVERED'], webhookUrl: receiver.url + path },
        ['p1.admin'],
      );
      await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 50), entries: [coded()] });
      // Registered at practice 2, which did not enable the plugin: never delivered.
      await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(2, 50), entries: [coded()] });
      await expect.poll(() => receiver.at(path).length, { timeout: 20_000 }).toBe(1);
      const [hit] = receiver.at(path);
      const body = JSON.parse(hit!.body);
      expect(body).toMatchObject({
        type: 'write-back.WRITE_BACK_DELIVERED',
        organisation: { odsCode: 'Y99011' },
        subject: { type: 'WriteBackRecord' },
      });
      expect(hit!.headers['webhook-id']).toBe(body.id);
      const timestamp = Number(hit!.headers['webhook-timestamp']);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(
        verifyWebhook(plugin.webhookSecret, body.id, timestamp, hit!.body, String(hit!.headers['webhook-signature'])),
      ).toBe(true);
      expect(
        verifyWebhook(
          plugin.webhookSecret,
          body.id,
          timestamp,
          hit!.body.replace('Y99011', 'Y99012'),
          String(hit!.headers['webhook-signature']),
        ),
      ).toBe(false);
      expect(JSON.stringify(body)).not.toMatch(/\b\d{10}\b/); // ids and codes only: no NHS number
      expect(fromGlobalId(body.data.entryId)?.type).toBe('HubConsultationEntry');
      expect(fromGlobalId(body.data.consultationId)?.type).toBe('HubConsultation');
      // The receiver answers before the worker records the outcome: wait for the record.
      await expect
        .poll(async () => (await deliveries(hub(), plugin.id)).map((d) => d.state), { timeout: 10_000 })
        .toEqual(['DELIVERED']);
      const listed = await deliveries(hub(), plugin.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ state: 'DELIVERED', attempts: 1, webhookId: body.id });
    });

    it('retries with backoff, dead-letters after the attempts, and redrives', async () => {
      const path = `/failing-${hub().kind}`;
      receiver.status.set(path, 500);
      const plugin = await registerPlugin(
        hub(),
        { scopes: WEBHOOK_SCOPES, events: ['write-back.WRITE_BACK_DELIVERED'], webhookUrl: receiver.url + path },
        ['p1.admin'],
      );
      await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 51), entries: [coded()] });
      await expect.poll(async () => (await deliveries(hub(), plugin.id, 'DEAD')).length, { timeout: 20_000 }).toBe(1);
      const [dead] = await deliveries(hub(), plugin.id, 'DEAD');
      expect(dead).toMatchObject({ attempts: 3, lastError: 'HTTP 500 after 3 attempts' });
      expect(receiver.at(path)).toHaveLength(3);
      expect(new Set(receiver.at(path).map((r) => r.headers['webhook-id']))).toEqual(new Set([dead!.webhookId]));
      receiver.status.set(path, 204);
      // The plugin itself may redrive its dead letters.
      const redriven = await ok(
        asPlugin(hub(), plugin.key, 'Y99011')<any>(REDRIVE, { input: { deliveryId: dead!.id } }),
      );
      expect(redriven.redrivePluginWebhookDelivery.delivery.state).toBe('PENDING');
      await expect
        .poll(async () => (await deliveries(hub(), plugin.id, 'DELIVERED')).length, { timeout: 20_000 })
        .toBe(1);
      expect(receiver.at(path)).toHaveLength(4);
    });

    it('withholds what a plugin may no longer see: disabled by the organisation before the retry', async () => {
      const path = `/withheld-${hub().kind}`;
      receiver.status.set(path, 503);
      const plugin = await registerPlugin(
        hub(),
        { scopes: WEBHOOK_SCOPES, events: ['write-back.*'], webhookUrl: receiver.url + path },
        ['p1.admin'],
      );
      await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 52), entries: [coded()] });
      await expect.poll(() => receiver.at(path).length, { timeout: 20_000 }).toBeGreaterThan(0);
      await ok(hub().gql(ENABLE, { input: { pluginId: plugin.id, enabled: false } }, 'p1.admin'));
      await expect
        .poll(
          async () => (await deliveries(hub(), plugin.id)).every((d) => d.state === 'WITHHELD' || d.state === 'DEAD'),
          { timeout: 20_000 },
        )
        .toBe(true);
      const withheld = await deliveries(hub(), plugin.id, 'WITHHELD');
      expect(withheld.length).toBeGreaterThan(0);
      expect(withheld[0]!.lastError).toBe('organisation disabled the plugin');
    });

    it('signs with both secrets during a rotation', async () => {
      const path = `/rotating-${hub().kind}`;
      const plugin = await registerPlugin(
        hub(),
        { scopes: WEBHOOK_SCOPES, events: ['write-back.WRITE_BACK_DELIVERED'], webhookUrl: receiver.url + path },
        ['p1.admin'],
      );
      const rotated = await ok(
        hub().gql<any>(ROTATE_SECRET, { input: { pluginId: plugin.id, overlapMinutes: 30 } }, 'hub.manager'),
      );
      const newSecret = rotated.rotatePluginWebhookSecret.webhookSecret as string;
      await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 53), entries: [coded()] });
      await expect.poll(() => receiver.at(path).length, { timeout: 20_000 }).toBe(1);
      const [hit] = receiver.at(path);
      const signature = String(hit!.headers['webhook-signature']);
      expect(signature.split(' ')).toHaveLength(2);
      const args = [
        String(hit!.headers['webhook-id']),
        Number(hit!.headers['webhook-timestamp']),
        hit!.body,
        signature,
      ] as const;
      expect(verifyWebhook(plugin.webhookSecret, ...args)).toBe(true);
      expect(verifyWebhook(newSecret, ...args)).toBe(true);
    });

    it('never holds up the clinical transaction: a plugin that does not answer delays only its own deliveries', async () => {
      const path = `/hanging-${hub().kind}`;
      receiver.status.set(path, 'hang');
      const heldBefore = receiver.held;
      await registerPlugin(
        hub(),
        { scopes: WEBHOOK_SCOPES, events: ['write-back.*'], webhookUrl: receiver.url + path },
        ['p1.admin'],
      );
      await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 54), entries: [coded()] });
      await expect.poll(() => receiver.held, { timeout: 20_000 }).toBeGreaterThan(heldBefore);
      // While its webhook hangs, clinicians keep saving.
      const saved = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 55), entries: [coded()] });
      expect(saved.version).toBe(1);
    });
  },
  {
    PLUGIN_WEBHOOK_POLL_MS: '50',
    PLUGIN_WEBHOOK_BACKOFF_MS: '20',
    PLUGIN_WEBHOOK_MAX_ATTEMPTS: '3',
    PLUGIN_WEBHOOK_TIMEOUT_MS: '1000',
    WRITE_BACK_POLL_MS: '50',
  },
);
