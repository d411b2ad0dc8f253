import type { Tx } from '../../platform/changes.js';
import { appendToStreams, type StoredEvent } from '../../platform/events/index.js';
import { EVENT_TYPE_OF, type PrescriptionAction, type PrescriptionState } from './prescribing.codes.js';
import { PrescriptionTransition, type Prescription } from './prescription.entity.js';

/** The live prescribing stream of an organisation (the hub, or a registered practice). */
export const prescribingStream = (organisationId: string): string => `prescribing:${organisationId}`;

/** One transition to record: a history row and an event on the hub's and the practice's streams. */
export interface TransitionRecord {
  readonly prescription: Prescription;
  readonly action: PrescriptionAction;
  readonly from: PrescriptionState | null;
  readonly to: PrescriptionState;
  readonly actorId: string;
  readonly actorOrganisationId: string;
  readonly reason?: string | null;
}

/**
 * Records a transition inside the caller's transaction. Both the hub and the registered practice
 * see a prescription's states, so the event goes to both streams, in stream-name order so that
 * two writers never wait on each other's stream heads in opposite orders. Payloads: ids and codes.
 */
export async function recordTransition(em: Tx, record: TransitionRecord): Promise<StoredEvent[]> {
  const { prescription: p, action, from, to } = record;
  em.create(PrescriptionTransition, {
    prescription: p,
    action,
    fromState: from,
    toState: to,
    actorId: record.actorId,
    actorOrganisationId: record.actorOrganisationId,
    reason: record.reason ?? null,
  });
  const payload = {
    prescriptionId: p.id,
    from,
    to,
    courseOfTherapy: p.courseOfTherapy,
    hubId: p.hub.id,
    registeredPracticeId: p.registeredPractice.id,
    shortFormId: p.shortFormId,
    itemCount: p.itemCount,
  };
  return appendToStreams(em, [p.hub.id, p.registeredPractice.id].map(prescribingStream), {
    type: EVENT_TYPE_OF[action],
    subjectType: 'Prescription',
    subjectId: p.id,
    actorId: record.actorId,
    payload,
  });
}
