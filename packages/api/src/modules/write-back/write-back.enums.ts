import {
  AGREEMENT_STATES,
  DELIVERY_KINDS,
  DELIVERY_STATES,
  TARGET_KINDS,
  WRITE_BACK_DECISIONS,
  WRITE_BACK_EVENT_TYPES,
  WRITE_BACK_STATES,
} from './write-back.codes.js';
import type { WriteBackDirection } from './write-back.policy.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const AgreementStateEnum = graphqlEnum(AGREEMENT_STATES, {
  name: 'WriteBackAgreementState',
  description: 'Lifecycle of a write-back agreement.',
  values: {
    REQUESTED: 'Asked for; not yet activated by both sides.',
    ACTIVE: 'Both the source and the target have activated it: entries flow.',
    SUSPENDED: 'Was active; a side withdrew its activation. Re-activating makes it ACTIVE again.',
    REVOKED: 'Ended for good.',
  },
});

export const WriteBackStateEnum = graphqlEnum(WRITE_BACK_STATES, {
  name: 'WriteBackState',
  description: 'Where the write-back of an entry (or, combined, of a consultation) stands.',
  values: {
    PENDING: 'Waiting to be sent.',
    SENDING: 'An attempt is in flight.',
    DELIVERED: 'The registered practice acknowledged it.',
    RETRYING: 'Not acknowledged yet (failed or outcome unknown); will be sent again with the same message id.',
    DEAD: 'Given up after the last attempt (dead letter); a hub manager may redrive or discard it.',
    DISCARDED: 'A dead letter a hub manager discarded.',
    BLOCKED: 'Not allowed: no active agreement or the switch is off (see the reason).',
    NOT_REQUIRED: 'Nothing to send: admin content, or the patient is registered at the authoring organisation.',
  },
});

export const DeliveryStateEnum = graphqlEnum(DELIVERY_STATES, {
  name: 'WriteBackDeliveryState',
  description: 'State of one delivery (one version of one entry).',
  values: {
    WAITING: 'Queued behind an earlier delivery to the same patient record (sent in order).',
    PENDING: 'Waiting to be sent.',
    SENDING: 'Claimed by a worker under a lease.',
    DELIVERED: 'Acknowledged by the target.',
    RETRYING: 'Waiting for its next attempt (backoff).',
    DEAD: 'Attempts exhausted or rejected by the target.',
    SUPERSEDED: 'Replaced by a later version before it was sent, or no longer to be sent.',
    DISCARDED: 'A dead letter discarded by a hub manager.',
  },
});

export const DecisionEnum = graphqlEnum(WRITE_BACK_DECISIONS, {
  name: 'WriteBackDecision',
  description: 'What the policy decides for an entry.',
  values: {
    WRITE_BACK: 'Written back to the registered practice.',
    BLOCKED: 'Not allowed by the agreements and switches.',
    NOT_REQUIRED: 'Not needed.',
  },
});

export const DirectionEnum = graphqlEnum<WriteBackDirection>(
  ['SAME_ORGANISATION', 'HUB_TO_PRACTICE', 'PRACTICE_TO_PRACTICE', 'UNSUPPORTED'],
  {
    name: 'WriteBackDirection',
    description: 'From the authoring organisation to the registered practice.',
    values: {
      SAME_ORGANISATION: 'The patient is registered at the authoring organisation.',
      HUB_TO_PRACTICE: 'From the hub to a member practice.',
      PRACTICE_TO_PRACTICE: 'From one practice to another.',
      UNSUPPORTED: 'Any other pairing.',
    },
  },
);

export const TargetKindEnum = graphqlEnum(TARGET_KINDS, {
  name: 'WriteBackTargetKind',
  description: 'Where a practice receives write-back.',
  values: {
    IN_HUB: "The practice record inside pcn-hub (default): the practice's users see the entries there.",
    HTTP: "The practice's clinical-system endpoint, called with Standard Webhooks signed JSON.",
  },
});

export const DeliveryKindEnum = graphqlEnum(DELIVERY_KINDS, {
  name: 'WriteBackDeliveryKind',
  description: 'What a delivery carries.',
  values: {
    ENTRY: 'The entry (new, or a replacement of an earlier version).',
    REMOVAL: 'The removal of an entry that was sent before.',
  },
});

export const EventTypeEnum = graphqlEnum(WRITE_BACK_EVENT_TYPES, {
  name: 'WriteBackEventType',
  description: 'The state an entry write-back reached.',
  values: {
    WRITE_BACK_PENDING: 'Decided and queued for delivery.',
    WRITE_BACK_SENDING: 'An attempt is in flight.',
    WRITE_BACK_RETRYING: 'An attempt failed; it will be retried.',
    WRITE_BACK_DELIVERED: 'The practice record acknowledged it.',
    WRITE_BACK_DEAD: 'Gave up after its attempts (a dead letter): redrive or discard.',
    WRITE_BACK_DISCARDED: 'A dead letter was discarded by an administrator.',
    WRITE_BACK_BLOCKED: 'Not sent: no agreement allows it (see explainWriteBack).',
    WRITE_BACK_NOT_REQUIRED:
      'Nothing to send (the authoring organisation is the registered practice, or the entry is admin-only).',
  },
});
