import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** True for `whsec_` + base64 of 24-64 bytes. */
export function isSigningSecret(secret: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match) return false;
  const bytes = Buffer.from(match[1]!, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/**
 * A signer for one secret (its key decoded once, for senders that sign many messages): Standard
 * Webhooks signatures, `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed by the secret's bytes.
 */
export function webhookSigner(secret: string): (id: string, timestamp: number, body: string) => string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return (id, timestamp, body) =>
    `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Standard Webhooks signature of one message (see {@link webhookSigner}). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  return webhookSigner(secret)(id, timestamp, body);
}

/** The `webhook-signature` header for a set of live secrets (two during a rotation), space-separated. */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, id, timestamp, body)).join(' ');
}

/** Checks a `webhook-signature` header (space-separated list) against the secret. */
export function verifyWebhook(secret: string, id: string, timestamp: number, body: string, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
