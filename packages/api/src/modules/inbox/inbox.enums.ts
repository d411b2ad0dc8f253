import { registerEnumType } from 'type-graphql';
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
import { enumOf } from '../../platform/graphql/enums.js';

export const ConsultationStateEnum = enumOf(CONSULTATION_STATES);
registerEnumType(ConsultationStateEnum, {
  name: 'ConsultationState',
  description: 'Where an online consultation is in the triage workflow (see the inbox module README).',
  valuesConfig: {
    RECEIVED: { description: 'Before it was stored; appears only as the "from" state of an arrival.' },
    UNMATCHED: { description: 'No registered patient matched; awaiting a manual match.' },
    AWAITING_TRIAGE: { description: "In the owner's triage queue." },
    IN_TRIAGE: { description: 'Claimed by one triager.' },
    PASSED_TO_PRACTICE: { description: 'Passed back by the hub; awaiting triage at the practice.' },
    HUB_SERVICE_QUEUE: { description: "In a hub service's queue." },
    ADMIN_QUEUE: { description: 'With care co-ordinators / administrators.' },
    URGENT_ESCALATION: { description: 'Red-flag path: needs immediate clinician action.' },
    IN_PROGRESS: { description: 'Claimed from a queue and being worked on.' },
    SIGNPOSTED_EXTERNAL: { description: 'Signposted outside the PCN (pharmacy, 111, A&E); awaiting completion.' },
    CLOSED_REMOTELY: { description: 'Advice or self-care sent; awaiting completion.' },
    COMPLETED: { description: 'Done; outcome recorded.' },
    CANCELLED: { description: 'Cancelled with a reason.' },
  },
});

export const ConsultationActionEnum = enumOf(CONSULTATION_ACTIONS);
registerEnumType(ConsultationActionEnum, {
  name: 'ConsultationAction',
  description: 'What a history entry did.',
  valuesConfig: {
    ARRIVE: { description: 'The consultation arrived and was routed.' },
    MATCH: { description: 'A patient was matched by hand.' },
    CLAIM: { description: 'Claimed: the actor took the lock.' },
    RELEASE: { description: 'Released: the lock was given up.' },
    OVERRIDE_LOCK: { description: "Another holder's lock was overridden, with a reason." },
    SIGNPOST: { description: 'Sent to a destination (queue, escalation, external service, remote close).' },
    PASS_BACK: { description: 'Passed back from the hub to the practice, with notes.' },
    PULL_TO_HUB: { description: 'Pulled from the practice to the hub.' },
    COMPLETE: { description: 'Completed with an outcome.' },
    CANCEL: { description: 'Cancelled.' },
  },
});

export const ConsultationTypeEnum = enumOf(CONSULTATION_TYPES);
registerEnumType(ConsultationTypeEnum, {
  name: 'ConsultationType',
  description: 'Clinical or administrative request.',
  valuesConfig: {
    CLINICAL: { description: 'A clinical request (symptoms, medication, results).' },
    ADMIN: { description: 'An administrative request (fit note, letter, referral chase).' },
  },
});

export const UrgencyEnum = enumOf(URGENCIES);
registerEnumType(UrgencyEnum, {
  name: 'Urgency',
  description: 'Response urgency bracket, most urgent first.',
  valuesConfig: {
    SAME_DAY: { description: 'Respond today.' },
    WITHIN_24_HOURS: { description: 'Respond within 24 hours.' },
    WITHIN_3_DAYS: { description: 'Respond within three days.' },
    WITHIN_5_DAYS: { description: 'Respond within five days.' },
    ROUTINE: { description: 'Routine.' },
  },
});

export const ContactModeEnum = enumOf(CONTACT_MODES);
registerEnumType(ContactModeEnum, {
  name: 'ContactMode',
  description: 'How the patient will be contacted or seen.',
  valuesConfig: {
    TELEPHONE: { description: 'A telephone call.' },
    VIDEO: { description: 'A video consultation.' },
    FACE_TO_FACE: { description: 'Seen in person.' },
    HOME_VISIT: { description: 'A home visit.' },
    ONLINE_MESSAGE: { description: 'A message through the online consultation service.' },
    SMS: { description: 'A text message.' },
    EMAIL: { description: 'An e-mail.' },
  },
});

