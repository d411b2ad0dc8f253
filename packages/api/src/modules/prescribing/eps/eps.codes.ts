/**
 * Coded values of the EPS outbox (docs/domain/workflows.md#eps-messages): which message, and where
 * it is. The GraphQL enums mirror these.
 */

/** What an EPS message asks: the prescription-order of an issue, or the prescription-order-update of a cancel. */
export const EPS_OPERATIONS = ['ORDER', 'CANCEL'] as const;
export type EpsOperation = (typeof EPS_OPERATIONS)[number];

/**
 * Where an EPS message is. QUEUED: waiting for the EPS plugin. RETRYING: the plugin reported a
 * transient failure (EPS unreachable, 5xx) and the hub redelivers it with backoff. ACCEPTED and
 * REJECTED: what EPS answered (terminal). UNDELIVERED: the hub gave up reaching the plugin (its
 * webhook delivery went DEAD; a hub manager can redrive it).
 */
export const EPS_STATUSES = ['QUEUED', 'RETRYING', 'ACCEPTED', 'REJECTED', 'UNDELIVERED'] as const;
export type EpsStatus = (typeof EPS_STATUSES)[number];

/** What a plugin may report: EPS's answer, or that it will be tried again. */
export const EPS_OUTCOMES = ['ACCEPTED', 'REJECTED', 'RETRYING'] as const;
export type EpsOutcome = (typeof EPS_OUTCOMES)[number];

/** Statuses an outcome may still change. */
export const EPS_OPEN_STATUSES: readonly EpsStatus[] = ['QUEUED', 'RETRYING', 'UNDELIVERED'];

/**
 * Why a prescription is cancelled, as EPS codes it on the cancelled MedicationRequest
 * (CodeSystem medicationrequest-status-reason) [P1].
 */
export const EPS_CANCELLATION_REASONS = {
  PRESCRIBING_ERROR: { code: '0001', display: 'Prescribing Error' },
  CLINICAL_CONTRAINDICATION: { code: '0002', display: 'Clinical contra-indication' },
  CHANGE_OF_TREATMENT: { code: '0003', display: 'Change to medication treatment regime' },
  CLINICAL_GROUNDS: { code: '0004', display: 'Clinical grounds' },
  PATIENT_REQUEST: { code: '0005', display: "At the Patient's request" },
  PHARMACIST_REQUEST: { code: '0006', display: "At the Pharmacist's request" },
  NOTIFICATION_OF_DEATH: { code: '0007', display: 'Notification of Death' },
  PATIENT_DECEASED: { code: '0008', display: 'Patient deceased' },
} as const;
export type EpsCancellationReason = keyof typeof EPS_CANCELLATION_REASONS;
export const EPS_CANCELLATION_REASON_NAMES = Object.keys(EPS_CANCELLATION_REASONS) as EpsCancellationReason[];

/** Event types on the `eps:<hub id>` stream; plugins receive them as `eps.<type>`. */
export const EPS_EVENT_OF: Readonly<Record<EpsOperation, string>> = {
  ORDER: 'EPS_ORDER_REQUESTED',
  CANCEL: 'EPS_CANCEL_REQUESTED',
};

/** The EPS outbox stream of a hub. */
export const epsStream = (hubId: string): string => `eps:${hubId}`;

/** An EPS (or transport) error code as a plugin reports it: 1-40 of A-Z, a-z, 0-9, underscore, hyphen. */
export const EPS_ERROR_CODE = /^[A-Za-z0-9_-]{1,40}$/;
