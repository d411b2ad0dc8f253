import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook } from '@pcn-hub/sdk/plugin';
import { createWriteBackWebhookHandler, type WriteBackNotice } from './pharmacy.webhooks.js';

const secret = generateWebhookSecret();

const event = (type: string, id = `evt_${Math.random().toString(36).slice(2)}`): string =>
  JSON.stringify({
    id,
    type,
    occurredAt: new Date().toISOString(),
    organisation: { id: 'T3JnYW5pc2F0aW9uOjE', odsCode: 'Y99012' },
    subject: { type: 'WriteBackRecord', id: 'V3JpdGVCYWNrUmVjb3JkOjE' },
    data: { messageId: 'msg-1', state: type.split('.')[1] },
  });

function setup(onDelivered?: (n: WriteBackNotice) => void | Promise<void>) {
  const delivered: WriteBackNotice[] = [];
  const dead: WriteBackNotice[] = [];
  const handler = createWriteBackWebhookHandler({
    secrets: () => [secret],
    onDelivered: onDelivered ?? ((notice) => void delivered.push(notice)),
    onDead: (notice) => void dead.push(notice),
  });
  return { handler, delivered, dead };
}

describe('createWriteBackWebhookHandler', () => {
  it('routes delivered and dead events to their callbacks, once per event id, and ignores the rest', async () => {
    const { handler, delivered, dead } = setup();
    const body = event('write-back.WRITE_BACK_DELIVERED', 'evt_1');
    expect(await handler.handle(signWebhook(body, secret, { id: 'evt_1' }), body)).toEqual({
      status: 204,
      outcome: 'HANDLED',
    });
    // A redelivery of the same event is acknowledged without calling back again.
    expect(await handler.handle(signWebhook(body, secret, { id: 'evt_1' }), body)).toEqual({
      status: 204,
      outcome: 'DUPLICATE',
    });
    const deadBody = event('write-back.WRITE_BACK_DEAD');
    expect((await handler.handle(signWebhook(deadBody, secret), deadBody)).outcome).toBe('HANDLED');
    const pending = event('write-back.WRITE_BACK_PENDING');
    expect((await handler.handle(signWebhook(pending, secret), pending)).outcome).toBe('IGNORED');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      eventId: 'evt_1',
      type: 'WRITE_BACK_DELIVERED',
      practiceOdsCode: 'Y99012',
      messageId: 'msg-1',
    });
    expect(dead.map((n) => n.type)).toEqual(['WRITE_BACK_DEAD']);
  });

  it('refuses a bad signature, a replayed old request and a tampered body before any callback', async () => {
    const { handler, delivered } = setup();
    const body = event('write-back.WRITE_BACK_DELIVERED');
    const forged = await handler.handle(signWebhook(body, generateWebhookSecret()), body);
    expect(forged).toEqual({ status: 401, outcome: 'REJECTED', reason: 'BAD_SIGNATURE' });
    const old = await handler.handle(signWebhook(body, secret, { timestamp: new Date(Date.now() - 3_600_000) }), body);
    expect(old.reason).toBe('STALE_TIMESTAMP');
    const tampered = await handler.handle(signWebhook(body, secret), body.replace('Y99012', 'Y99013'));
    expect(tampered.reason).toBe('BAD_SIGNATURE');
    expect((await handler.handle({}, body)).reason).toBe('MISSING_HEADERS');
    expect(delivered).toEqual([]);
  });

  it('answers 500 when a callback fails, so that the hub redelivers and the callback runs again', async () => {
    let calls = 0;
    const { handler } = setup(() => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
    });
    const body = event('write-back.WRITE_BACK_DELIVERED', 'evt_retry');
    expect(await handler.handle(signWebhook(body, secret, { id: 'evt_retry' }), body)).toEqual({
      status: 500,
      outcome: 'CALLBACK_FAILED',
    });
    expect((await handler.handle(signWebhook(body, secret, { id: 'evt_retry' }), body)).outcome).toBe('HANDLED');
    expect(calls).toBe(2);
  });
});
