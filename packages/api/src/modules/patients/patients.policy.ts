import type { Actor } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';

/** Roles that may read identifiable patient data at all. */
export const PATIENT_READERS: readonly Role[] = ROLES.staff;

/** Roles that may register patients. */
export const PATIENT_REGISTRARS: readonly Role[] = ROLES.administrators;

/**
 * A practice sees the patients registered with it; the hub sees the patients of its PCN's
 * practices. Everything else is invisible (and answers NOT_FOUND).
 */
export function patientScope(actor: Actor): { registeredPractice: string } | { registeredPractice: { pcn: string } } {
  return actor.organisationKind === 'PRACTICE'
    ? { registeredPractice: actor.organisationId }
    : { registeredPractice: { pcn: actor.pcnId } };
}

/** {@link patientScope} as SQL on the patient table aliased `alias`, for plain-SQL reads. */
export function patientScopeSql(actor: Actor, alias: string): { sql: string; params: unknown[] } {
  return actor.organisationKind === 'PRACTICE'
    ? { sql: `${alias}.registered_practice_id = ?`, params: [actor.organisationId] }
    : {
        sql: `${alias}.registered_practice_id in (select o.id from organisation o where o.pcn_id = ?)`,
        params: [actor.pcnId],
      };
}

export function canSeePatientAt(actor: Actor, practice: { id: string; pcnId: string | null }): boolean {
  return actor.organisationKind === 'PRACTICE' ? practice.id === actor.organisationId : practice.pcnId === actor.pcnId;
}
