/**
 * @pcn-hub/plugin-patient-messaging: delivers the replies hub and practice staff send patients
 * from online consultations, by SMS or e-mail through a gateway, and reports their status to the
 * hub, built on @pcn-hub/sdk alone.
 */
export { composeReply, TEMPLATE_OPENINGS } from './messaging.compose.js';
export type { ReplyView, ReportedReply } from './messaging.documents.js';
export {
  createHttpMessagingGateway,
  type GatewayAnswer,
  type HttpMessagingGatewayOptions,
  type MessagingGateway,
  type OutgoingMessage,
} from './messaging.gateway.js';
export {
  PATIENT_MESSAGING_PLUGIN_NAME,
  patientMessagingManifest,
  patientMessagingManifestWith,
} from './messaging.manifest.js';
export { ReplySender, type ReplyResult, type ReplySenderOptions } from './messaging.sender.js';
export {
  createReplyWebhookHandler,
  type ReplyWebhookHandler,
  type ReplyWebhookHandlerOptions,
  type ReplyWebhookHandling,
} from './messaging.webhooks.js';
