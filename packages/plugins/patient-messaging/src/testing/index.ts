/**
 * `@pcn-hub/plugin-patient-messaging/testing`: a local SMS / e-mail gateway double that checks each
 * message and delivers it once per reference. Tests only.
 */
export { startMessagingGatewayDouble, type GatewayMessage, type MessagingGatewayDouble } from './gateway.js';
