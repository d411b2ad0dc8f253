import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { uuidv7 } from '../../../platform/ids.js';
import { Consultation } from '../../consultations/index.js';
import { Organisation } from '../../organisations/index.js';
import { Patient } from '../../patients/index.js';
import type { Referral } from '../referral.entity.js';

/**
 * Opens the hub consultation of an attended referral, in the attendance's transaction: a DRAFT,
 * native, clinically relevant consultation authored at the hub by the person recording
 * attendance. Its entries are then added and saved through the consultations API, and the save
 * plans write-back to the registered practice as for any hub consultation.
 *
 * The consultations module exports no service function to open a consultation inside another
 * module's transaction, so this writes its exported entity with the same defaults its
 * `recordConsultation` use case applies (see the report of issue 7).
 */
export async function openAttendanceConsultation(
  ctx: AuthenticatedContext,
  em: Em,
  referral: Referral,
): Promise<string> {
  const hub = await em.findOneOrFail(Organisation, { id: referral.hub.id });
  const consultation = em.create(Consultation, {
    id: uuidv7(),
    patient: em.getReference(Patient, referral.patient.id),
    authoringOrganisation: em.getReference(Organisation, hub.id),
    authorId: ctx.actor.id,
    location: hub.name,
    startedAt: new Date(),
    clinicallyRelevant: true,
    sourceProduct: 'NATIVE',
    inboxConsultationId: referral.onlineConsultationId ?? null,
    state: 'DRAFT',
    version: 0,
  });
  ctx.audit.record(em, {
    action: 'recordConsultation',
    subjectType: 'HubConsultation',
    subjectId: consultation.id,
    patientId: referral.patient.id,
    reason: `attendance of referral ${referral.id}`,
  });
  return consultation.id;
}
