import type { AuthenticatedContext } from '../../platform/context.js';
import { Patient, toPatientType, type PatientType } from '../patients/index.js';

/** The patient of a consultation the viewer can see; the read is audited like any patient read. */
export async function patientForConsultation(ctx: AuthenticatedContext, patientId: string): Promise<PatientType> {
  const patient = await ctx.em.findOneOrFail(Patient, { id: patientId });
  await ctx.audit.recordNow(ctx.em, [{ action: 'readPatient', subjectType: 'Patient', subjectId: patientId, patientId }]);
  return toPatientType(patient);
}
