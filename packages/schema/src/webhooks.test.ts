import { describe, expect, it } from 'vitest';
import {
  isWebhookSecret,
  newWebhookSecret,
  webhookSignatureHeader,
  webhookSignatureMatches,
  webhookSigner,
} from './webhooks.js';

// The Standard Webhooks specification's published example.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signing', () => {
  it("signs the specification's example exactly", () => {
    expect(webhookSigner(SPEC.secret)(SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
    expect(webhookSigner(SPEC.secret)(SPEC.id, String(SPEC.timestamp), Buffer.from(SPEC.body))).toBe(SPEC.signature);
  });

  it('lists one signature per live secret and matches any of them', () => {
    const other = newWebhookSecret();
    const header = webhookSignatureHeader([SPEC.secret, other], SPEC.id, SPEC.timestamp, SPEC.body);
    expect(header.split(' ')).toHaveLength(2);
    expect(webhookSignatureMatches([other], SPEC.id, SPEC.timestamp, SPEC.body, header)).toBe(true);
    expect(webhookSignatureMatches([SPEC.secret], SPEC.id, SPEC.timestamp, SPEC.body, SPEC.signature)).toBe(true);
  });

  it('refuses another body, id, timestamp or secret, and a header without v1 signatures', () => {
    const check = (body: string, id = SPEC.id, timestamp = SPEC.timestamp, secret = SPEC.secret) =>
      webhookSignatureMatches([secret], id, timestamp, body, SPEC.signature);
    expect(check('{"test": 2432232315}')).toBe(false);
    expect(check(SPEC.body, 'msg_other')).toBe(false);
    expect(check(SPEC.body, SPEC.id, SPEC.timestamp + 1)).toBe(false);
    expect(check(SPEC.body, SPEC.id, SPEC.timestamp, newWebhookSecret())).toBe(false);
    expect(webhookSignatureMatches([SPEC.secret], SPEC.id, SPEC.timestamp, SPEC.body, 'v2,abc x')).toBe(false);
    expect(() => webhookSignatureMatches([], SPEC.id, SPEC.timestamp, SPEC.body, SPEC.signature)).toThrow(TypeError);
  });

  it('issues secrets of 32 bytes and recognises the accepted form', () => {
    expect(isWebhookSecret(newWebhookSecret())).toBe(true);
    expect(isWebhookSecret(SPEC.secret)).toBe(true);
    expect(isWebhookSecret('whsec_c2hvcnQ=')).toBe(false);
    expect(isWebhookSecret('secret')).toBe(false);
  });
});
