import { Errors, HubError } from '../../platform/errors.js';
import type { ConsultationState } from './online-consultation.state.js';

/** Situation-named errors of the inbox. Messages carry ids, never patient data. */
export const InboxErrors = {
  notFound: (id: string, field = 'input.consultationId') =>
    new HubError('NOT_FOUND', `OnlineConsultation ${id} not found`, { id, field }),
  inboxNotFound: (odsCode: string) =>
    new HubError('NOT_FOUND', `Inbox of ${odsCode} not found`, { field: 'organisation' }),
  invalidTransition: (id: string, from: ConsultationState, to: ConsultationState) =>
    Errors.invalidTransition('OnlineConsultation', id, from, to),
  lockedByOther: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id} is being edited by someone else`, { id, reason: 'LOCKED_BY_OTHER' }),
  lockNotHeld: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id}: claim it before changing it`, { id, reason: 'LOCK_NOT_HELD' }),
  nothingToOverride: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id} is not locked by someone else; claim it instead`, {
      id,
      reason: 'NOT_LOCKED',
    }),
  hubAtCapacity: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id} cannot be pulled: the hub is at its hard capacity limit`, {
      id,
      reason: 'HUB_AT_HARD_LIMIT',
    }),
  hubClosed: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id} cannot be pulled: the hub is closed`, { id, reason: 'HUB_CLOSED' }),
  alreadyWithPractice: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id} is already owned by a practice`, { id, reason: 'NOT_HUB_OWNED' }),
  alreadyAtHub: (id: string) =>
    Errors.conflict(`OnlineConsultation ${id} is already owned by the hub`, { id, reason: 'HUB_OWNED' }),
  noHub: () => Errors.conflict('This PCN has no hub', { reason: 'NO_HUB' }),
  supplierReferenceTaken: () =>
    Errors.conflict('That supplier reference belongs to a consultation elsewhere', {
      field: 'input.supplierReference',
    }),
  unknownPractice: () => Errors.badInput('input.originatingPracticeOdsCode', 'Not a member practice of your PCN'),
  serviceNotFound: (field: string) => new HubError('NOT_FOUND', 'Hub service not found', { field }),
  serviceRequired: () => Errors.badInput('input.serviceId', 'serviceId is required for HUB_SERVICE_QUEUE'),
  serviceNotAllowed: () => Errors.badInput('input.serviceId', 'serviceId is only for HUB_SERVICE_QUEUE'),
  hubServiceQueueNotForPractice: () =>
    Errors.badInput(
      'input.destination',
      'A practice-owned consultation goes to the hub by pullToHub, not HUB_SERVICE_QUEUE',
    ),
  patientNotFound: () => new HubError('NOT_FOUND', 'Patient not found', { field: 'input.patientNhsNumber' }),
  practiceNotFound: (field: string) => new HubError('NOT_FOUND', 'Practice not found in this PCN', { field }),
} as const;

/** Errors of business continuity (closing, reducing, reopening the hub). */
export const ContinuityErrors = {
  /** A period overlapping one already declared (closing a closed hub included). */
  overlaps: (hubId: string, existing: string, wanted: string) =>
    Errors.invalidTransition('Hub', hubId, existing, wanted),
  notClosed: (hubId: string) => Errors.invalidTransition('Hub', hubId, 'OPEN', 'OPEN'),
  alreadyEnded: (id: string) => Errors.invalidTransition('HubClosure', id, 'ENDED', 'ENDED'),
  closureNotFound: (id: string, field: string) =>
    new HubError('NOT_FOUND', `HubClosure ${id} not found`, { id, field }),
  notManager: () => Errors.forbidden("Only the hub's manager may change its business continuity"),
} as const;
