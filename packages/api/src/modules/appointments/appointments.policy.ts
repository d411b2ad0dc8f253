import type { Actor } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';

/** Who sets up books, slot types and sessions. */
export const BOOK_EDITORS: readonly Role[] = ROLES.hubAdministration;

/** Who searches slots and reads books: hub staff and practice staff of the PCN. */
export const SLOT_READERS: readonly Role[] = ROLES.staff;

/** Roles that may hold a GP Connect-bookable session (clinicians who see the patient). */
export const SESSION_HOLDER_ROLES: readonly Role[] = ROLES.hubClinicians;

/** Books of a hub are visible to the PCN's staff; editable by the hub's own editors. */
export function canEditBooksOf(actor: Actor, hubId: string): boolean {
  return actor.organisationId === hubId && BOOK_EDITORS.some((r) => actor.roles.has(r));
}

/** A session holder is eligible when a clinician and, if the service names roles, holds one of them. */
export function isEligibleSessionHolder(roles: readonly string[], required: readonly string[]): boolean {
  const clinician = roles.some((r) => (SESSION_HOLDER_ROLES as readonly string[]).includes(r));
  return clinician && (required.length === 0 || roles.some((r) => required.includes(r)));
}
