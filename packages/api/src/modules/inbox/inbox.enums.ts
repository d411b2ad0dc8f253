import {
  CAPACITY_STATES,
  CONSULTATION_TYPES,
  CONTACT_MODES,
  HUB_CLOSURE_KINDS,
  OC_ROUTINGS,
  OVERFLOW_MODES,
  ROUTING_REASONS,
  SIGNPOST_TEAMS,
  URGENCIES,
} from './inbox.codes.js';
import {
  CONSULTATION_ACTIONS,
  CONSULTATION_STATES,
  INBOX_EVENT_TYPES,
  INBOX_FOLDERS,
  SIGNPOST_DESTINATIONS,
} from './online-consultation.state.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const ConsultationStateEnum = graphqlEnum(CONSULTATION_STATES, {
  name: 'ConsultationState',
  description: 'Where an online consultation is in the triage workflow (see the inbox module README).',
  values: {
    RECEIVED: 'Before it was stored; appears only as the "from" state of an arrival.',
    UNMATCHED: 'No registered patient matched; awaiting a manual match.',
    AWAITING_TRIAGE: "In the owner's triage queue.",
    IN_TRIAGE: 'Claimed by one triager.',
    PASSED_TO_PRACTICE: 'Passed back by the hub; awaiting triage at the practice.',
    HUB_SERVICE_QUEUE: "In a hub service's queue.",
    ADMIN_QUEUE: 'With care co-ordinators / administrators.',
    URGENT_ESCALATION: 'Red-flag path: needs immediate clinician action.',
    IN_PROGRESS: 'Claimed from a queue and being worked on.',
    SIGNPOSTED_EXTERNAL: 'Signposted outside the PCN (pharmacy, 111, A&E); awaiting completion.',
    CLOSED_REMOTELY: 'Advice or self-care sent; awaiting completion.',
    COMPLETED: 'Done; outcome recorded.',
    CANCELLED: 'Cancelled with a reason.',
  },
});

export const ConsultationActionEnum = graphqlEnum(CONSULTATION_ACTIONS, {
  name: 'ConsultationAction',
  description: 'What a history entry did.',
  values: {
    ARRIVE: 'The consultation arrived and was routed.',
    MATCH: 'A patient was matched by hand.',
    CLAIM: 'Claimed: the actor took the lock.',
    RELEASE: 'Released: the lock was given up.',
    OVERRIDE_LOCK: "Another holder's lock was overridden, with a reason.",
    SIGNPOST: 'Sent to a destination (queue, escalation, external service, remote close).',
    PASS_BACK: 'Passed back from the hub to the practice, with notes.',
    PULL_TO_HUB: 'Pulled from the practice to the hub.',
    COMPLETE: 'Completed with an outcome.',
    CANCEL: 'Cancelled.',
  },
});

export const ConsultationTypeEnum = graphqlEnum(CONSULTATION_TYPES, {
  name: 'ConsultationType',
  description: 'Clinical or administrative request.',
  values: {
    CLINICAL: 'A clinical request (symptoms, medication, results).',
    ADMIN: 'An administrative request (fit note, letter, referral chase).',
  },
});

export const UrgencyEnum = graphqlEnum(URGENCIES, {
  name: 'Urgency',
  description: 'Response urgency bracket, most urgent first.',
  values: {
    SAME_DAY: 'Respond today.',
    WITHIN_24_HOURS: 'Respond within 24 hours.',
    WITHIN_3_DAYS: 'Respond within three days.',
    WITHIN_5_DAYS: 'Respond within five days.',
    ROUTINE: 'Routine.',
  },
});

export const ContactModeEnum = graphqlEnum(CONTACT_MODES, {
  name: 'ContactMode',
  description: 'How the patient will be contacted or seen.',
  values: {
    TELEPHONE: 'A telephone call.',
    VIDEO: 'A video consultation.',
    FACE_TO_FACE: 'Seen in person.',
    HOME_VISIT: 'A home visit.',
    ONLINE_MESSAGE: 'A message through the online consultation service.',
    SMS: 'A text message.',
    EMAIL: 'An e-mail.',
  },
});