export const SignpostTeamEnum = enumOf(SIGNPOST_TEAMS);
registerEnumType(SignpostTeamEnum, {
  name: 'SignpostTeam',
  description: 'The role best suited to the work.',
  valuesConfig: {
    GP: { description: 'A GP.' },
    ANP: { description: 'An advanced nurse practitioner.' },
    NURSE: { description: 'A practice nurse.' },
    PHARMACIST: { description: 'A clinical pharmacist.' },
    PARAMEDIC: { description: 'A paramedic.' },
    PHYSIOTHERAPIST: { description: 'A first-contact physiotherapist.' },
    MENTAL_HEALTH: { description: 'A mental health practitioner.' },
    SOCIAL_PRESCRIBER: { description: 'A social prescribing link worker.' },
    CARE_COORDINATOR: { description: 'A care co-ordinator.' },
    ADMIN: { description: 'Administrative staff.' },
    OTHER: { description: 'Another role.' },
  },
});

export const SignpostDestinationEnum = enumOf(SIGNPOST_DESTINATIONS);
registerEnumType(SignpostDestinationEnum, {
  name: 'SignpostDestination',
  description: 'Where triage sends a consultation.',
  valuesConfig: {
    HUB_SERVICE_QUEUE: { description: "A hub service's queue (serviceId required; hub-owned consultations only)." },
    ADMIN_QUEUE: { description: 'Care co-ordinators / administrators of the owner.' },
    URGENT_ESCALATION: { description: 'Red-flag path; immediate clinician action.' },
    SIGNPOSTED_EXTERNAL: {
      description: 'Outside the PCN (community pharmacy, 111, A&E); the triager keeps the lock to complete.',
    },
    CLOSED_REMOTELY: { description: 'Advice or self-care sent; the triager keeps the lock to complete.' },
  },
});

export const RoutingReasonEnum = enumOf(ROUTING_REASONS);
registerEnumType(RoutingReasonEnum, {
  name: 'RoutingReason',
  description: 'Why the current owner owns a consultation.',
  valuesConfig: {
    ROUTED_TO_HUB: { description: 'The practice routes to the hub inbox and the hub had capacity.' },
    PRACTICE_SETTING: { description: 'The practice keeps its online consultations.' },
    HUB_OVER_CAPACITY: {
      description: 'The hub was at its hard limit in PASS_BACK_DEFAULT mode: defaulted to the practice.',
    },
    PASSED_BACK: { description: 'Passed back to the practice by the hub.' },
    PULLED_TO_HUB: { description: 'Pulled from the practice to the hub.' },
    SHARED_TRIAGE: {
      description:
        'Claimed from the hub queue by its practice: during shared-triage overflow, or because the practice shares its inbox with the hub.',
    },
    HUB_CLOSED: { description: 'The hub was closed when it arrived: routed to the practice.' },
  },
});

export const InboxFolderEnum = enumOf(INBOX_FOLDERS);
registerEnumType(InboxFolderEnum, {
  name: 'InboxFolder',
  description: 'Inbox folders: ALL_OPEN, CLINICAL and ADMIN hold open items; the rest hold one or two states.',
  valuesConfig: {
    ALL_OPEN: { description: 'Every open consultation (neither received-only, completed nor cancelled).' },
    CLINICAL: { description: 'Open clinical consultations.' },
    ADMIN: { description: 'Open administrative consultations.' },
    OVERDUE: { description: 'Open consultations past their response-expected-by time.' },
    UNMATCHED: { description: 'Waiting for a patient to be matched by hand.' },
    AWAITING_TRIAGE: { description: "In the owner's triage queue, unclaimed." },
    IN_TRIAGE: { description: 'Claimed for triage.' },
    PASSED_TO_PRACTICE: { description: 'Passed back from the hub to the practice.' },
    HUB_SERVICE_QUEUE: { description: "Signposted to a hub service's queue." },
    ADMIN_QUEUE: { description: 'Signposted to care co-ordinators and administrators.' },
    URGENT: { description: 'Escalated on the red-flag path.' },
    IN_PROGRESS: { description: 'Claimed from a queue and being worked.' },
    SIGNPOSTED: { description: 'Signposted outside the PCN or closed remotely, waiting to be completed.' },
    COMPLETE: { description: 'Completed.' },
    CANCELLED: { description: 'Cancelled.' },
  },
});

