import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { ROLE_ORGANISATION_KINDS } from '../../platform/auth/roles.js';

/** Organisations are visible within the actor's own PCN only; outside it they do not exist. */
export function canSeeOrganisation(actor: Actor, org: { id: string; pcnId: string | null }): boolean {
  return org.id === actor.pcnId || org.pcnId === actor.pcnId;
}

/** Staff lists are seen by the hub and the PCN for the whole PCN, by a practice for itself only. */
export function canSeeStaffOf(actor: Actor, org: { id: string; pcnId: string | null }): boolean {
  if (actor.organisationKind === 'PRACTICE') return org.id === actor.organisationId;
  return canSeeOrganisation(actor, org);
}

/** Hub managers set up their PCN; a practice admin manages their own practice's staff. */
export function canManageStaffOf(actor: Actor, org: { id: string; pcnId: string | null }): boolean {
  if (actor.roles.has('HUB_MANAGER')) return canSeeOrganisation(actor, org);
  if (actor.roles.has('PRACTICE_ADMIN')) return org.id === actor.organisationId;
  return false;
}

/** Roles may only be granted where they make sense, and only by someone who holds a wider right. */
export function rolesFitOrganisation(roles: readonly Role[], kind: string): Role | null {
  return roles.find((role) => !ROLE_ORGANISATION_KINDS[role].includes(kind)) ?? null;
}