export const SignpostTeamEnum = graphqlEnum(SIGNPOST_TEAMS, {
  name: 'SignpostTeam',
  description: 'The role best suited to the work.',
  values: {
    GP: 'A GP.',
    ANP: 'An advanced nurse practitioner.',
    NURSE: 'A practice nurse.',
    PHARMACIST: 'A clinical pharmacist.',
    PARAMEDIC: 'A paramedic.',
    PHYSIOTHERAPIST: 'A first-contact physiotherapist.',
    MENTAL_HEALTH: 'A mental health practitioner.',
    SOCIAL_PRESCRIBER: 'A social prescribing link worker.',
    CARE_COORDINATOR: 'A care co-ordinator.',
    ADMIN: 'Administrative staff.',
    OTHER: 'Another role.',
  },
});

export const SignpostDestinationEnum = graphqlEnum(SIGNPOST_DESTINATIONS, {
  name: 'SignpostDestination',
  description: 'Where triage sends a consultation.',
  values: {
    HUB_SERVICE_QUEUE: "A hub service's queue (serviceId required; hub-owned consultations only).",
    ADMIN_QUEUE: 'Care co-ordinators / administrators of the owner.',
    URGENT_ESCALATION: 'Red-flag path; immediate clinician action.',
    SIGNPOSTED_EXTERNAL: 'Outside the PCN (community pharmacy, 111, A&E); the triager keeps the lock to complete.',
    CLOSED_REMOTELY: 'Advice or self-care sent; the triager keeps the lock to complete.',
  },
});

export const RoutingReasonEnum = graphqlEnum(ROUTING_REASONS, {
  name: 'RoutingReason',
  description: 'Why the current owner owns a consultation.',
  values: {
    ROUTED_TO_HUB: 'The practice routes to the hub inbox and the hub had capacity.',
    PRACTICE_SETTING: 'The practice keeps its online consultations.',
    HUB_OVER_CAPACITY: 'The hub was at its hard limit in PASS_BACK_DEFAULT mode: defaulted to the practice.',
    PASSED_BACK: 'Passed back to the practice by the hub.',
    PULLED_TO_HUB: 'Pulled from the practice to the hub.',
    SHARED_TRIAGE:
      'Claimed from the hub queue by its practice: during shared-triage overflow, or because the practice shares its inbox with the hub.',
    HUB_CLOSED: 'The hub was closed when it arrived: routed to the practice.',
  },
});

export const InboxFolderEnum = graphqlEnum(INBOX_FOLDERS, {
  name: 'InboxFolder',
  description: 'Inbox folders: ALL_OPEN, CLINICAL and ADMIN hold open items; the rest hold one or two states.',
  values: {
    ALL_OPEN: 'Every open consultation (neither received-only, completed nor cancelled).',
    CLINICAL: 'Open clinical consultations.',
    ADMIN: 'Open administrative consultations.',
    OVERDUE: 'Open consultations past their response-expected-by time.',
    UNMATCHED: 'Waiting for a patient to be matched by hand.',
    AWAITING_TRIAGE: "In the owner's triage queue, unclaimed.",
    IN_TRIAGE: 'Claimed for triage.',
    PASSED_TO_PRACTICE: 'Passed back from the hub to the practice.',
    HUB_SERVICE_QUEUE: "Signposted to a hub service's queue.",
    ADMIN_QUEUE: 'Signposted to care co-ordinators and administrators.',
    URGENT: 'Escalated on the red-flag path.',
    IN_PROGRESS: 'Claimed from a queue and being worked.',
    SIGNPOSTED: 'Signposted outside the PCN or closed remotely, waiting to be completed.',
    COMPLETE: 'Completed.',
    CANCELLED: 'Cancelled.',
  },
});

