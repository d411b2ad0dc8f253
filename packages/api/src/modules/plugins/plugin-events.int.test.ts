import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { wsClient } from '../../test/ws-client.js';
import { coded, patientAt, recordAndSave } from '../consultations/consultations.testkit.js';
import { ok, registerPlugin, REVOKE_KEY } from './plugins.testkit.js';

const QUERY =
  'subscription { writeBackEvents(organisation: "Y99011") { __typename ... on WriteBackEvent { seq state } } }';

describeEachDatabase(
  'plugin subscriptions',
  (hub) => {
    it('streams events to a plugin key with events:read, and stops at once when the key is revoked', async () => {
      const plugin = await registerPlugin(hub(), { scopes: ['events:read'] }, ['p1.admin']);
      const client = wsClient(hub().app.url, { authorization: `Bearer ${plugin.key}`, organisation: 'Y99011' });
      const seen: { __typename: string; state?: string }[] = [];
      const errors: unknown[] = [];
      let completed = false;
      try {
        client.subscribe<{ writeBackEvents: (typeof seen)[number] }>(
          { query: QUERY },
          {
            next: (r) => (r.data ? seen.push(r.data.writeBackEvents) : errors.push(r.errors)),
            error: (e) => errors.push(e),
            complete: () => (completed = true),
          },
        );
        await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 56), entries: [coded()] });
        await expect
          .poll(() => seen.filter((m) => m.state === 'DELIVERED').length, { timeout: 15_000 })
          .toBeGreaterThan(0);
        await ok(hub().gql(REVOKE_KEY, { input: { keyId: plugin.keyId } }, 'hub.manager'));
        const before = seen.length;
        await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 57), entries: [coded()] });
        // The next event finds the key revoked: the stream ends with FORBIDDEN instead of delivering it.
        await expect.poll(() => completed || errors.length > 0, { timeout: 15_000 }).toBe(true);
        expect(seen.filter((m) => m.__typename === 'WriteBackEvent').length).toBe(before);
        expect(JSON.stringify(errors)).toContain('FORBIDDEN');
      } finally {
        await client.dispose();
      }
    });

    it('refuses a plugin without events:read at subscribe time, and a revoked key at connection', async () => {
      const plugin = await registerPlugin(hub(), { scopes: ['consultations:read'] }, ['p1.admin']);
      const subscribe = (key: string) =>
        new Promise<string>((resolve) => {
          const client = wsClient(hub().app.url, { authorization: key, organisation: 'Y99011' });
          client.subscribe(
            { query: QUERY },
            {
              next: (r) => resolve(JSON.stringify(r.errors ?? r.data)),
              error: (e) =>
                resolve(
                  e instanceof Error
                    ? e.message
                    : `${(e as { code?: number }).code ?? ''} ${(e as { reason?: string }).reason ?? ''}`,
                ),
              complete: () => resolve('complete'),
            },
          );
        }).finally(() => undefined);
      expect(await subscribe(plugin.key)).toContain('FORBIDDEN');
      await ok(hub().gql(REVOKE_KEY, { input: { keyId: plugin.keyId } }, 'hub.manager'));
      expect(await subscribe(plugin.key)).toMatch(/4401|Unauthorized/);
    });
  },
  { WRITE_BACK_POLL_MS: '50', PLUGIN_WEBHOOK_WORKER: 'false' },
);
