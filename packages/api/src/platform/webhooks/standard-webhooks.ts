import {
  isWebhookSecret,
  newWebhookSecret,
  webhookSignatureHeader,
  webhookSignatureMatches,
  webhookSigner,
} from '@pcn-hub/schema/webhooks';

/**
 * The hub's names for Standard Webhooks signing; the one implementation is `@pcn-hub/schema/webhooks`,
 * which the SDK verifies with.
 */
export { webhookSigner };

/** A new Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export const newSigningSecret = newWebhookSecret;

/** True for `whsec_` + base64 of 24-64 bytes. */
export const isSigningSecret = isWebhookSecret;

/** Standard Webhooks signature of one message (see {@link webhookSigner}). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  return webhookSigner(secret)(id, timestamp, body);
}

/** The `webhook-signature` header for a set of live secrets (two during a rotation), space-separated. */
export const signatureHeader = webhookSignatureHeader;

/** Checks a `webhook-signature` header (space-separated list) against the secret. */
export function verifyWebhook(secret: string, id: string, timestamp: number, body: string, header: string): boolean {
  return webhookSignatureMatches([secret], id, timestamp, body, header);
}
