/**
 * Standard Webhooks signing (https://www.standardwebhooks.com/), the one implementation the hub (its
 * plugin webhooks and HTTP write-back target) and the SDK (verifying them) share. Node only: import
 * it as `@pcn-hub/schema/webhooks`, never from the package's browser-safe index.
 *
 * A signature is `v1,` + base64 of HMAC-SHA256 over `id.timestamp.body`, keyed by the secret's bytes
 * (`whsec_` + base64); a `webhook-signature` header lists one per live secret, space-separated.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** True for `whsec_` + base64 of 24-64 bytes (what the hub issues and accepts). */
export function isWebhookSecret(secret: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match) return false;
  const bytes = Buffer.from(match[1]!, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/** The HMAC key of a secret (`whsec_` optional); throws a TypeError for one with no bytes. */
export function webhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new TypeError('A webhook secret is "whsec_" followed by base64');
  return key;
}

function signatureBytes(key: Buffer, id: string, timestamp: number | string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** A signer for one secret, its key decoded once (for senders that sign many messages). */
export function webhookSigner(
  secret: string,
): (id: string, timestamp: number | string, body: string | Uint8Array) => string {
  const key = webhookKey(secret);
  return (id, timestamp, body) => `v1,${signatureBytes(key, id, timestamp, body).toString('base64')}`;
}

/** The `webhook-signature` header for the live secrets (two during a rotation). */
export function webhookSignatureHeader(
  secrets: readonly string[],
  id: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  return secrets.map((secret) => webhookSigner(secret)(id, timestamp, body)).join(' ');
}

/**
 * True when one `v1` signature of `header` matches `id.timestamp.body` under one of `secrets`.
 * Every candidate is compared (no early exit), each in constant time. Checks the signature only:
 * the caller checks the timestamp's age.
 */
export function webhookSignatureMatches(
  secrets: readonly string[],
  id: string,
  timestamp: number | string,
  body: string | Uint8Array,
  header: string,
): boolean {
  if (secrets.length === 0) throw new TypeError('Checking a webhook signature needs at least one secret');
  const offered = header
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  let matched = false;
  for (const secret of secrets) {
    const expected = signatureBytes(webhookKey(secret), id, timestamp, body);
    for (const candidate of offered) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  return matched;
}
