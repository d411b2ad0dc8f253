/** Write-back agreement lifecycle (docs/domain/model.md#agreements): ACTIVE only while both sides are activated. */
export const AGREEMENT_STATES = ['REQUESTED', 'ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

/** Which side of an agreement an actor speaks for. */
export type AgreementSide = 'SOURCE' | 'TARGET';

/** What the save decided for one entry. */
export const WRITE_BACK_DECISIONS = ['WRITE_BACK', 'BLOCKED', 'NOT_REQUIRED'] as const;
export type WriteBackDecision = (typeof WRITE_BACK_DECISIONS)[number];

/**
 * States of one delivery (one version of one entry's message) in the outbox. Per patient record
 * (ordering key) at most one delivery is PENDING, SENDING or RETRYING: the head of its line. The
 * ones behind it are WAITING and are promoted to PENDING, in order, when the head finishes.
 */
export const DELIVERY_STATES = [
  'WAITING',
  'PENDING',
  'SENDING',
  'DELIVERED',
  'RETRYING',
  'DEAD',
  'SUPERSEDED',
  'DISCARDED',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The state shown per entry and per consultation. */
export const WRITE_BACK_STATES = [
  'PENDING',
  'SENDING',
  'DELIVERED',
  'RETRYING',
  'DEAD',
  'DISCARDED',
  'BLOCKED',
  'NOT_REQUIRED',
] as const;
export type WriteBackState = (typeof WRITE_BACK_STATES)[number];

/** What a delivery carries: the entry's latest content, or its removal from the practice record. */
export const DELIVERY_KINDS = ['ENTRY', 'REMOVAL'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** Where a practice receives write-back. */
export const TARGET_KINDS = ['IN_HUB', 'HTTP'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Event types on `write-back:<target organisation id>` streams. */
export const WRITE_BACK_EVENT_TYPES = [
  'WRITE_BACK_PENDING',
  'WRITE_BACK_SENDING',
  'WRITE_BACK_DELIVERED',
  'WRITE_BACK_RETRYING',
  'WRITE_BACK_DEAD',
  'WRITE_BACK_DISCARDED',
  'WRITE_BACK_BLOCKED',
  'WRITE_BACK_NOT_REQUIRED',
] as const;
export type WriteBackEventType = (typeof WRITE_BACK_EVENT_TYPES)[number];

/** The event stream of one target organisation. */
export const writeBackStream = (targetOrganisationId: string): string => `write-back:${targetOrganisationId}`;
export const WRITE_BACK_STREAM_PREFIX = 'write-back:';

/** The state an entry shows, from its decision and its current delivery. */
export function writeBackStateOf(decision: WriteBackDecision, delivery: DeliveryState | null): WriteBackState {
  switch (decision) {
    case 'BLOCKED':
      return 'BLOCKED';
    case 'NOT_REQUIRED':
      return 'NOT_REQUIRED';
    case 'WRITE_BACK':
      if (delivery === null || delivery === 'SUPERSEDED' || delivery === 'WAITING') return 'PENDING';
      return delivery;
    default: {
      const never: never = decision;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
}

/** Most pressing first: a consultation shows the most pressing state of its entries. */
const PRECEDENCE: readonly WriteBackState[] = [
  'DEAD',
  'RETRYING',
  'SENDING',
  'PENDING',
  'BLOCKED',
  'DISCARDED',
  'DELIVERED',
  'NOT_REQUIRED',
];

/** The consultation-level state: the most pressing of its entries' states (null when none). */
export function combinedWriteBackState(states: readonly WriteBackState[]): WriteBackState | null {
  for (const state of PRECEDENCE) if (states.includes(state)) return state;
  return null;
}

export function eventTypeOf(state: WriteBackState): WriteBackEventType {
  return `WRITE_BACK_${state}`;
}

/** The national sending window (docs/domain/workflows.md#national-sending-rules): 3 hours from the save. */
export const SENDING_WINDOW_MS = 3 * 60 * 60 * 1000;
