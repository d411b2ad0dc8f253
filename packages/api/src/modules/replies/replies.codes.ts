/**
 * Coded values of replies to patients (docs/domain/workflows.md#replies-to-patients). The GraphQL
 * enums mirror these.
 */

/** The reply templates staff choose from; the free text completes them. */
export const REPLY_TEMPLATES = [
  'ADVICE',
  'SELF_CARE',
  'BOOKING_INVITATION',
  'PHOTO_REQUEST',
  'FURTHER_INFORMATION',
] as const;
export type ReplyTemplate = (typeof REPLY_TEMPLATES)[number];

/** How a reply reaches the patient: the channel the patient gave with the consultation. */
export const REPLY_CHANNELS = ['SMS', 'EMAIL'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/**
 * Where a reply is. QUEUED: waiting for the patient-messaging plugin. RETRYING: the gateway failed
 * transiently, the hub redelivers. SENT: the gateway took it. DELIVERED: the gateway reports it
 * reached the patient. FAILED: the gateway refused it (terminal). UNDELIVERED: the hub gave up
 * reaching the plugin (its webhook delivery is DEAD or WITHHELD).
 */
export const REPLY_STATUSES = ['QUEUED', 'RETRYING', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** What the plugin may report. */
export const REPLY_OUTCOMES = ['RETRYING', 'SENT', 'DELIVERED', 'FAILED'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

/** Where each reported outcome may come from: DELIVERED and FAILED are terminal. */
export const REPLY_MOVES: Readonly<Record<ReplyOutcome, readonly ReplyStatus[]>> = {
  RETRYING: ['QUEUED', 'RETRYING', 'UNDELIVERED'],
  SENT: ['QUEUED', 'RETRYING', 'UNDELIVERED'],
  DELIVERED: ['QUEUED', 'RETRYING', 'SENT', 'UNDELIVERED'],
  FAILED: ['QUEUED', 'RETRYING', 'SENT', 'UNDELIVERED'],
};

/** Longest free text and link together (six SMS segments of 153 characters, less room for the template's opening). */
export const MAX_REPLY_TEXT = 800;
/** Longest link. */
export const MAX_REPLY_LINK = 500;
