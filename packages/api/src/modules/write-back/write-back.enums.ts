import { registerEnumType } from 'type-graphql';
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
import { enumOf } from '../../platform/graphql/enums.js';

export const AgreementStateEnum = enumOf(AGREEMENT_STATES);
registerEnumType(AgreementStateEnum, {
  name: 'WriteBackAgreementState',
  description: 'Lifecycle of a write-back agreement.',
  valuesConfig: {
    REQUESTED: { description: 'Asked for; not yet activated by both sides.' },
    ACTIVE: { description: 'Both the source and the target have activated it: entries flow.' },
    SUSPENDED: { description: 'Was active; a side withdrew its activation. Re-activating makes it ACTIVE again.' },
    REVOKED: { description: 'Ended for good.' },
  },
});

export const WriteBackStateEnum = enumOf(WRITE_BACK_STATES);
registerEnumType(WriteBackStateEnum, {
  name: 'WriteBackState',
  description: 'Where the write-back of an entry (or, combined, of a consultation) stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent.' },
    SENDING: { description: 'An attempt is in flight.' },
    DELIVERED: { description: 'The registered practice acknowledged it.' },
    RETRYING: {
      description: 'Not acknowledged yet (failed or outcome unknown); will be sent again with the same message id.',
    },
    DEAD: { description: 'Given up after the last attempt (dead letter); a hub manager may redrive or discard it.' },
    DISCARDED: { description: 'A dead letter a hub manager discarded.' },
    BLOCKED: { description: 'Not allowed: no active agreement or the switch is off (see the reason).' },
    NOT_REQUIRED: {
      description: 'Nothing to send: admin content, or the patient is registered at the authoring organisation.',
    },
  },
});

export const DeliveryStateEnum = enumOf(DELIVERY_STATES);
registerEnumType(DeliveryStateEnum, {
  name: 'WriteBackDeliveryState',
  description: 'State of one delivery (one version of one entry).',
  valuesConfig: {
    WAITING: { description: 'Queued behind an earlier delivery to the same patient record (sent in order).' },
    PENDING: { description: 'Waiting to be sent.' },
    SENDING: { description: 'Claimed by a worker under a lease.' },
    DELIVERED: { description: 'Acknowledged by the target.' },
    RETRYING: { description: 'Waiting for its next attempt (backoff).' },
    DEAD: { description: 'Attempts exhausted or rejected by the target.' },
    SUPERSEDED: { description: 'Replaced by a later version before it was sent, or no longer to be sent.' },
    DISCARDED: { description: 'A dead letter discarded by a hub manager.' },
  },
});

export const DecisionEnum = enumOf(WRITE_BACK_DECISIONS);
registerEnumType(DecisionEnum, {
  name: 'WriteBackDecision',
  description: 'What the policy decides for an entry.',
  valuesConfig: {
    WRITE_BACK: { description: 'Written back to the registered practice.' },
    BLOCKED: { description: 'Not allowed by the agreements and switches.' },
    NOT_REQUIRED: { description: 'Not needed.' },
  },
});

export const DirectionEnum = enumOf<WriteBackDirection>([
  'SAME_ORGANISATION',
  'HUB_TO_PRACTICE',
  'PRACTICE_TO_PRACTICE',
  'UNSUPPORTED',
]);
registerEnumType(DirectionEnum, {
  name: 'WriteBackDirection',
  description: 'From the authoring organisation to the registered practice.',
  valuesConfig: {
    SAME_ORGANISATION: { description: 'The patient is registered at the authoring organisation.' },
    HUB_TO_PRACTICE: { description: 'From the hub to a member practice.' },
    PRACTICE_TO_PRACTICE: { description: 'From one practice to another.' },
    UNSUPPORTED: { description: 'Any other pairing.' },
  },
});

export const TargetKindEnum = enumOf(TARGET_KINDS);
registerEnumType(TargetKindEnum, {
  name: 'WriteBackTargetKind',
  description: 'Where a practice receives write-back.',
  valuesConfig: {
    IN_HUB: {
      description: "The practice record inside pcn-hub (default): the practice's users see the entries there.",
    },
    HTTP: { description: "The practice's clinical-system endpoint, called with Standard Webhooks signed JSON." },
  },
});

export const DeliveryKindEnum = enumOf(DELIVERY_KINDS);
registerEnumType(DeliveryKindEnum, {
  name: 'WriteBackDeliveryKind',
  description: 'What a delivery carries.',
  valuesConfig: {
    ENTRY: { description: 'The entry (new, or a replacement of an earlier version).' },
    REMOVAL: { description: 'The removal of an entry that was sent before.' },
  },
});

export const EventTypeEnum = enumOf(WRITE_BACK_EVENT_TYPES);
registerEnumType(EventTypeEnum, {
  name: 'WriteBackEventType',
  description: 'The state an entry write-back reached.',
  valuesConfig: {
    WRITE_BACK_PENDING: { description: 'Decided and queued for delivery.' },
    WRITE_BACK_SENDING: { description: 'An attempt is in flight.' },
    WRITE_BACK_RETRYING: { description: 'An attempt failed; it will be retried.' },
    WRITE_BACK_DELIVERED: { description: 'The practice record acknowledged it.' },
    WRITE_BACK_DEAD: { description: 'Gave up after its attempts (a dead letter): redrive or discard.' },
    WRITE_BACK_DISCARDED: { description: 'A dead letter was discarded by an administrator.' },
    WRITE_BACK_BLOCKED: { description: 'Not sent: no agreement allows it (see explainWriteBack).' },
    WRITE_BACK_NOT_REQUIRED: {
      description:
        'Nothing to send (the authoring organisation is the registered practice, or the entry is admin-only).',
    },
  },
});
