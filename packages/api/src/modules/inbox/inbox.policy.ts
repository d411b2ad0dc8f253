import type { Actor } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';
import { hasAnyRole } from '../../platform/auth/actor.js';
import type { CapacityState, OverflowMode } from './inbox.codes.js';
import { OPEN_STATES, type ConsultationState } from './online-consultation.state.js';

/** Staff who work an inbox: hub staff the hub's, practice staff their practice's. */
export const INBOX_ROLES: readonly Role[] = ROLES.staff;

/** Who may submit consultations: OC suppliers (plugin principals come later). */
export const SUBMITTER_ROLES: readonly Role[] = ['INTEGRATION'];

/** Who may read the hub's business continuity periods: everyone who works with its capacity. */
export const CONTINUITY_READERS: readonly Role[] = [...INBOX_ROLES, 'PCN_ANALYST'];

/** Who may change a practice's routing. */
export const ROUTING_ROLES: readonly Role[] = ROLES.administrators;

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
  return families.has('CLINICIAN')
    ? 'CLINICIAN'
    : families.has('ADMIN')
      ? 'ADMIN'
      : families.has('MANAGER')
        ? 'MANAGER'
        : null;
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
 * Shared queues, hub side: hub staff of the PCN's hub may read a practice's inbox (and so find work
 * to pull) only while that practice shares its inbox with the hub. Off, it answers NOT_FOUND as
 * any other organisation's inbox does.
 */
export function canReadSharedInbox(
  actor: Actor,
  practice: { id: string; pcnId: string | null; inboxSharing: boolean },
  hubId: string,
): boolean {
  return practice.inboxSharing && practice.pcnId === actor.pcnId && practice.id !== hubId && canReadInbox(actor, hubId);
}

/** What a practice sees of the hub queue of its own patients. */
export type HubQueueView = 'OPEN' | 'AWAITING_TRIAGE' | null;

/** The hub facts the practice side of sharing depends on. */
export interface SharingFacts {
  readonly id: string;
  readonly state: CapacityState;
  readonly overflowMode: OverflowMode | null;
  /** Whether the viewer's practice shares its inbox with the hub. */
  readonly sharing: boolean;
}

/**
 * Shared queues, practice side: a practice that shares its inbox sees every open hub-owned
 * consultation of its own patients; otherwise, while the hub is over its soft limit in
 * SHARED_TRIAGE overflow, those awaiting triage (the overflow rule that predates sharing);
 * otherwise nothing.
 */
export function practiceViewOfHubQueue(actor: Actor, hub: Omit<SharingFacts, 'id'>): HubQueueView {
  if (actor.organisationKind !== 'PRACTICE' || !hasAnyRole(actor, INBOX_ROLES)) return null;
  if (hub.sharing) return 'OPEN';
  if (hub.state !== 'NORMAL' && hub.overflowMode === 'SHARED_TRIAGE') return 'AWAITING_TRIAGE';
  return null;
}

/** The states a hub-queue view shows. */
export function statesOfView(view: Exclude<HubQueueView, null>): readonly ConsultationState[] {
  return view === 'OPEN' ? OPEN_STATES : ['AWAITING_TRIAGE'];
}

/**
 * Shared triage: a practice's staff may claim (take over) hub-owned consultations of their own
 * practice awaiting triage, while the hub is over its soft limit in SHARED_TRIAGE mode, or at any
 * time when the practice shares its inbox with the hub.
 */
export function canClaimShared(
  actor: Actor,
  c: { ownerId: string; originatingPracticeId: string; state: ConsultationState },
  hub: Omit<SharingFacts, 'sharing'> & { readonly sharing?: boolean },
): boolean {
  return (
    practiceViewOfHubQueue(actor, { ...hub, sharing: hub.sharing ?? false }) !== null &&
    c.ownerId === hub.id &&
    c.originatingPracticeId === actor.organisationId &&
    c.state === 'AWAITING_TRIAGE'
  );
}

/**
 * Reading one consultation (by id, or by node): its owner's staff; hub staff when the owning
 * practice shares its inbox; the originating practice's staff when the hub owns it and the
 * practice's view of the hub queue shows its state. Working it stays with the owner
 * ({@link canSeeConsultation}).
 */
export function canViewConsultation(
  actor: Actor,
  c: { ownerId: string; originatingPracticeId: string; state: ConsultationState },
  facts: { hub: SharingFacts; owner: { id: string; pcnId: string | null; inboxSharing: boolean } | null },
): boolean {
  if (canSeeConsultation(actor, c)) return true;
  if (facts.owner && facts.owner.id === c.ownerId && canReadSharedInbox(actor, facts.owner, facts.hub.id)) return true;
  const view = practiceViewOfHubQueue(actor, facts.hub);
  return (
    view !== null &&
    c.ownerId === facts.hub.id &&
    c.originatingPracticeId === actor.organisationId &&
    statesOfView(view).includes(c.state)
  );
}

/** Inbox sharing is set by the same people as routing: see {@link canSetRouting}. */
export function canSetInboxSharing(actor: Actor, practice: { id: string; pcnId: string | null }): boolean {
  return canSetRouting(actor, practice);
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

/** Business continuity (closing, reducing, reopening the hub, bulk hand-back): hub managers of that hub. */
export function canManageContinuity(actor: Actor, hubId: string): boolean {
  return actor.roles.has('HUB_MANAGER') && actor.organisationKind === 'HUB' && actor.organisationId === hubId;
}

/**
 * Bulk hand-back passes a hub consultation back without the usual claim: the hub's manager may,
 * unless someone else holds a live lock on it (their work is not taken from under them).
 */
export function canHandBack(actor: Actor, c: { ownerId: string }, lock: LockFacts, hubId: string, now: Date): boolean {
  return (
    canManageContinuity(actor, hubId) && c.ownerId === hubId && (!lockActive(lock, now) || lock.holder === actor.id)
  );
}
