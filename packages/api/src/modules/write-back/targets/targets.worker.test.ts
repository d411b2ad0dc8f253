import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../platform/config.js';
import {
  HttpWriteBackTarget,
  isSigningSecret,
  signWebhook,
  verifyWebhook,
  webhookBody,
  type WriteBackMessage,
} from './targets.worker.js';

// The Standard Webhooks / Svix reference vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const message: WriteBackMessage = {
  messageId: '01900000-0000-7000-8000-00000000000a',
  deliveryId: '01900000-0000-7000-8000-00000000000b',
  recordId: '01900000-0000-7000-8000-00000000000c',
  kind: 'ENTRY',
  version: 2,
  replacesMessageId: '01900000-0000-7000-8000-000000000009',
  targetOrganisationId: '01900000-0000-7000-8000-00000000000d',
  patient: { id: '01900000-0000-7000-8000-00000000000e', nhsNumber: '9990000018' },
  content: { heading: 'Enterprise Consultation (Hub)', entry: { kind: 'CODED', snomedCode: '22298006', term: 'MI' } },
};

describe('Standard Webhooks signing', () => {
  it('matches the reference vector', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(verifyWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body, `v1,bogus ${VECTOR.signature}`)).toBe(
      true,
    );
    expect(verifyWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp + 1, VECTOR.body, VECTOR.signature)).toBe(false);
  });

  it('accepts only whsec_ secrets of 24-64 bytes', () => {
    expect(isSigningSecret(VECTOR.secret)).toBe(true);
    expect(isSigningSecret('whsec_c2hvcnQ=')).toBe(false);
    expect(isSigningSecret('plain-secret-plain-secret-plain-secret')).toBe(false);
  });
});

describe('HttpWriteBackTarget', () => {
  const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let status = 200;
  let hangMs = 0;
  let url = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      setTimeout(() => res.writeHead(status).end(), hangMs);
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (timeoutMs = 500) =>
    new HttpWriteBackTarget(url, VECTOR.secret, timeoutMs).deliver(message, new AbortController().signal);

  it('POSTs the signed JSON with webhook-id = message id; 2xx acknowledges', async () => {
    status = 204;
    expect(await send()).toEqual({ kind: 'ACKNOWLEDGED' });
    const { headers, body } = seen.at(-1)!;
    expect(headers['webhook-id']).toBe(message.messageId);
    expect(body).toBe(webhookBody(message));
    expect(
      verifyWebhook(
        VECTOR.secret,
        message.messageId,
        Number(headers['webhook-timestamp']),
        body,
        String(headers['webhook-signature']),
      ),
    ).toBe(true);
    expect(JSON.parse(body)).toMatchObject({
      type: 'consultation-entry',
      version: 2,
      replaces: message.replacesMessageId,
      patient: { nhsNumber: '9990000018' },
    });
  });

  it('retries 5xx and 429, gives up on other 4xx, and treats a timeout as unknown', async () => {
    status = 503;
    expect((await send()).kind).toBe('RETRY');
    status = 429;
    expect((await send()).kind).toBe('RETRY');
    status = 410;
    expect(await send()).toEqual({ kind: 'REJECTED', reason: 'target rejected the message: HTTP 410' });
    status = 200;
    hangMs = 300;
    const outcome = await send(100);
    expect(outcome).toEqual({ kind: 'RETRY', reason: 'no acknowledgement within 100 ms (outcome unknown)' });
    hangMs = 0;
  });

  it('answers RETRY when the endpoint is unreachable', async () => {
    const target = new HttpWriteBackTarget('http://127.0.0.1:1/hook', VECTOR.secret, 500);
    expect((await target.deliver(message, new AbortController().signal)).kind).toBe('RETRY');
  });
});

describe('write-back configuration', () => {
  const base = { JWT_SECRET: 'x'.repeat(40) };
  it('has defaults: worker on, 16 in flight, 30 s lease, 8 attempts, 1 s backoff, 14 days of backfill', () => {
    expect(parseConfig(base).writeBack).toEqual({
      worker: true,
      concurrency: 16,
      leaseMs: 30_000,
      maxAttempts: 8,
      backoffMs: 1000,
      timeoutMs: 10_000,
      pollMs: 1000,
      backfillDays: 14,
    });
  });

  it('refuses a lease no longer than the HTTP timeout, naming the variable', () => {
    expect(() => parseConfig({ ...base, WRITE_BACK_LEASE_MS: '5000', WRITE_BACK_TIMEOUT_MS: '5000' })).toThrow(
      /WRITE_BACK_LEASE_MS/,
    );
    expect(() => parseConfig({ ...base, WRITE_BACK_CONCURRENCY: '0' })).toThrow(/WRITE_BACK_CONCURRENCY/);
    expect(parseConfig({ ...base, WRITE_BACK_WORKER: 'false' }).writeBack.worker).toBe(false);
  });
});
