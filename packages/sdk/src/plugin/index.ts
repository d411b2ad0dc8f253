/**
 * `@pcn-hub/sdk/plugin`: declaring a plugin (`definePlugin`, validated exactly as the hub will)
 * and receiving its events (`verifyWebhook` for Standard Webhooks signed by the hub).
 */
export { definePlugin, PluginManifestError, type DefinePluginInput } from './plugin.manifest.js';
export {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  WebhookVerificationError,
  type PluginWebhookEvent,
  type SignedWebhookHeaders,
  type VerifyWebhookOptions,
  type WebhookFailureReason,
  type WebhookHeaders,
} from './plugin.webhooks.js';
export {
  createForwardingWebhookHandler,
  type ForwardingWebhookHandler,
  type ForwardingWebhookHandling,
  type ForwardingWebhookOptions,
  type ForwardResult,
} from './plugin.forwarding.js';
/** The plugin contract, re-exported from `@pcn-hub/schema`: scopes, event types, the manifest and its validation. */
export {
  PLUGIN_EVENT_FAMILIES,
  PLUGIN_EVENT_TYPES,
  PLUGIN_ENTRY_KINDS,
  PLUGIN_SCOPES,
  PLUGIN_SDK_CONTRACT_VERSION,
  eventTypeMatches,
  isPluginScope,
  validatePluginManifest,
  type ManifestIssue,
  type PluginEventType,
  type PluginManifest,
  type PluginScope,
} from '@pcn-hub/schema';
