import { randomUUID } from 'node:crypto';
import { PLUGIN_EVENT_TYPES, type PluginEventType } from '@pcn-hub/schema';
import { newWebhookSecret, webhookSignatureMatches, webhookSigner } from '@pcn-hub/schema/webhooks';

/**
 * One event delivered to a plugin's webhook. Payloads carry ids and codes only: fetch what you
 * need through the API with the plugin's own credentials and scopes.
 */
export interface PluginWebhookEvent<TType extends PluginEventType = PluginEventType> {
  /** The event's id; a redelivery carries the same one, so de-duplicate on it. */
  readonly id: string;
  readonly type: TType;
  /** ISO 8601 time the change happened at the hub. */
  readonly occurredAt: string;
  /** The enabling organisation the event belongs to. */
  readonly organisation: { readonly id: string; readonly odsCode: string };
  /** What changed, e.g. `{ type: 'OnlineConsultation', id: '<global id>' }`. */
  readonly subject: { readonly type: string; readonly id: string };
  /** Ids and codes specific to the event type. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Why a webhook was refused. */
export type WebhookFailureReason =
  'MISSING_HEADERS' | 'STALE_TIMESTAMP' | 'FUTURE_TIMESTAMP' | 'BAD_SIGNATURE' | 'MALFORMED_BODY';

/** The request is not a genuine, fresh webhook from the hub: answer 400/401 and do not act on it. */
export class WebhookVerificationError extends Error {
  /** Which check failed. */
  readonly reason: WebhookFailureReason;

  /** Builds the error for one failed check. */
  constructor(reason: WebhookFailureReason, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}

/** Request headers as a fetch `Headers`, or a plain object such as Node's `IncomingHttpHeaders`. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, either way. Default 300 s (Standard Webhooks' recommendation). */
  readonly toleranceSeconds?: number;
  /** The current time; default `new Date()`. */
  readonly now?: Date;
}

function header(headers: WebhookHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return null;
}

function bodyBytes(body: string | Uint8Array): Buffer {
  return typeof body === 'string'
    ? Buffer.from(body, 'utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function parseEvent(raw: Buffer): PluginWebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('MALFORMED_BODY', 'The body is not JSON');
  }
  const ok =
    isRecord(parsed) &&
    isText(parsed.id) &&
    (PLUGIN_EVENT_TYPES as readonly unknown[]).includes(parsed.type) &&
    isText(parsed.occurredAt) &&
    isRecord(parsed.organisation) &&
    isText(parsed.organisation.id) &&
    isText(parsed.organisation.odsCode) &&
    isRecord(parsed.subject) &&
    isText(parsed.subject.type) &&
    isText(parsed.subject.id) &&
    isRecord(parsed.data);
  if (!ok)
    throw new WebhookVerificationError('MALFORMED_BODY', 'The body is not a pcn-hub plugin event of a known type');
  return parsed as PluginWebhookEvent;
}

/**
 * Verifies a webhook from the hub (Standard Webhooks) and returns its event. Checks, in order:
 * the three `webhook-*` headers are present; the timestamp is within `toleranceSeconds` of now
 * (a replayed old request is refused); one `v1` signature matches an HMAC-SHA256 of
 * `id.timestamp.body` under one of `secrets` (compared in constant time); the body is an event.
 *
 * Pass the body exactly as received (raw bytes or string; re-serialised JSON will not match).
 * During secret rotation pass both secrets: the hub signs with both until the old one is retired.
 * Throws {@link WebhookVerificationError} with a `reason`.
 */
export function verifyWebhook(
  headers: WebhookHeaders,
  body: string | Uint8Array,
  secrets: string | readonly string[],
  options: VerifyWebhookOptions = {},
): PluginWebhookEvent {
  verifyWebhookSignature(headers, body, secrets, options);
  return parseEvent(bodyBytes(body));
}

/**
 * The checks of {@link verifyWebhook} without reading the body as a plugin event: for signed
 * deliveries of other shapes, such as the write-back messages a practice's HTTP target receives.
 * Returns the `webhook-id` (the sender's stable message id) and timestamp; throws
 * {@link WebhookVerificationError} like {@link verifyWebhook}.
 */
export function verifyWebhookSignature(
  headers: WebhookHeaders,
  body: string | Uint8Array,
  secrets: string | readonly string[],
  options: VerifyWebhookOptions = {},
): { readonly id: string; readonly timestamp: number } {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'MISSING_HEADERS',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp))
    throw new WebhookVerificationError('MISSING_HEADERS', 'webhook-timestamp must be unix seconds');
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const age = now - Number(timestamp);
  if (age > tolerance)
    throw new WebhookVerificationError(
      'STALE_TIMESTAMP',
      `The webhook was signed ${age} s ago (tolerance ${tolerance} s)`,
    );
  if (-age > tolerance)
    throw new WebhookVerificationError(
      'FUTURE_TIMESTAMP',
      `The webhook is timestamped ${-age} s ahead (tolerance ${tolerance} s)`,
    );

  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0) throw new TypeError('verifyWebhook needs at least one secret');
  const matched = webhookSignatureMatches(list, id, timestamp, bodyBytes(body), signatures);
  if (!matched) throw new WebhookVerificationError('BAD_SIGNATURE', 'No signature matches the secret(s)');
  return { id, timestamp: Number(timestamp) };
}

/** Headers of a signed webhook, as the hub sends them (a type, not an interface: it fits any header map). */
export type SignedWebhookHeaders = {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

/**
 * Signs a webhook body the way the hub does (one `v1,` signature per secret, space-separated).
 * For tests of a plugin's webhook endpoint; `id` defaults to a random one, `timestamp` to now.
 */
export function signWebhook(
  body: string | Uint8Array,
  secrets: string | readonly string[],
  options: { readonly id?: string; readonly timestamp?: Date } = {},
): SignedWebhookHeaders {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(Math.floor((options.timestamp ?? new Date()).getTime() / 1000));
  const raw = bodyBytes(body);
  const signed = (typeof secrets === 'string' ? [secrets] : secrets).map((secret) =>
    webhookSigner(secret)(id, timestamp, raw),
  );
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signed.join(' ') };
}

/** A fresh random webhook secret in the Standard Webhooks form (`whsec_` + base64 of 32 bytes). For tests. */
export function generateWebhookSecret(): string {
  return newWebhookSecret();
}
