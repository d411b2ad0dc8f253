import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestHub, TEST_DATABASES, type TestHub } from '../../test/harness.js';
import { coded, patientAt, recordAndSave } from '../consultations/consultations.testkit.js';
import type { PluginManifest } from '@pcn-hub/schema';
import type { InProcessPlugin, InProcessPluginEvent } from './in-process.worker.js';
import { ENABLE, manifest, ok, REGISTER } from './plugins.testkit.js';

const DELIVERIES = `query ($plugin: ID!) { pluginWebhookDeliveries(pluginId: $plugin, first: 50) { edges { node { state attempts lastError eventType } } } }`;

function plugin(name: string, handle: InProcessPlugin['handle']): InProcessPlugin {
  return {
    manifest: {
      ...manifest({ name, scopes: ['events:read'], events: ['write-back.WRITE_BACK_DELIVERED'] }),
      webhookUrl: null,
    } as unknown as PluginManifest,
    handle,
  };
}

for (const kind of TEST_DATABASES) {
  describe(`in-process plugins [${kind}]`, () => {
    const seen: InProcessPluginEvent[] = [];
    let pending = 0;
    let hub: TestHub & { stop(): Promise<void> };
    const ids = new Map<string, string>();
    beforeAll(async () => {
      hub = await startTestHub(
        kind,
        {
          PLUGIN_WEBHOOK_POLL_MS: '50',
          PLUGIN_WEBHOOK_BACKOFF_MS: '20',
          PLUGIN_WEBHOOK_MAX_ATTEMPTS: '2',
          PLUGIN_WEBHOOK_TIMEOUT_MS: '300',
          WRITE_BACK_POLL_MS: '50',
        },
        {
          inProcessPlugins: [
            plugin('inproc-recorder', async (event) => void seen.push(event)),
            plugin('inproc-failing', async () => {
              throw new Error('plugin bug');
            }),
            plugin('inproc-slow', (_event, signal) => {
              pending += 1;
              return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())).finally(
                () => (pending -= 1),
              );
            }),
          ],
        },
      );
      const list = await ok(hub.gql<any>('{ plugins { id name } }', {}, 'p1.admin'));
      for (const p of list.plugins) ids.set(p.name, p.id);
      for (const name of ['inproc-recorder', 'inproc-failing', 'inproc-slow']) {
        await ok(hub.gql(ENABLE, { input: { pluginId: ids.get(name), enabled: true } }, 'p1.admin'));
      }
    });
    afterAll(() => hub.stop());

    const deliveries = async (name: string) =>
      (await ok(hub.gql<any>(DELIVERIES, { plugin: ids.get(name) }, 'hub.manager'))).pluginWebhookDeliveries.edges.map(
        (e: any) => e.node,
      );

    it('gets frozen, id-only domain events after commit; a failing or slow plugin delays nothing but itself', async () => {
      const first = await recordAndSave(hub, 'hub.anp1', { nhsNumber: patientAt(1, 45), entries: [coded()] });
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(1);
      const [event] = seen;
      expect(Object.isFrozen(event) && Object.isFrozen(event!.data)).toBe(true);
      expect(event).toMatchObject({ type: 'write-back.WRITE_BACK_DELIVERED', organisation: { odsCode: 'Y99011' } });
      expect(JSON.parse(JSON.stringify(event))).toEqual(event); // plain data: no ORM objects, no functions
      expect(first.version).toBe(1);
      // While the slow plugin holds an event, clinicians keep saving and the recorder keeps receiving.
      await expect.poll(() => pending, { timeout: 20_000 }).toBeGreaterThan(0);
      const second = await recordAndSave(hub, 'hub.anp1', { nhsNumber: patientAt(1, 46), entries: [coded()] });
      expect(second.version).toBe(1);
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(2);
      await expect
        .poll(async () => (await deliveries('inproc-failing')).filter((d: any) => d.state === 'DEAD').length, {
          timeout: 20_000,
        })
        .toBe(2);
      expect((await deliveries('inproc-failing'))[0]).toMatchObject({
        attempts: 2,
        lastError: 'Error after 2 attempts',
      });
      await expect
        .poll(async () => (await deliveries('inproc-slow')).filter((d: any) => d.state === 'DEAD').length, {
          timeout: 20_000,
        })
        .toBe(2);
      expect((await deliveries('inproc-slow'))[0].lastError).toBe('TimeoutError after 2 attempts');
    });

    it('cannot be claimed through the API: an in-process address is not a webhook URL', async () => {
      const res = await hub.gql(
        REGISTER,
        {
          input: {
            manifest: manifest({
              webhookUrl: 'inproc://inproc-recorder',
              scopes: ['events:read'],
              events: ['write-back.*'],
            }),
          },
        },
        'hub.manager',
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    });
  });
}
