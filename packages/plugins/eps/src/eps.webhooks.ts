import {
  createForwardingWebhookHandler,
  type ForwardingWebhookHandler,
  type ForwardingWebhookHandling,
  type ForwardingWebhookOptions,
} from '@pcn-hub/sdk/plugin';
import type { SendResult } from './eps.sender.js';

/** Options of {@link createEpsWebhookHandler}: the secrets, the EPS sender, an optional result hook. */
export type EpsWebhookHandlerOptions = ForwardingWebhookOptions<SendResult>;

/**
 * What the handler did with one request: 204 sent and reported (or nothing to send); 503 EPS failed
 * transiently (reported RETRYING: the hub redelivers with backoff); 500 the hub could not be read or
 * told (it redelivers too); 400/401 not a genuine, fresh event from the hub.
 */
export type EpsWebhookHandling = ForwardingWebhookHandling<SendResult>;

/** A webhook endpoint for `eps.*` events. */
export type EpsWebhookHandler = ForwardingWebhookHandler<SendResult>;

/**
 * The plugin's webhook endpoint: the SDK's forwarding handler (Standard Webhooks verification, each
 * event to the EPS sender once per event id, the hub's delivery queue doing the retrying, so a
 * transient EPS failure is redelivered with backoff until DEAD, shown as UNDELIVERED).
 */
export function createEpsWebhookHandler(options: EpsWebhookHandlerOptions): EpsWebhookHandler {
  return createForwardingWebhookHandler(options);
}
