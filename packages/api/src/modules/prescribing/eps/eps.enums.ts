import { registerEnumType } from 'type-graphql';
import {
  EPS_CANCELLATION_REASON_NAMES,
  EPS_CANCELLATION_REASONS,
  EPS_OPERATIONS,
  EPS_OUTCOMES,
  EPS_STATUSES,
  type EpsCancellationReason,
} from './eps.codes.js';
import { enumOf } from '../../../platform/graphql/enums.js';

export const EpsOperationEnum = enumOf(EPS_OPERATIONS);
registerEnumType(EpsOperationEnum, {
  name: 'EpsOperation',
  description: 'What an EPS message asks of the Electronic Prescription Service.',
  valuesConfig: {
    ORDER: { description: 'The prescription-order of an issued prescription.' },
    CANCEL: { description: 'The prescription-order-update cancelling an issued prescription.' },
  },
});

export const EpsStatusEnum = enumOf(EPS_STATUSES);
registerEnumType(EpsStatusEnum, {
  name: 'EpsStatus',
  description: 'Where an EPS message is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for the EPS plugin to send it.' },
    RETRYING: { description: 'The plugin could not reach EPS (or EPS failed); the hub sends it again with backoff.' },
    ACCEPTED: { description: 'EPS accepted it.' },
    REJECTED: { description: 'EPS refused it; `errorCode` says why.' },
    UNDELIVERED: {
      description:
        'The hub gave up reaching the EPS plugin (its webhook delivery is DEAD; a hub manager can redrive it).',
    },
  },
});

export const EpsOutcomeEnum = enumOf(EPS_OUTCOMES);
registerEnumType(EpsOutcomeEnum, {
  name: 'EpsOutcome',
  description: 'What the EPS plugin reports about a message it sent.',
  valuesConfig: {
    ACCEPTED: { description: 'EPS accepted it (terminal).' },
    REJECTED: { description: 'EPS refused it, with its error code (terminal).' },
    RETRYING: { description: 'A transient failure: answer the webhook with a 5xx so that the hub redelivers it.' },
  },
});

export const EpsCancellationReasonEnum = Object.fromEntries(
  EPS_CANCELLATION_REASON_NAMES.map((name) => [name, name]),
) as { [K in EpsCancellationReason]: K };
registerEnumType(EpsCancellationReasonEnum, {
  name: 'EpsCancellationReason',
  description: 'Why an issued prescription is cancelled, as EPS codes it (medicationrequest-status-reason).',
  valuesConfig: Object.fromEntries(
    EPS_CANCELLATION_REASON_NAMES.map((name) => [
      name,
      { description: `${EPS_CANCELLATION_REASONS[name].code} ${EPS_CANCELLATION_REASONS[name].display}.` },
    ]),
  ),
});
