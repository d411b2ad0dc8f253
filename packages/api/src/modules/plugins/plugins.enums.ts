import { MANIFEST_STATES, PLUGIN_STATES, WEBHOOK_DELIVERY_STATES } from './plugins.codes.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const PluginStateEnum = graphqlEnum(PLUGIN_STATES, {
  name: 'PluginState',
  description: 'Whether a plugin may act at all.',
  values: {
    ACTIVE: 'Its keys work for the organisations that enabled it; its webhooks are delivered.',
    SUSPENDED: 'Every key refused and every delivery withheld until a hub manager resumes it.',
  },
});

export const ManifestStateEnum = graphqlEnum(MANIFEST_STATES, {
  name: 'PluginManifestState',
  description: 'Review state of a manifest version.',
  values: {
    APPROVED: 'Governs what the plugin may do (the latest approved version does).',
    PENDING_APPROVAL: 'Asks for scopes not granted before: waits for a hub manager.',
    REJECTED: 'Refused by a hub manager.',
    SUPERSEDED: 'A newer version was submitted before this one was decided.',
  },
});

export const WebhookDeliveryStateEnum = graphqlEnum(WEBHOOK_DELIVERY_STATES, {
  name: 'PluginWebhookDeliveryState',
  description: 'Where one webhook delivery stands.',
  values: {
    PENDING: 'Waiting for its first attempt.',
    RETRYING: 'An attempt failed; another follows after a backoff.',
    DELIVERED: 'The plugin answered 2xx.',
    DEAD: 'Attempts exhausted or refused for good; redrive to try again.',
    WITHHELD: 'Not sent: the plugin no longer may see it (disabled, suspended or scope withdrawn).',
  },
});
