import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { hasAnyRole } from '../../platform/auth/actor.js';
import type { CapacityState, OverflowMode } from './inbox.codes.js';
import type { ConsultationState } from './online-consultation.status.js';

/** Staff who work an inbox: hub staff the hub's, practice staff their practice's. */
export const INBOX_ROLES: readonly Role[] = [
  'HUB_CLINICIAN',
  'HUB_PRESCRIBER',
  'HUB_ADMIN',
  'HUB_MANAGER',
  'PRACTICE_CLINICIAN',
  'PRACTICE_ADMIN',
];

/** Who may submit consultations: OC suppliers (plugin principals come later). */
export const SUBMITTER_ROLES: readonly Role[] = ['INTEGRATION'];

/** Who may change a practice's routing. */
export const ROUTING_ROLES: readonly Role[] = ['HUB_MANAGER', 'PRACTICE_ADMIN'];

/** Role families: "same team" for lock overrides is the same organisation and the same family. */
export type RoleFamily = 'CLINICIAN' | 'ADMIN' | 'MANAGER';

const FAMILY: Partial<Record<Role, RoleFamily>> = {
  HUB_CLINICIAN: 'CLINICIAN',
  HUB_PRESCRIBER: 'CLINICIAN',
  PRACTICE_CLINICIAN: 'CLINICIAN',
  HUB_ADMIN: 'ADMIN',
  PRACTICE_ADMIN: 'ADMIN',
  HUB_MANAGER: 'MANAGER',
};

export function roleFamilies(roles: ReadonlySet<Role>): Set<RoleFamily> {
  return new Set([...roles].map((r) => FAMILY[r]).filter((f): f is RoleFamily => f !== undefined));
}

/** The family recorded with a lock: clinician over admin over manager. */
export function primaryFamily(roles: ReadonlySet<Role>): RoleFamily | null {
  const families = roleFamilies(roles);
  return families.has('CLINICIAN') ? 'CLINICIAN' : families.has('ADMIN') ? 'ADMIN' : families.has('MANAGER') ? 'MANAGER' : null;
}

/** An inbox is readable by staff of its own organisation only; any other answers NOT_FOUND. */
export function canReadInbox(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId && hasAnyRole(actor, INBOX_ROLES);
}

/**
 * Who may follow an inbox's live stream: its staff, or a plugin the organisation enabled with
 * `events:read` (it gets the events' ids and codes; the consultations themselves stay hidden).
 */
export function canFollowInbox(actor: Actor, organisationId: string): boolean {
  if (actor.plugin) return actor.organisationId === organisationId && actor.plugin.scopes.has('events:read');
  return canReadInbox(actor, organisationId);
}

/** A consultation is visible to (and workable by) its owner's staff only. */
export function canSeeConsultation(actor: Actor, c: { ownerId: string }): boolean {
  return canReadInbox(actor, c.ownerId);
}

/** The facts of a lock the rules need. */
export interface LockFacts {
  readonly holder: string | null;
  readonly holderOrgId: string | null;
  readonly holderFamily: string | null;
  readonly expiresAt: Date | null;
}

export function lockActive(lock: LockFacts, now: Date): boolean {
  return lock.holder !== null && lock.expiresAt !== null && lock.expiresAt.getTime() > now.getTime();
}

export function holdsLock(actor: Actor, lock: LockFacts, now: Date): boolean {
  return lockActive(lock, now) && lock.holder === actor.id;
}

/**
 * Override: a hub manager on a hub-owned consultation, or someone of the holder's team (same
 * organisation, same role family).
 */
export function canOverrideLock(actor: Actor, lock: LockFacts, c: { ownerId: string }): boolean {
  if (!canSeeConsultation(actor, c)) return false;
  if (actor.roles.has('HUB_MANAGER') && actor.organisationKind === 'HUB') return true;
  return (
    lock.holderOrgId === actor.organisationId &&
    lock.holderFamily !== null &&
    roleFamilies(actor.roles).has(lock.holderFamily as RoleFamily)
  );
}

/** Cancelling without holding the lock: the owner's manager (hub) or admin (practice). */
export function canCancelWithoutLock(actor: Actor, c: { ownerId: string }): boolean {
  return canSeeConsultation(actor, c) && (actor.roles.has('HUB_MANAGER') || actor.roles.has('PRACTICE_ADMIN'));
}

/**
 * Pull to the hub: hub staff of the consultation's PCN hub (taking work back), or the owning
 * practice's staff (handing it over).
 */
export function canPullToHub(actor: Actor, c: { ownerId: string }, hubId: string): boolean {
  return canSeeConsultation(actor, c) || canReadInbox(actor, hubId);
}

/**
 * Shared triage (overflow): while the hub is over its soft limit in SHARED_TRIAGE mode, a
 * practice's staff may claim hub-owned consultations of their own practice awaiting triage.
 */
export function canClaimShared(
  actor: Actor,
  c: { ownerId: string; originatingPracticeId: string; state: ConsultationState },
  hub: { id: string; state: CapacityState; overflowMode: OverflowMode | null },
): boolean {
  return (
    actor.organisationKind === 'PRACTICE' &&
    hasAnyRole(actor, INBOX_ROLES) &&
    c.ownerId === hub.id &&
    c.originatingPracticeId === actor.organisationId &&
    c.state === 'AWAITING_TRIAGE' &&
    hub.state !== 'NORMAL' &&
    hub.overflowMode === 'SHARED_TRIAGE'
  );
}

/** Routing: a hub manager for any practice of their PCN; a practice admin for their own. */
export function canSetRouting(actor: Actor, practice: { id: string; pcnId: string | null }): boolean {
  if (actor.roles.has('HUB_MANAGER')) return practice.pcnId === actor.pcnId;
  if (actor.roles.has('PRACTICE_ADMIN')) return practice.id === actor.organisationId;
  return false;
}

/** Capacity plans: hub managers of the hub that runs the service. */
export function canPlanCapacity(actor: Actor, service: { hubId: string }): boolean {
  return actor.roles.has('HUB_MANAGER') && actor.organisationId === service.hubId;
}
