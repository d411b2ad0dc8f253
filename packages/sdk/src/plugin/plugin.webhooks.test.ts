import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  WebhookVerificationError,
  type WebhookFailureReason,
} from './index.js';

const secret = `whsec_${Buffer.from('pcn-hub sdk test secret (not a real one)').toString('base64')}`;
const rotated = generateWebhookSecret();
const now = new Date('2026-03-02T10:00:00Z');
const event = {
  id: 'evt_01J9Z6',
  type: 'inbox.CONSULTATION_ARRIVED',
  occurredAt: '2026-03-02T09:59:58Z',
  organisation: { id: 'T3JnYW5pc2F0aW9uOjE=', odsCode: 'Y99000' },
  subject: { type: 'OnlineConsultation', id: 'T25saW5lQ29uc3VsdGF0aW9uOjE=' },
  data: { consultationId: 'T25saW5lQ29uc3VsdGF0aW9uOjE=', state: 'AWAITING_TRIAGE' },
};
const body = JSON.stringify(event);

function reasonOf(run: () => unknown): WebhookFailureReason | 'none' {
  try {
    run();
    return 'none';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe('verifyWebhook', () => {
  it('accepts a genuine webhook and returns its typed event', () => {
    const headers = signWebhook(body, secret, { id: 'msg_1', timestamp: now });
    expect(verifyWebhook(headers, body, secret, { now })).toEqual(event);
  });

  it('matches the Standard Webhooks signature by hand: HMAC-SHA256 of id.timestamp.body under the decoded secret', () => {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(`msg_2.${timestamp}.${body}`)
      .digest('base64');
    const headers = { 'webhook-id': 'msg_2', 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${expected}` };
    expect(verifyWebhook(headers, Buffer.from(body), [secret], { now }).id).toBe(event.id);
  });

  it('interoperates with the Standard Webhooks reference test vector', () => {
    // The example of the Standard Webhooks specification (secret, id, timestamp, payload and signature).
    const spec = {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      at: new Date(1_614_265_330_000),
    };
    const payload = '{"test": 2432232314}';
    const signed = signWebhook(payload, spec.secret, { id: spec.id, timestamp: spec.at });
    expect(signed['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    // The signature verifies; the payload is then refused only because it is not a pcn-hub event.
    expect(reasonOf(() => verifyWebhook(signed, payload, spec.secret, { now: spec.at }))).toBe('MALFORMED_BODY');
  });

  it('takes headers in any case, as a plain object or a Headers instance', () => {
    const signed = signWebhook(body, secret, { timestamp: now });
    const shouting = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(shouting, body, secret, { now }).type).toBe('inbox.CONSULTATION_ARRIVED');
    expect(verifyWebhook(new Headers(signed), body, secret, { now }).type).toBe('inbox.CONSULTATION_ARRIVED');
  });

  it('accepts during secret rotation: signed with both secrets, verified with either; signed with the new one, verified with the list', () => {
    const both = signWebhook(body, [secret, rotated], { timestamp: now });
    expect(both['webhook-signature'].split(' ')).toHaveLength(2);
    expect(reasonOf(() => verifyWebhook(both, body, secret, { now }))).toBe('none');
    expect(reasonOf(() => verifyWebhook(both, body, rotated, { now }))).toBe('none');
    const newOnly = signWebhook(body, rotated, { timestamp: now });
    expect(reasonOf(() => verifyWebhook(newOnly, body, [secret, rotated], { now }))).toBe('none');
    expect(reasonOf(() => verifyWebhook(newOnly, body, secret, { now }))).toBe('BAD_SIGNATURE');
  });

  it('refuses a wrong secret, a tampered body and a forged signature: BAD_SIGNATURE', () => {
    const headers = signWebhook(body, secret, { timestamp: now });
    expect(reasonOf(() => verifyWebhook(headers, body, generateWebhookSecret(), { now }))).toBe('BAD_SIGNATURE');
    const tampered = body.replace('Y99000', 'Y99011');
    expect(reasonOf(() => verifyWebhook(headers, tampered, secret, { now }))).toBe('BAD_SIGNATURE');
    const forged = { ...headers, 'webhook-signature': 'v1,AAAA v2,whatever' };
    expect(reasonOf(() => verifyWebhook(forged, body, secret, { now }))).toBe('BAD_SIGNATURE');
    // Another message's signature does not carry over (the id is signed).
    expect(reasonOf(() => verifyWebhook({ ...headers, 'webhook-id': 'msg_other' }, body, secret, { now }))).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('refuses stale and future timestamps beyond the tolerance, and accepts within it', () => {
    const old = signWebhook(body, secret, { timestamp: new Date(now.getTime() - 301_000) });
    expect(reasonOf(() => verifyWebhook(old, body, secret, { now }))).toBe('STALE_TIMESTAMP');
    const ahead = signWebhook(body, secret, { timestamp: new Date(now.getTime() + 301_000) });
    expect(reasonOf(() => verifyWebhook(ahead, body, secret, { now }))).toBe('FUTURE_TIMESTAMP');
    const recent = signWebhook(body, secret, { timestamp: new Date(now.getTime() - 299_000) });
    expect(reasonOf(() => verifyWebhook(recent, body, secret, { now }))).toBe('none');
    expect(reasonOf(() => verifyWebhook(recent, body, secret, { now, toleranceSeconds: 60 }))).toBe('STALE_TIMESTAMP');
  });

  it('refuses missing or malformed headers before anything else', () => {
    const headers = signWebhook(body, secret, { timestamp: now });
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _dropped, ...rest } = headers;
      expect(reasonOf(() => verifyWebhook(rest, body, secret, { now }))).toBe('MISSING_HEADERS');
    }
    expect(reasonOf(() => verifyWebhook({ ...headers, 'webhook-timestamp': 'yesterday' }, body, secret, { now }))).toBe(
      'MISSING_HEADERS',
    );
  });

  it('refuses a correctly signed body that is not an event: MALFORMED_BODY', () => {
    for (const bad of [
      'not json',
      JSON.stringify({ ...event, type: 'inbox.UNKNOWN' }),
      JSON.stringify({ ...event, organisation: null }),
    ]) {
      const headers = signWebhook(bad, secret, { timestamp: now });
      expect(reasonOf(() => verifyWebhook(headers, bad, secret, { now }))).toBe('MALFORMED_BODY');
    }
  });
});

describe('verifyWebhookSignature', () => {
  it('checks a signed delivery of another shape (a write-back message) without reading it as an event', () => {
    const writeBack = JSON.stringify({ type: 'consultation-entry', messageId: 'm-1', version: 1 });
    const headers = signWebhook(writeBack, secret, { id: 'm-1', timestamp: now });
    expect(verifyWebhookSignature(headers, writeBack, secret, { now })).toEqual({
      id: 'm-1',
      timestamp: Math.floor(now.getTime() / 1000),
    });
    expect(reasonOf(() => verifyWebhook(headers, writeBack, secret, { now }))).toBe('MALFORMED_BODY');
    expect(reasonOf(() => verifyWebhookSignature(headers, writeBack.replace('m-1', 'm-2'), secret, { now }))).toBe(
      'BAD_SIGNATURE',
    );
    expect(reasonOf(() => verifyWebhookSignature(headers, writeBack, rotated, { now }))).toBe('BAD_SIGNATURE');
  });
});
