import { registerEnumType } from 'type-graphql';
import { MANIFEST_STATES, PLUGIN_STATES, WEBHOOK_DELIVERY_STATES } from './plugins.codes.js';
import { enumOf } from '../../platform/graphql/enums.js';

export const PluginStateEnum = enumOf(PLUGIN_STATES);
registerEnumType(PluginStateEnum, {
  name: 'PluginState',
  description: 'Whether a plugin may act at all.',
  valuesConfig: {
    ACTIVE: { description: 'Its keys work for the organisations that enabled it; its webhooks are delivered.' },
    SUSPENDED: { description: 'Every key refused and every delivery withheld until a hub manager resumes it.' },
  },
});

export const ManifestStateEnum = enumOf(MANIFEST_STATES);
registerEnumType(ManifestStateEnum, {
  name: 'PluginManifestState',
  description: 'Review state of a manifest version.',
  valuesConfig: {
    APPROVED: { description: 'Governs what the plugin may do (the latest approved version does).' },
    PENDING_APPROVAL: { description: 'Asks for scopes not granted before: waits for a hub manager.' },
    REJECTED: { description: 'Refused by a hub manager.' },
    SUPERSEDED: { description: 'A newer version was submitted before this one was decided.' },
  },
});

export const WebhookDeliveryStateEnum = enumOf(WEBHOOK_DELIVERY_STATES);
registerEnumType(WebhookDeliveryStateEnum, {
  name: 'PluginWebhookDeliveryState',
  description: 'Where one webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt.' },
    RETRYING: { description: 'An attempt failed; another follows after a backoff.' },
    DELIVERED: { description: 'The plugin answered 2xx.' },
    DEAD: { description: 'Attempts exhausted or refused for good; redrive to try again.' },
    WITHHELD: { description: 'Not sent: the plugin no longer may see it (disabled, suspended or scope withdrawn).' },
  },
});
