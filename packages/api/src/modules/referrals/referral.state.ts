/**
 * The referral lifecycle (docs/domain/workflows.md#referral-states). Pure: no I/O, exhaustively unit-tested.
 *
 * States
 *   REQUESTED       sent to the hub service (task, letter, signposted consultation, or a booking in progress)
 *   BOOKED          a hub slot is held for it
 *   AWAITING_TRACE  booked, but the patient is not yet known to the hub: hub admin traces them first
 *   READY           the hub can see the patient (booked and known), or accepted work without a slot
 *   ATTENDED        the patient was seen; a hub consultation was opened
 *   DID_NOT_ATTEND  terminal: the patient did not come
 *   CANCELLED       terminal: withdrawn (by the practice or the hub), reason recorded
 *   REJECTED        terminal: refused by the hub (or the patient could not be traced), reason recorded
 *   COMPLETED       terminal: the work is done
 *
 * Transitions (from -> to)
 *   (new)           -> REQUESTED
 *   REQUESTED       -> BOOKED | READY (accepted without a slot) | REJECTED | CANCELLED
 *   BOOKED          -> READY (patient known or registered automatically) | AWAITING_TRACE | CANCELLED
 *   AWAITING_TRACE  -> READY (traced) | REJECTED (trace failed) | CANCELLED
 *   READY           -> ATTENDED | DID_NOT_ATTEND | COMPLETED (work done without an appointment) | CANCELLED
 *   ATTENDED        -> COMPLETED
 *
 * Refinements of the proposed model: BOOKED is passed through in the booking's own transaction (the history
 * still shows it); GP Connect booking goes BOOKED -> READY because it registers the patient.
 */

export const REFERRAL_STATES = [
  'REQUESTED',
  'BOOKED',
  'AWAITING_TRACE',
  'READY',
  'ATTENDED',
  'DID_NOT_ATTEND',
  'CANCELLED',
  'REJECTED',
  'COMPLETED',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const TERMINAL_REFERRAL_STATES: readonly ReferralState[] = [
  'DID_NOT_ATTEND',
  'CANCELLED',
  'REJECTED',
  'COMPLETED',
];

/** Every allowed move, by state. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralState, readonly ReferralState[]>> = {
  REQUESTED: ['BOOKED', 'READY', 'REJECTED', 'CANCELLED'],
  BOOKED: ['READY', 'AWAITING_TRACE', 'CANCELLED'],
  AWAITING_TRACE: ['READY', 'REJECTED', 'CANCELLED'],
  READY: ['ATTENDED', 'DID_NOT_ATTEND', 'COMPLETED', 'CANCELLED'],
  ATTENDED: ['COMPLETED'],
  DID_NOT_ATTEND: [],
  CANCELLED: [],
  REJECTED: [],
  COMPLETED: [],
};

/** The states a referral is created in. */
export const INITIAL_REFERRAL_STATE: ReferralState = 'REQUESTED';

export function canTransition(from: ReferralState, to: ReferralState): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

export function isTerminalReferralState(state: ReferralState): boolean {
  return TERMINAL_REFERRAL_STATES.includes(state);
}

/** Moves that need a reason in the history (a refusal or withdrawal must say why). */
export function needsReason(to: ReferralState): boolean {
  return to === 'CANCELLED' || to === 'REJECTED';
}

/**
 * Checks a path of moves, e.g. [REQUESTED, BOOKED, READY]: null when every step is allowed,
 * else the first refused step.
 */
export function firstIllegalStep(path: readonly ReferralState[]): { from: ReferralState; to: ReferralState } | null {
  for (let i = 1; i < path.length; i += 1) {
    if (!canTransition(path[i - 1]!, path[i]!)) return { from: path[i - 1]!, to: path[i]! };
  }
  return null;
}

/** States in which a held slot is still needed (leaving them frees the slot). */
export const SLOT_HOLDING_STATES: readonly ReferralState[] = ['BOOKED', 'AWAITING_TRACE', 'READY'];

/** The live-event type of arriving in each state. */
export const REFERRAL_EVENT_TYPE: Readonly<Record<ReferralState, string>> = {
  REQUESTED: 'REFERRAL_REQUESTED',
  BOOKED: 'REFERRAL_BOOKED',
  AWAITING_TRACE: 'REFERRAL_AWAITING_TRACE',
  READY: 'REFERRAL_READY',
  ATTENDED: 'REFERRAL_ATTENDED',
  DID_NOT_ATTEND: 'REFERRAL_DID_NOT_ATTEND',
  CANCELLED: 'REFERRAL_CANCELLED',
  REJECTED: 'REFERRAL_REJECTED',
  COMPLETED: 'REFERRAL_COMPLETED',
};
