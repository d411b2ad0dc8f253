import type { AuthenticatedContext } from '../../../platform/context.js';
import type { StreamHint } from '../../../platform/events/index.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { Consultation, recordIssuedMedication } from '../../consultations/index.js';
import { PrescribingErrors } from '../prescribing.errors.js';
import { PrescriptionItem, type Prescription } from '../prescription.entity.js';
import type { Tx } from '../../../platform/changes.js';

/**
 * The consultation a prescription is raised in: one the actor's organisation authored (the
 * consultations module's own visibility rule) and about the same patient.
 */
export async function validateConsultationLink(
  ctx: AuthenticatedContext,
  globalId: string,
  patientId: string,
): Promise<string> {
  const id = expectGlobalId(globalId, 'HubConsultation', 'input.consultationId');
  const consultation = await ctx.em.findOne(Consultation, { id });
  if (!consultation || consultation.authoringOrganisation.id !== ctx.actor.organisationId)
    throw PrescribingErrors.consultationNotFound();
  if (consultation.patient.id !== patientId) throw PrescribingErrors.consultationOfOtherPatient();
  return consultation.id;
}

/** A MEDICATION entry as the consultations module stores and writes back (its `EntryContent`). */
export interface MedicationEntryContent {
  readonly kind: 'MEDICATION';
  readonly dmdCode: string;
  readonly name: string;
  readonly dose: string;
  readonly quantity: string;
}

/** The MEDICATION entries an issued prescription adds to its consultation, one per item. */
export function medicationEntriesFor(
  prescription: Pick<Prescription, 'shortFormId'>,
  items: readonly PrescriptionItem[],
): MedicationEntryContent[] {
  return [...items]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((item) => ({
      kind: 'MEDICATION',
      dmdCode: item.dmdCode,
      // The practice record shows the EPS id beside the medicine, so the dispensed item can be traced.
      name: `${item.medicineName ?? `dm+d ${item.dmdCode}`} (EPS ${prescription.shortFormId ?? 'not issued'})`.slice(
        0,
        255,
      ),
      dose: item.dosageText.slice(0, 500),
      quantity: `${item.quantity} ${item.unit}`.slice(0, 100),
    }));
}

/**
 * Write-back hook, called inside the issue transaction once the prescription has its EPS ids:
 * the items become MEDICATION entries of the linked consultation; when that consultation was
 * already saved, a new version is saved so the entries go through write-back like any other.
 * Returns the write-back stream hints to send after commit.
 */
export async function linkIssuedToConsultation(
  em: Tx,
  prescription: Prescription,
  actor: { id: string; pcnId: string },
): Promise<StreamHint[]> {
  if (!prescription.consultationId) return [];
  const items = await em.find(PrescriptionItem, { prescription: prescription.id }, { orderBy: { lineNo: 'asc' } });
  return recordIssuedMedication(em, {
    consultationId: prescription.consultationId,
    actorId: actor.id,
    pcnId: actor.pcnId,
    entries: medicationEntriesFor(prescription, items),
  });
}
