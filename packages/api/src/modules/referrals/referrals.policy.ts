import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';

/** Hub staff who work referrals. */
export const HUB_REFERRAL_ROLES: readonly Role[] = ROLES.hubStaff;

/** Practice staff who refer (and see their own referrals). */
export const PRACTICE_REFERRER_ROLES: readonly Role[] = ROLES.practiceStaff;

/** Everyone who reads referrals (each sees their own organisation's). */
export const REFERRAL_READERS: readonly Role[] = ROLES.staff;

/** Who completes a patient trace: hub admin (care co-ordinators) and the manager. */
export const TRACE_ROLES: readonly Role[] = ROLES.hubAdministration;

/** Who changes agreements, the organisation group and a service's accepted methods. */
export const REFERRAL_SETUP_ROLES: readonly Role[] = ['HUB_MANAGER'];

/**
 * The hub sees the referrals into it; a practice sees the referrals it made. Anything else is
 * invisible and answers NOT_FOUND.
 */
export function canSeeReferral(actor: Actor, referral: { hubId: string; fromOrgId: string }): boolean {
  if (actor.organisationKind === 'HUB')
    return actor.organisationId === referral.hubId && hasAnyRole(actor, HUB_REFERRAL_ROLES);
  if (actor.organisationKind === 'PRACTICE') {
    return actor.organisationId === referral.fromOrgId && hasAnyRole(actor, PRACTICE_REFERRER_ROLES);
  }
  return false;
}

/** The referral list scope of an actor: the hub's incoming referrals or the practice's own. */
export function referralScope(actor: Actor): { hub: string } | { fromOrganisation: string } {
  return actor.organisationKind === 'HUB' ? { hub: actor.organisationId } : { fromOrganisation: actor.organisationId };
}

/** A practice may withdraw its own referral; the hub may cancel any of its referrals. */
export function canCancel(actor: Actor, referral: { hubId: string; fromOrgId: string }): boolean {
  return canSeeReferral(actor, referral);
}

/** Hub-side moves (accept, reject, book, attendance, completion) are for the hub's staff only. */
export function canWorkReferral(actor: Actor, referral: { hubId: string }): boolean {
  return (
    actor.organisationKind === 'HUB' && actor.organisationId === referral.hubId && hasAnyRole(actor, HUB_REFERRAL_ROLES)
  );
}
