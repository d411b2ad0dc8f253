/**
 * @pcn-hub/plugin-eps: sends the hub's EPS messages (the prescription-order of an issued hub
 * prescription, the prescription-order-update of its cancellation) to the Electronic Prescription
 * Service and reports what EPS answered, built on @pcn-hub/sdk alone.
 */
export { createEpsHttpService, type EpsAnswer, type EpsHttpServiceOptions, type EpsService } from './eps.client.js';
export type { ReportedMessage } from './eps.documents.js';
export { EPS_PLUGIN_NAME, epsManifest, epsManifestWith } from './eps.manifest.js';
export { EpsSender, type EpsSenderOptions, type SendResult } from './eps.sender.js';
export {
  createEpsWebhookHandler,
  type EpsWebhookHandler,
  type EpsWebhookHandlerOptions,
  type EpsWebhookHandling,
} from './eps.webhooks.js';