export const INBOX_ORDERS = ['OLDEST', 'URGENCY', 'RED_FLAGS', 'OVERDUE'] as const;
export type InboxOrder = (typeof INBOX_ORDERS)[number];
export const InboxOrderEnum = enumOf(INBOX_ORDERS);
registerEnumType(InboxOrderEnum, {
  name: 'InboxOrder',
  description: 'Sort order of the inbox; ties break on submission time, then id.',
  valuesConfig: {
    OLDEST: { description: 'Oldest submission first.' },
    URGENCY: { description: 'Most urgent bracket first; consultations without one last.' },
    RED_FLAGS: { description: 'Most red-flag answers first.' },
    OVERDUE: {
      description:
        'Overdue first: open consultations past their response-expected-by time, the most overdue first; then the open ones by when they are due; then the rest (closed, or without a response-expected-by time).',
    },
  },
});

export const OcRoutingEnum = enumOf(OC_ROUTINGS);
registerEnumType(OcRoutingEnum, {
  name: 'OnlineConsultationRouting',
  description: "Where a practice's new online consultations go.",
  valuesConfig: {
    HUB_INBOX: { description: "The PCN hub's inbox (the default)." },
    PRACTICE_INBOX: { description: "The practice's own inbox." },
  },
});

export const OverflowModeEnum = enumOf(OVERFLOW_MODES);
registerEnumType(OverflowModeEnum, {
  name: 'OverflowMode',
  description: 'What happens when the hub is over capacity.',
  valuesConfig: {
    PASS_BACK_DEFAULT: { description: 'At the hard limit, new arrivals default to the practice inbox.' },
    SHARED_TRIAGE: {
      description: "From the soft limit, practices may claim their own patients' consultations from the hub queue.",
    },
  },
});

export const CapacityStateEnum = enumOf(CAPACITY_STATES);
registerEnumType(CapacityStateEnum, {
  name: 'CapacityState',
  description: 'Load against the thresholds.',
  valuesConfig: {
    NORMAL: { description: 'Below the soft threshold: new work routes as configured.' },
    SOFT_LIMIT: { description: 'At or above the soft threshold: overflow sharing with practices begins.' },
    HARD_LIMIT: { description: 'At or above the hard threshold: the overflow mode decides where new work goes.' },
  },
});

export const HubClosureKindEnum = enumOf(HUB_CLOSURE_KINDS);
registerEnumType(HubClosureKindEnum, {
  name: 'HubClosureKind',
  description: 'What a hub manager declares for a period (business continuity).',
  valuesConfig: {
    CLOSED: {
      description: 'The hub takes no new work: arrivals route to the practices and nothing is pulled to the hub.',
    },
    REDUCED_CAPACITY: {
      description:
        'The hub works at a share of its planned capacity: every capacity plan in force is scaled by capacityPercent.',
    },
  },
});

export const InboxEventTypeEnum = enumOf(INBOX_EVENT_TYPES);
registerEnumType(InboxEventTypeEnum, {
  name: 'InboxEventType',
  description: 'What happened to a consultation in an inbox.',
  valuesConfig: {
    CONSULTATION_ARRIVED: { description: 'A new consultation entered the inbox.' },
    PATIENT_MATCHED: { description: 'An unmatched consultation was matched to a patient.' },
    CLAIMED: { description: 'Someone claimed it (took the lock).' },
    RELEASED: { description: 'The lock was released.' },
    LOCK_OVERRIDDEN: { description: 'A lock was overridden.' },
    SIGNPOSTED: { description: 'It was signposted to a destination.' },
    PASSED_BACK: { description: 'The hub passed it back to the practice.' },
    PULLED_TO_HUB: { description: 'The hub pulled it from the practice.' },
    COMPLETED: { description: 'It was completed.' },
    CANCELLED: { description: 'It was cancelled.' },
    REPLY_REQUESTED: { description: 'Staff sent the patient a reply; it is queued for the patient-messaging plugin.' },
    REPLY_STATUS_CHANGED: { description: "A reply's delivery status changed (see OnlineConsultation.replies)." },
    ATTACHMENT_RECEIVED: {
      description:
        "An attachment's bytes arrived (see OnlineConsultation.attachments); a scanner plugin may now scan it.",
    },
    ATTACHMENT_SCANNED: {
      description: 'A scanner plugin recorded its verdict on an attachment: it is now AVAILABLE or REJECTED.',
    },
  },
});
