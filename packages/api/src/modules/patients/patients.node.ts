import type { OwnRulesNodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { Patient } from './patient.entity.js';
import { auditPatientReads } from './audit.service.js';
import { toPatientType } from './patients.mappers.js';
import { patientScope } from './patients.policy.js';

/**
 * `node(id:)` for a Patient: staff with a clinical or administrative role, within the patients in
 * their care (`patientScope`); never a plugin or an analyst alone. The read is audited.
 */
export const patientNode: OwnRulesNodeFetcher = {
  find: async (ctx, id) => {
    const roles = ctx.actor.roles;
    if (!roles.size || roles.has('INTEGRATION') || (roles.has('PCN_ANALYST') && roles.size === 1)) return null;
    const patient = await ctx.em.findOne(Patient, { $and: [{ id }, patientScope(ctx.actor)] });
    if (!patient) return null;
    await auditPatientReads(ctx, [id]);
    return toPatientType(patient);
  },
};
