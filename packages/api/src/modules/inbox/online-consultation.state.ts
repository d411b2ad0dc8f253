/**
 * The online consultation workflow (docs/domain/workflows.md#online-consultation-states). Pure: no I/O,
 * exhaustively unit-tested.
 *
 * States
 *   RECEIVED            pseudo-state: the submission before it is stored (history "from" of arrivals)
 *   UNMATCHED           no registered patient matched NHS number + date of birth; awaits a manual match
 *   AWAITING_TRIAGE     in the owner's triage queue (hub or practice)
 *   IN_TRIAGE           claimed by one triager (the lock holder)
 *   PASSED_TO_PRACTICE  passed back by the hub; owner is the practice, awaiting its triage
 *   HUB_SERVICE_QUEUE   signposted to a hub service's queue (owner hub)
 *   ADMIN_QUEUE         signposted to care co-ordinators / practice admin
 *   URGENT_ESCALATION   red-flag path: a queue for immediate clinician action
 *   IN_PROGRESS         a queued item claimed by the person working on it
 *   SIGNPOSTED_EXTERNAL signposted outside the PCN (community pharmacy, 111, A&E); awaits completion
 *   CLOSED_REMOTELY     advice/self-care sent; awaits completion
 *   COMPLETED           terminal; outcome recorded
 *   CANCELLED           terminal; reason recorded
 *
 * Transitions (action: from -> to)
 *   ARRIVE         RECEIVED -> AWAITING_TRIAGE | UNMATCHED
 *   MATCH          UNMATCHED -> AWAITING_TRIAGE
 *   CLAIM          AWAITING_TRIAGE | PASSED_TO_PRACTICE | IN_TRIAGE -> IN_TRIAGE
 *                  HUB_SERVICE_QUEUE | ADMIN_QUEUE | URGENT_ESCALATION | IN_PROGRESS -> IN_PROGRESS
 *                  SIGNPOSTED_EXTERNAL -> SIGNPOSTED_EXTERNAL, CLOSED_REMOTELY -> CLOSED_REMOTELY
 *                  (claiming a state that holds a lock takes over a lapsed lock)
 *   RELEASE        IN_TRIAGE -> AWAITING_TRIAGE
 *                  IN_PROGRESS -> the queue it was signposted to (HUB_SERVICE_QUEUE | ADMIN_QUEUE | URGENT_ESCALATION)
 *                  SIGNPOSTED_EXTERNAL, CLOSED_REMOTELY -> themselves (the lock goes, the state stays)
 *   OVERRIDE_LOCK  IN_TRIAGE, IN_PROGRESS, SIGNPOSTED_EXTERNAL, CLOSED_REMOTELY -> themselves (new holder)
 *   SIGNPOST       IN_TRIAGE | IN_PROGRESS -> HUB_SERVICE_QUEUE | ADMIN_QUEUE | URGENT_ESCALATION
 *                                            | SIGNPOSTED_EXTERNAL | CLOSED_REMOTELY
 *   PASS_BACK      IN_TRIAGE | IN_PROGRESS -> PASSED_TO_PRACTICE      (owner becomes the practice)
 *                  AWAITING_TRIAGE | HUB_SERVICE_QUEUE | ADMIN_QUEUE | URGENT_ESCALATION -> PASSED_TO_PRACTICE
 *                  (unclaimed: only the hub manager's bulk hand-back, which needs no lock; a single
 *                  pass-back still needs the lock, which only IN_TRIAGE and IN_PROGRESS can hold)
 *   PULL_TO_HUB    AWAITING_TRIAGE | PASSED_TO_PRACTICE | IN_TRIAGE -> AWAITING_TRIAGE (owner becomes the hub)
 *   COMPLETE       IN_PROGRESS | SIGNPOSTED_EXTERNAL | CLOSED_REMOTELY -> COMPLETED
 *   CANCEL         every state but RECEIVED, COMPLETED, CANCELLED -> CANCELLED
 *
 * Locks: CLAIM and OVERRIDE_LOCK give the actor the lock; SIGNPOST to SIGNPOSTED_EXTERNAL or
 * CLOSED_REMOTELY keeps it (the triager normally completes next); every other transition drops it.
 * Refinements of the proposed diagram: DUPLICATE is not a state (a resubmission returns the existing
 * consultation and stores nothing); "practice accepts" is a CLAIM of PASSED_TO_PRACTICE; BOOKED,
 * AWAITING_PATIENT and DNA belong to the appointments issue.
 */

