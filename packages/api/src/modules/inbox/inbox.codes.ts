/** Coded values of the inbox. Each list is the source of a GraphQL enum and a database enum. */

export const CONSULTATION_TYPES = ['CLINICAL', 'ADMIN'] as const;
export type ConsultationType = (typeof CONSULTATION_TYPES)[number];

/** Response urgency brackets, most urgent first (the order of the URGENCY sort). */
export const URGENCIES = ['SAME_DAY', 'WITHIN_24_HOURS', 'WITHIN_3_DAYS', 'WITHIN_5_DAYS', 'ROUTINE'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** Sort rank of a consultation without an urgency yet: after every bracket. */
export const UNASSIGNED_URGENCY_RANK = URGENCIES.length;
export const urgencyRank = (urgency: Urgency | null): number =>
  urgency ? URGENCIES.indexOf(urgency) : UNASSIGNED_URGENCY_RANK;

export const CONTACT_MODES = [
  'TELEPHONE',
  'VIDEO',
  'FACE_TO_FACE',
  'HOME_VISIT',
  'EMAIL',
  'SMS',
  'ONLINE_MESSAGE',
] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** The role best suited to the work (the Smart Inbox "Team" field). */
export const SIGNPOST_TEAMS = [
  'GP',
  'ANP',
  'NURSE',
  'PHARMACIST',
  'PHYSIOTHERAPIST',
  'MENTAL_HEALTH',
  'PARAMEDIC',
  'SOCIAL_PRESCRIBER',
  'CARE_COORDINATOR',
  'ADMIN',
  'OTHER',
] as const;
export type SignpostTeam = (typeof SIGNPOST_TEAMS)[number];

/** Where new consultations for a practice go. */
export const OC_ROUTINGS = ['HUB_INBOX', 'PRACTICE_INBOX'] as const;
export type OcRouting = (typeof OC_ROUTINGS)[number];
/** A practice without a stored setting routes to the hub (the pilot reconfigured every practice so). */
export const DEFAULT_OC_ROUTING: OcRouting = 'HUB_INBOX';

/** Why the current owner owns a consultation. */
export const ROUTING_REASONS = [
  'ROUTED_TO_HUB',
  'PRACTICE_SETTING',
  'HUB_OVER_CAPACITY',
  'PASSED_BACK',
  'PULLED_TO_HUB',
  'SHARED_TRIAGE',
  'HUB_CLOSED',
] as const;
export type RoutingReason = (typeof ROUTING_REASONS)[number];

export const OVERFLOW_MODES = ['PASS_BACK_DEFAULT', 'SHARED_TRIAGE'] as const;
export type OverflowMode = (typeof OVERFLOW_MODES)[number];

export const CAPACITY_STATES = ['NORMAL', 'SOFT_LIMIT', 'HARD_LIMIT'] as const;
export type CapacityState = (typeof CAPACITY_STATES)[number];

/** Business continuity: what a hub manager declares for a period (planned or from now). */
export const HUB_CLOSURE_KINDS = ['CLOSED', 'REDUCED_CAPACITY'] as const;
export type HubClosureKind = (typeof HUB_CLOSURE_KINDS)[number];

/** Submitted answers, red flags, ICE and attachment metadata, stored as sent. */
export interface OcAnswer {
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
}
export interface OcRedFlag {
  readonly questionId: string;
  readonly description: string;
}
export interface OcIce {
  readonly ideas: string | null;
  readonly concerns: string | null;
  readonly expectations: string | null;
}
export interface OcAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** SHA-256 the supplier declared (lower-case hex); the upload must match it. */
  readonly sha256?: string | null;
}

/** The current signposting decision (the latest SIGNPOST transition). */
export interface OcSignpost {
  readonly team: SignpostTeam;
  readonly urgency: Urgency;
  readonly mode: ContactMode;
  readonly type: ConsultationType;
  readonly destination: string;
  readonly serviceId: string | null;
  readonly comment: string | null;
  readonly by: string;
  readonly at: string;
}
