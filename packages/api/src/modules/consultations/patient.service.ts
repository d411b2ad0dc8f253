import type { AuthenticatedContext } from '../../platform/context.js';
import { auditPatientReads, mayReadDemographics, Patient, toPatientType, type PatientType } from '../patients/index.js';

/**
 * The patient of a consultation the viewer can see; the read is audited like any patient read.
 * A plugin without `patients:read` gets null (it has `patientId`): ids, never demographics.
 */
export async function patientForConsultation(
  ctx: AuthenticatedContext,
  patientId: string,
): Promise<PatientType | null> {
  if (!mayReadDemographics(ctx.actor)) return null;
  const patient = await ctx.em.findOneOrFail(Patient, { id: patientId });
  await auditPatientReads(ctx, [patientId]);
  return toPatientType(patient);
}
