import type { Actor } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';

/** Roles that record and change consultations (integrations record under their plugin id). */
export const CONSULTATION_AUTHORS: readonly Role[] = [...ROLES.clinicians, 'INTEGRATION'];

/** Roles that may read consultations of their own organisation. */
export const CONSULTATION_READERS: readonly Role[] = [...ROLES.staff, 'INTEGRATION'];

/** Roles that may ask why an entry was (not) written back. */
export const EXPLAINERS: readonly Role[] = CONSULTATION_READERS;

/**
 * A consultation belongs to its authoring organisation: only its staff see or change it. A plugin
 * acting for that organisation sees only the consultations it recorded itself.
 */
export function canSeeConsultation(actor: Actor, c: { authoringOrgId: string; sourceProduct?: string }): boolean {
  if (actor.plugin && c.sourceProduct !== actor.plugin.name) return false;
  return actor.organisationId === c.authoringOrgId;
}

/**
 * Who may explain an entry's write-back: the authoring organisation, the staff of the patient's
 * registered practice (to see why something did not arrive), and hub managers of the PCN.
 */
export function canExplain(actor: Actor, c: { authoringOrgId: string; targetOrgId: string; pcnId: string }): boolean {
  if (c.pcnId !== actor.pcnId) return false;
  return (
    actor.organisationId === c.authoringOrgId ||
    actor.organisationId === c.targetOrgId ||
    actor.roles.has('HUB_MANAGER')
  );
}
