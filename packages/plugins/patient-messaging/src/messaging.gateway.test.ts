import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReply } from './messaging.compose.js';
import { createHttpMessagingGateway } from './messaging.gateway.js';
import { startMessagingGatewayDouble, type MessagingGatewayDouble } from './testing/index.js';

let double: MessagingGatewayDouble;
beforeAll(async () => {
  double = await startMessagingGatewayDouble();
});
afterAll(() => double.close());

const sms = (to: string, body = 'Synthetic text') => ({ reference: randomUUID(), channel: 'SMS' as const, to, body });

describe('the HTTP gateway client against the gateway double', () => {
  it('delivers once per reference, refuses malformed messages with the code, and retries an outage', async () => {
    const gateway = createHttpMessagingGateway({ baseUrl: double.url });
    const message = sms('+447700900111');
    expect(await gateway.send(message)).toEqual({ kind: 'DELIVERED' });
    expect(await gateway.send(message)).toEqual({ kind: 'DELIVERED' });
    expect(double.delivered.filter((m) => m.reference === message.reference)).toHaveLength(1);
    expect(await gateway.send(sms('07700900111'))).toEqual({ kind: 'FAILED', code: 'INVALID_MOBILE' });
    expect(await gateway.send(sms('+447700900111', 'x'.repeat(919)))).toEqual({ kind: 'FAILED', code: 'SMS_TOO_LONG' });
    expect(await gateway.send({ ...sms('not-an-address'), channel: 'EMAIL' })).toEqual({
      kind: 'FAILED',
      code: 'INVALID_EMAIL',
    });
    double.failNext(1, 429);
    expect(await gateway.send(sms('+447700900111'))).toEqual({ kind: 'RETRY', code: 'UNAVAILABLE' });
    const down = createHttpMessagingGateway({ baseUrl: 'http://127.0.0.1:9' });
    expect(await down.send(sms('+447700900111'))).toEqual({ kind: 'RETRY', code: 'NETWORK' });
  });

  it('composes the template opening, the text and the link, within six SMS segments for the longest reply', () => {
    const body = composeReply({
      template: 'PHOTO_REQUEST',
      text: 'y'.repeat(800),
      link: `https://up.example.org/${'z'.repeat(20)}`,
    });
    expect(body.split('\n')[0]).toContain('would like a photo');
    expect(body.endsWith('z'.repeat(20))).toBe(true);
    expect(body.length).toBeLessThanOrEqual(918);
  });
});
