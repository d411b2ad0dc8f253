/**
 * `@pcn-hub/sdk`: for vendors integrating with pcn-hub. The typed client (also at
 * `@pcn-hub/sdk/client`), the plugin helpers (also at `@pcn-hub/sdk/plugin`) and the hub's error
 * codes. The in-process test hub is only at `@pcn-hub/sdk/testing`, so production code never
 * loads it.
 */
export * from './client/index.js';
// The hub's own identifier checks (docs/domain/identifiers.md), so a plugin validates input exactly as
// the hub will without depending on anything but the SDK.
export {
  isValidDmdCode,
  isValidNhsNumber,
  isValidOdsCode,
  isValidShortFormPrescriptionId,
  isValidSnomedConceptId,
  isValidVerhoeff,
} from '@pcn-hub/schema';
// Named, not `export *`: a generated GraphQL type of the same name (the schema may grow a
// `PluginEventType` enum) then yields to the plugin contract here; both stay importable from
// their own entry points.
export {
  definePlugin,
  eventTypeMatches,
  generateWebhookSecret,
  isPluginScope,
  PLUGIN_ENTRY_KINDS,
  PLUGIN_EVENT_FAMILIES,
  PLUGIN_EVENT_TYPES,
  PLUGIN_SCOPES,
  PLUGIN_SDK_CONTRACT_VERSION,
  PluginManifestError,
  signWebhook,
  validatePluginManifest,
  verifyWebhook,
  WebhookVerificationError,
  type DefinePluginInput,
  type ManifestIssue,
  type PluginEventType,
  type PluginManifest,
  type PluginScope,
  type PluginWebhookEvent,
  type SignedWebhookHeaders,
  type VerifyWebhookOptions,
  type WebhookFailureReason,
  type WebhookHeaders,
} from './plugin/index.js';
/** The codes of `extensions.code` in the hub's errors (and of {@link HubApiError.code}). */
export { ERROR_CODES, isErrorCode, type ErrorCode } from '@pcn-hub/schema';
