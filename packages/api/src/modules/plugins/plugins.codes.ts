/** A plugin's standing in its PCN: SUSPENDED stops every key and every delivery at once. */
export const PLUGIN_STATES = ['ACTIVE', 'SUSPENDED'] as const;
export type PluginState = (typeof PLUGIN_STATES)[number];

/** A manifest version: the first is approved on registration; later ones asking for more scopes wait for a hub manager. */
export const MANIFEST_STATES = ['APPROVED', 'PENDING_APPROVAL', 'REJECTED', 'SUPERSEDED'] as const;
export type ManifestState = (typeof MANIFEST_STATES)[number];

/** A webhook delivery of one event to one plugin. */
export const WEBHOOK_DELIVERY_STATES = ['PENDING', 'RETRYING', 'DELIVERED', 'DEAD', 'WITHHELD'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** API keys: `pcnhub_<key id>_<secret>`; the id is public (it finds the row), the secret is stored as SHA-256. */
export const API_KEY_PREFIX = 'pcnhub_';
