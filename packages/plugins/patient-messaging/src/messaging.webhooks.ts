import {
  createForwardingWebhookHandler,
  type ForwardingWebhookHandler,
  type ForwardingWebhookHandling,
  type ForwardingWebhookOptions,
} from '@pcn-hub/sdk/plugin';
import type { ReplyResult } from './messaging.sender.js';

/** Options of {@link createReplyWebhookHandler}: the secrets, the reply sender, an optional result hook. */
export type ReplyWebhookHandlerOptions = ForwardingWebhookOptions<ReplyResult>;

/**
 * What the handler did with one request: 204 sent and reported (or nothing to send); 503 the gateway
 * failed transiently (reported RETRYING: the hub redelivers with backoff); 500 the hub could not be
 * read or told (it redelivers too); 400/401 not a genuine, fresh event from the hub.
 */
export type ReplyWebhookHandling = ForwardingWebhookHandling<ReplyResult>;

/** A webhook endpoint for `inbox.REPLY_REQUESTED` events. */
export type ReplyWebhookHandler = ForwardingWebhookHandler<ReplyResult>;

/**
 * The plugin's webhook endpoint: the SDK's forwarding handler (Standard Webhooks verification, each
 * event to the reply sender once per event id, the hub's delivery queue doing the retrying, so a
 * transient gateway failure is redelivered with backoff until DEAD, shown as UNDELIVERED).
 */
export function createReplyWebhookHandler(options: ReplyWebhookHandlerOptions): ReplyWebhookHandler {
  return createForwardingWebhookHandler(options);
}
