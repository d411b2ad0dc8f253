import type { AuthenticatedContext } from '../../platform/context.js';

/**
 * Audits a read of patients: one `readPatient` row per patient returned, written at once (a read
 * has no transaction of its own). Every path that returns a patient's demographics calls it.
 */
export async function auditPatientReads(ctx: AuthenticatedContext, patientIds: readonly string[]): Promise<void> {
  await ctx.audit.recordNow(
    ctx.em,
    patientIds.map((id) => ({ action: 'readPatient', subjectType: 'Patient', subjectId: id, patientId: id })),
  );
}

/** Audits a patient lookup that found no patient the actor may see (no id to name). */
export async function auditPatientReadFailed(ctx: AuthenticatedContext): Promise<void> {
  await ctx.audit.recordNow(ctx.em, [
    { action: 'readPatient', subjectType: 'Patient', outcome: 'FAILED', reason: 'not found or not visible' },
  ]);
}