export const INBOX_ORDERS = ['OLDEST', 'URGENCY', 'RED_FLAGS', 'OVERDUE'] as const;
export type InboxOrder = (typeof INBOX_ORDERS)[number];
export const InboxOrderEnum = graphqlEnum(INBOX_ORDERS, {
  name: 'InboxOrder',
  description: 'Sort order of the inbox; ties break on submission time, then id.',
  values: {
    OLDEST: 'Oldest submission first.',
    URGENCY: 'Most urgent bracket first; consultations without one last.',
    RED_FLAGS: 'Most red-flag answers first.',
    OVERDUE:
      'Overdue first: open consultations past their response-expected-by time, the most overdue first; then the open ones by when they are due; then the rest (closed, or without a response-expected-by time).',
  },
});

export const OcRoutingEnum = graphqlEnum(OC_ROUTINGS, {
  name: 'OnlineConsultationRouting',
  description: "Where a practice's new online consultations go.",
  values: {
    HUB_INBOX: "The PCN hub's inbox (the default).",
    PRACTICE_INBOX: "The practice's own inbox.",
  },
});

export const OverflowModeEnum = graphqlEnum(OVERFLOW_MODES, {
  name: 'OverflowMode',
  description: 'What happens when the hub is over capacity.',
  values: {
    PASS_BACK_DEFAULT: 'At the hard limit, new arrivals default to the practice inbox.',
    SHARED_TRIAGE: "From the soft limit, practices may claim their own patients' consultations from the hub queue.",
  },
});

export const CapacityStateEnum = graphqlEnum(CAPACITY_STATES, {
  name: 'CapacityState',
  description: 'Load against the thresholds.',
  values: {
    NORMAL: 'Below the soft threshold: new work routes as configured.',
    SOFT_LIMIT: 'At or above the soft threshold: overflow sharing with practices begins.',
    HARD_LIMIT: 'At or above the hard threshold: the overflow mode decides where new work goes.',
  },
});

export const HubClosureKindEnum = graphqlEnum(HUB_CLOSURE_KINDS, {
  name: 'HubClosureKind',
  description: 'What a hub manager declares for a period (business continuity).',
  values: {
    CLOSED: 'The hub takes no new work: arrivals route to the practices and nothing is pulled to the hub.',
    REDUCED_CAPACITY:
      'The hub works at a share of its planned capacity: every capacity plan in force is scaled by capacityPercent.',
  },
});

export const InboxEventTypeEnum = graphqlEnum(INBOX_EVENT_TYPES, {
  name: 'InboxEventType',
  description: 'What happened to a consultation in an inbox.',
  values: {
    CONSULTATION_ARRIVED: 'A new consultation entered the inbox.',
    PATIENT_MATCHED: 'An unmatched consultation was matched to a patient.',
    CLAIMED: 'Someone claimed it (took the lock).',
    RELEASED: 'The lock was released.',
    LOCK_OVERRIDDEN: 'A lock was overridden.',
    SIGNPOSTED: 'It was signposted to a destination.',
    PASSED_BACK: 'The hub passed it back to the practice.',
    PULLED_TO_HUB: 'The hub pulled it from the practice.',
    COMPLETED: 'It was completed.',
    CANCELLED: 'It was cancelled.',
    REPLY_REQUESTED: 'Staff sent the patient a reply; it is queued for the patient-messaging plugin.',
    REPLY_STATUS_CHANGED: "A reply's delivery status changed (see OnlineConsultation.replies).",
    ATTACHMENT_RECEIVED:
      "An attachment's bytes arrived (see OnlineConsultation.attachments); a scanner plugin may now scan it.",
    ATTACHMENT_SCANNED: 'A scanner plugin recorded its verdict on an attachment: it is now AVAILABLE or REJECTED.',
  },
});