export const CONSULTATION_STATES = [
  'RECEIVED',
  'UNMATCHED',
  'AWAITING_TRIAGE',
  'IN_TRIAGE',
  'PASSED_TO_PRACTICE',
  'HUB_SERVICE_QUEUE',
  'ADMIN_QUEUE',
  'URGENT_ESCALATION',
  'IN_PROGRESS',
  'SIGNPOSTED_EXTERNAL',
  'CLOSED_REMOTELY',
  'COMPLETED',
  'CANCELLED',
] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export const CONSULTATION_ACTIONS = [
  'ARRIVE',
  'MATCH',
  'CLAIM',
  'RELEASE',
  'OVERRIDE_LOCK',
  'SIGNPOST',
  'PASS_BACK',
  'PULL_TO_HUB',
  'COMPLETE',
  'CANCEL',
] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** Queues someone claims work from; releasing IN_PROGRESS work returns it to one of these. */
export const WORK_QUEUES = ['HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'URGENT_ESCALATION'] as const;

/** Where triage can send a consultation: a work queue, or out of the PCN's queues. */
export const SIGNPOST_DESTINATIONS = [...WORK_QUEUES, 'SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY'] as const;
export type SignpostDestination = (typeof SIGNPOST_DESTINATIONS)[number];

export const TERMINAL_STATES: readonly ConsultationState[] = ['COMPLETED', 'CANCELLED'];

/** States in which someone may hold the lock. */
export const LOCKED_STATES: readonly ConsultationState[] = [
  'IN_TRIAGE',
  'IN_PROGRESS',
  'SIGNPOSTED_EXTERNAL',
  'CLOSED_REMOTELY',
];

type Edge = readonly [ConsultationState, ConsultationState];

const self = (states: readonly ConsultationState[]): Edge[] => states.map((s) => [s, s] as const);
const all = (from: readonly ConsultationState[], to: readonly ConsultationState[]): Edge[] =>
  from.flatMap((f) => to.map((t) => [f, t] as const));

/** Every allowed (from, to) pair, per action. */
export const TRANSITIONS: Readonly<Record<ConsultationAction, readonly Edge[]>> = {
  ARRIVE: all(['RECEIVED'], ['AWAITING_TRIAGE', 'UNMATCHED']),
  MATCH: [['UNMATCHED', 'AWAITING_TRIAGE']],
  CLAIM: [
    ...all(['AWAITING_TRIAGE', 'PASSED_TO_PRACTICE', 'IN_TRIAGE'], ['IN_TRIAGE']),
    ...all([...WORK_QUEUES, 'IN_PROGRESS'], ['IN_PROGRESS']),
    ...self(['SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY']),
  ],
  RELEASE: [
    ['IN_TRIAGE', 'AWAITING_TRIAGE'],
    ...all(['IN_PROGRESS'], WORK_QUEUES),
    ...self(['SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY']),
  ],
  OVERRIDE_LOCK: self(LOCKED_STATES),
  SIGNPOST: all(['IN_TRIAGE', 'IN_PROGRESS'], SIGNPOST_DESTINATIONS),
  PASS_BACK: all(['IN_TRIAGE', 'IN_PROGRESS', 'AWAITING_TRIAGE', ...WORK_QUEUES], ['PASSED_TO_PRACTICE']),
  PULL_TO_HUB: all(['AWAITING_TRIAGE', 'PASSED_TO_PRACTICE', 'IN_TRIAGE'], ['AWAITING_TRIAGE']),
  COMPLETE: all(['IN_PROGRESS', 'SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY'], ['COMPLETED']),
  CANCEL: all(
    CONSULTATION_STATES.filter((s) => s !== 'RECEIVED' && !TERMINAL_STATES.includes(s)),
    ['CANCELLED'],
  ),
};

/** The state an action usually leads to; names the target in INVALID_TRANSITION errors. */
export const NOMINAL_TARGET: Readonly<Record<ConsultationAction, ConsultationState>> = {
  ARRIVE: 'AWAITING_TRIAGE',
  MATCH: 'AWAITING_TRIAGE',
  CLAIM: 'IN_TRIAGE',
  RELEASE: 'AWAITING_TRIAGE',
  OVERRIDE_LOCK: 'IN_TRIAGE',
  SIGNPOST: 'HUB_SERVICE_QUEUE',
  PASS_BACK: 'PASSED_TO_PRACTICE',
  PULL_TO_HUB: 'AWAITING_TRIAGE',
  COMPLETE: 'COMPLETED',
  CANCEL: 'CANCELLED',
};

export function isTerminal(state: ConsultationState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** The states `action` may lead to from `from` (empty when the action is not allowed there). */
export function targetsOf(action: ConsultationAction, from: ConsultationState): ConsultationState[] {
  return TRANSITIONS[action].filter(([f]) => f === from).map(([, t]) => t);
}

export type TransitionResult =
  | { readonly ok: true; readonly from: ConsultationState; readonly to: ConsultationState }
  | { readonly ok: false; readonly from: ConsultationState; readonly to: ConsultationState };

/**
 * Decides where `action` takes a consultation in `from`. `wanted` picks the target where the
 * action has several (ARRIVE, SIGNPOST, RELEASE from IN_PROGRESS); otherwise the single target is
 * used. A refusal carries the state that was asked for, so the error can name both.
 */
export function transition(
  action: ConsultationAction,
  from: ConsultationState,
  wanted?: ConsultationState,
): TransitionResult {
  const targets = targetsOf(action, from);
  if (wanted !== undefined) {
    return targets.includes(wanted) ? { ok: true, from, to: wanted } : { ok: false, from, to: wanted };
  }
  if (targets.length === 1) return { ok: true, from, to: targets[0]! };
  return { ok: false, from, to: NOMINAL_TARGET[action] };
}

export type LockEffect = 'GRANT' | 'KEEP' | 'DROP' | 'NONE';

/** What a transition does to the lock. */
export function lockEffect(action: ConsultationAction, to: ConsultationState): LockEffect {
  switch (action) {
    case 'CLAIM':
    case 'OVERRIDE_LOCK':
      return 'GRANT';
    case 'SIGNPOST':
      return to === 'SIGNPOSTED_EXTERNAL' || to === 'CLOSED_REMOTELY' ? 'KEEP' : 'DROP';
    case 'RELEASE':
    case 'PASS_BACK':
    case 'PULL_TO_HUB':
    case 'COMPLETE':
    case 'CANCEL':
      return 'DROP';
    case 'ARRIVE':
    case 'MATCH':
      return 'NONE';
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Actions that need the actor to hold the lock (others have their own rules; see the policy). */
export function needsLock(action: ConsultationAction): boolean {
  switch (action) {
    case 'RELEASE':
    case 'SIGNPOST':
    case 'PASS_BACK':
    case 'COMPLETE':
      return true;
    case 'ARRIVE':
    case 'MATCH':
    case 'CLAIM':
    case 'OVERRIDE_LOCK':
    case 'PULL_TO_HUB':
    case 'CANCEL':
      return false;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The live-event type each action appends. */
export const EVENT_TYPE_OF = {
  ARRIVE: 'CONSULTATION_ARRIVED',
  MATCH: 'PATIENT_MATCHED',
  CLAIM: 'CLAIMED',
  RELEASE: 'RELEASED',
  OVERRIDE_LOCK: 'LOCK_OVERRIDDEN',
  SIGNPOST: 'SIGNPOSTED',
  PASS_BACK: 'PASSED_BACK',
  PULL_TO_HUB: 'PULLED_TO_HUB',
  COMPLETE: 'COMPLETED',
  CANCEL: 'CANCELLED',
} as const satisfies Record<ConsultationAction, string>;

/** Events about a consultation's replies to the patient (modules/replies), on the same inbox stream. */
export const REPLY_EVENT_TYPES = ['REPLY_REQUESTED', 'REPLY_STATUS_CHANGED'] as const;

/** Events about a consultation's attachments (modules/attachments), on the same inbox stream. */
export const ATTACHMENT_EVENT_TYPES = ['ATTACHMENT_RECEIVED', 'ATTACHMENT_SCANNED'] as const;

export const INBOX_EVENT_TYPES = [...Object.values(EVENT_TYPE_OF), ...REPLY_EVENT_TYPES, ...ATTACHMENT_EVENT_TYPES];
export type InboxEventType =
  | (typeof EVENT_TYPE_OF)[ConsultationAction]
  | (typeof REPLY_EVENT_TYPES)[number]
  | (typeof ATTACHMENT_EVENT_TYPES)[number];

/** Inbox folders (eConsult Smart Inbox style): computed from state and type. */
export const INBOX_FOLDERS = [
  'ALL_OPEN',
  'CLINICAL',
  'ADMIN',
  'OVERDUE',
  'UNMATCHED',
  'AWAITING_TRIAGE',
  'IN_TRIAGE',
  'PASSED_TO_PRACTICE',
  'HUB_SERVICE_QUEUE',
  'ADMIN_QUEUE',
  'URGENT',
  'IN_PROGRESS',
  'SIGNPOSTED',
  'COMPLETE',
  'CANCELLED',
] as const;
export type InboxFolder = (typeof INBOX_FOLDERS)[number];

export const OPEN_STATES: readonly ConsultationState[] = CONSULTATION_STATES.filter(
  (s) => s !== 'RECEIVED' && !isTerminal(s),
);

/**
 * The states a folder holds, the consultation type it is limited to (null: any) and whether it
 * holds only overdue ones (past their response-expected-by time: `overdue.sql.ts`).
 */
export function folderFilter(folder: InboxFolder): {
  states: readonly ConsultationState[];
  type: 'CLINICAL' | 'ADMIN' | null;
  overdue?: true;
} {
  switch (folder) {
    case 'ALL_OPEN':
      return { states: OPEN_STATES, type: null };
    case 'OVERDUE':
      return { states: OPEN_STATES, type: null, overdue: true };
    case 'CLINICAL':
      return { states: OPEN_STATES, type: 'CLINICAL' };
    case 'ADMIN':
      return { states: OPEN_STATES, type: 'ADMIN' };
    case 'URGENT':
      return { states: ['URGENT_ESCALATION'], type: null };
    case 'SIGNPOSTED':
      return { states: ['SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY'], type: null };
    case 'COMPLETE':
      return { states: ['COMPLETED'], type: null };
    case 'UNMATCHED':
    case 'AWAITING_TRIAGE':
    case 'IN_TRIAGE':
    case 'PASSED_TO_PRACTICE':
    case 'HUB_SERVICE_QUEUE':
    case 'ADMIN_QUEUE':
    case 'IN_PROGRESS':
    case 'CANCELLED':
      return { states: [folder], type: null };
    default: {
      const never: never = folder;
      return never;
    }
  }
}

/** Folder counts from (state, type, count, overdue count) groups: one grouped query feeds every folder. */
export function countFolders(
  groups: readonly { state: ConsultationState; type: 'CLINICAL' | 'ADMIN'; count: number; overdue: number }[],
): Record<InboxFolder, number> {
  const counts = Object.fromEntries(INBOX_FOLDERS.map((f) => [f, 0])) as Record<InboxFolder, number>;
  for (const folder of INBOX_FOLDERS) {
    const { states, type, overdue } = folderFilter(folder);
    for (const g of groups) {
      if (states.includes(g.state) && (type === null || g.type === type))
        counts[folder] += overdue ? g.overdue : g.count;
    }
  }
  return counts;
}
