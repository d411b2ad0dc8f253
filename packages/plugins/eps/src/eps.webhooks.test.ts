import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, type PluginWebhookEvent } from '@pcn-hub/sdk/plugin';
import type { SendResult } from './eps.sender.js';
import { createEpsWebhookHandler } from './eps.webhooks.js';

const secret = generateWebhookSecret();

const event = (id: string, type = 'eps.EPS_ORDER_REQUESTED'): string =>
  JSON.stringify({
    id,
    type,
    occurredAt: new Date().toISOString(),
    organisation: { id: 'T3JnYW5pc2F0aW9uOjE', odsCode: 'Y99000' },
    subject: { type: 'Prescription', id: 'UHJlc2NyaXB0aW9uOjE' },
    data: {
      prescriptionId: 'UHJlc2NyaXB0aW9uOjE',
      messageId: '0190aaaa-0000-7000-8000-000000000001',
      operation: 'ORDER',
    },
  });

const message = { messageId: 'm', operation: 'ORDER', status: 'ACCEPTED', retries: 0, errorCode: null } as const;

function setup(results: (SendResult | Error)[]) {
  const seen: PluginWebhookEvent[] = [];
  const handler = createEpsWebhookHandler({
    secrets: () => [secret],
    sender: {
      handle: async (e) => {
        seen.push(e);
        const next = results.shift() ?? { kind: 'IGNORED' };
        if (next instanceof Error) throw next;
        return next;
      },
    },
  });
  return { handler, seen };
}

describe('createEpsWebhookHandler', () => {
  it('hands a verified event to the sender once, and acknowledges a redelivery without sending again', async () => {
    const { handler, seen } = setup([{ kind: 'REPORTED', message }]);
    const body = event('evt_1');
    expect(await handler.handle(signWebhook(body, secret, { id: 'evt_1' }), body)).toEqual({
      status: 204,
      outcome: 'REPORTED',
    });
    expect(await handler.handle(signWebhook(body, secret, { id: 'evt_1' }), body)).toEqual({
      status: 204,
      outcome: 'DUPLICATE',
    });
    expect(seen.map((e) => e.id)).toEqual(['evt_1']);
  });

  it('answers 503 for a transient EPS failure and 500 when the hub cannot be reached, so the hub redelivers', async () => {
    const { handler, seen } = setup([
      { kind: 'RETRY', message: { ...message, status: 'RETRYING' } },
      new Error('hub down'),
      { kind: 'REPORTED', message },
    ]);
    const body = event('evt_2');
    expect((await handler.handle(signWebhook(body, secret, { id: 'evt_2' }), body)).status).toBe(503);
    expect((await handler.handle(signWebhook(body, secret, { id: 'evt_2' }), body)).status).toBe(500);
    expect(await handler.handle(signWebhook(body, secret, { id: 'evt_2' }), body)).toEqual({
      status: 204,
      outcome: 'REPORTED',
    });
    expect(seen).toHaveLength(3);
  });

  it('refuses forged, stale and unsigned requests before the sender sees them', async () => {
    const { handler, seen } = setup([]);
    const body = event('evt_3');
    expect(await handler.handle(signWebhook(body, generateWebhookSecret()), body)).toEqual({
      status: 401,
      outcome: 'REJECTED',
      reason: 'BAD_SIGNATURE',
    });
    expect(
      (await handler.handle(signWebhook(body, secret, { timestamp: new Date(Date.now() - 3_600_000) }), body)).reason,
    ).toBe('STALE_TIMESTAMP');
    expect((await handler.handle({}, body)).reason).toBe('MISSING_HEADERS');
    expect(seen).toEqual([]);
  });
});
