import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import {
  canCancelWithoutLock,
  canClaimShared,
  canFollowInbox,
  canHandBack,
  canManageContinuity,
  canReadSharedInbox,
  canSetInboxSharing,
  canViewConsultation,
  practiceViewOfHubQueue,
  canOverrideLock,
  canPlanCapacity,
  canPullToHub,
  canReadInbox,
  canSetRouting,
  holdsLock,
  lockActive,
  primaryFamily,
  type LockFacts,
} from './inbox.policy.js';

const PCN = 'pcn-1';
const HUB = 'hub-1';
const P1 = 'practice-1';
const P2 = 'practice-2';

function actor(id: string, roles: Role[], organisationId: string, kind: Actor['organisationKind']): Actor {
  return {
    kind: 'USER',
    id,
    roles: new Set(roles),
    organisationId,
    organisationOds: organisationId,
    organisationKind: kind,
    pcnId: PCN,
  };
}

const manager = actor('hub.manager', ['HUB_MANAGER'], HUB, 'HUB');
const anp1 = actor('hub.anp1', ['HUB_CLINICIAN', 'HUB_PRESCRIBER'], HUB, 'HUB');
const anp2 = actor('hub.anp2', ['HUB_CLINICIAN'], HUB, 'HUB');
const coord = actor('hub.coord1', ['HUB_ADMIN'], HUB, 'HUB');
const gp1 = actor('p1.gp', ['PRACTICE_CLINICIAN'], P1, 'PRACTICE');
const admin1 = actor('p1.admin', ['PRACTICE_ADMIN'], P1, 'PRACTICE');
const gp2 = actor('p2.gp', ['PRACTICE_CLINICIAN'], P2, 'PRACTICE');
const analyst = actor('pcn.analyst', ['PCN_ANALYST'], HUB, 'HUB');
const supplier = { ...actor('oc.supplier', ['INTEGRATION'], HUB, 'HUB'), kind: 'INTEGRATION' as const };

const now = new Date('2026-11-24T10:00:00Z');
const lockBy = (who: Actor, family: string, expires = new Date(now.getTime() + 60_000)): LockFacts => ({
  holder: who.id,
  holderOrgId: who.organisationId,
  holderFamily: family,
  expiresAt: expires,
});

describe('inbox policy', () => {
  it('lets staff read their own organisation inbox only', () => {
    expect(canReadInbox(anp1, HUB)).toBe(true);
    expect(canReadInbox(gp1, P1)).toBe(true);
    expect(canReadInbox(gp1, HUB)).toBe(false);
    expect(canReadInbox(gp1, P2)).toBe(false);
    expect(canReadInbox(anp1, P1)).toBe(false);
    expect(canReadInbox(analyst, HUB)).toBe(false);
    expect(canReadInbox(supplier, HUB)).toBe(false);
  });

  it('knows active, lapsed and held locks', () => {
    expect(lockActive(lockBy(anp1, 'CLINICIAN'), now)).toBe(true);
    expect(lockActive(lockBy(anp1, 'CLINICIAN', new Date(now.getTime() - 1)), now)).toBe(false);
    expect(lockActive({ holder: null, holderOrgId: null, holderFamily: null, expiresAt: null }, now)).toBe(false);
    expect(holdsLock(anp1, lockBy(anp1, 'CLINICIAN'), now)).toBe(true);
    expect(holdsLock(anp2, lockBy(anp1, 'CLINICIAN'), now)).toBe(false);
  });

  it('records the clinician family first', () => {
    expect(primaryFamily(anp1.roles)).toBe('CLINICIAN');
    expect(primaryFamily(coord.roles)).toBe('ADMIN');
    expect(primaryFamily(manager.roles)).toBe('MANAGER');
    expect(primaryFamily(analyst.roles)).toBeNull();
  });

  it('lets a hub manager or the holder team override a lock', () => {
    const hubItem = { ownerId: HUB };
    expect(canOverrideLock(manager, lockBy(anp1, 'CLINICIAN'), hubItem)).toBe(true);
    expect(canOverrideLock(anp2, lockBy(anp1, 'CLINICIAN'), hubItem)).toBe(true);
    expect(canOverrideLock(coord, lockBy(anp1, 'CLINICIAN'), hubItem)).toBe(false);
    expect(canOverrideLock(anp2, lockBy(coord, 'ADMIN'), hubItem)).toBe(false);
    const practiceItem = { ownerId: P1 };
    expect(canOverrideLock(manager, lockBy(gp1, 'CLINICIAN'), practiceItem)).toBe(false);
    expect(canOverrideLock(gp2, lockBy(gp1, 'CLINICIAN'), practiceItem)).toBe(false);
    expect(canOverrideLock(admin1, lockBy(gp1, 'CLINICIAN'), practiceItem)).toBe(false);
  });

  it('lets the owner manager or practice admin cancel without the lock', () => {
    expect(canCancelWithoutLock(manager, { ownerId: HUB })).toBe(true);
    expect(canCancelWithoutLock(anp1, { ownerId: HUB })).toBe(false);
    expect(canCancelWithoutLock(admin1, { ownerId: P1 })).toBe(true);
    expect(canCancelWithoutLock(admin1, { ownerId: P2 })).toBe(false);
  });

  it('lets hub staff and the owning practice pull to the hub', () => {
    expect(canPullToHub(anp1, { ownerId: P1 }, HUB)).toBe(true);
    expect(canPullToHub(gp1, { ownerId: P1 }, HUB)).toBe(true);
    expect(canPullToHub(gp2, { ownerId: P1 }, HUB)).toBe(false);
    expect(canPullToHub(analyst, { ownerId: P1 }, HUB)).toBe(false);
  });

  it('opens shared triage to the own practice only, from the soft limit, in SHARED_TRIAGE mode', () => {
    const item = { ownerId: HUB, originatingPracticeId: P1, state: 'AWAITING_TRIAGE' as const };
    const over = { id: HUB, state: 'SOFT_LIMIT' as const, overflowMode: 'SHARED_TRIAGE' as const };
    expect(canClaimShared(gp1, item, over)).toBe(true);
    expect(canClaimShared(gp2, item, over)).toBe(false);
    expect(canClaimShared(gp1, item, { ...over, state: 'NORMAL' })).toBe(false);
    expect(canClaimShared(gp1, item, { ...over, overflowMode: 'PASS_BACK_DEFAULT' })).toBe(false);
    expect(canClaimShared(gp1, { ...item, state: 'IN_TRIAGE' }, over)).toBe(false);
    expect(canClaimShared(anp1, item, over)).toBe(false);
  });

  it('lets a hub manager set any PCN practice routing and a practice admin its own', () => {
    expect(canSetRouting(manager, { id: P1, pcnId: PCN })).toBe(true);
    expect(canSetRouting(manager, { id: 'other', pcnId: 'other-pcn' })).toBe(false);
    expect(canSetRouting(admin1, { id: P1, pcnId: PCN })).toBe(true);
    expect(canSetRouting(admin1, { id: P2, pcnId: PCN })).toBe(false);
    expect(canSetRouting(gp1, { id: P1, pcnId: PCN })).toBe(false);
  });

  it('lets hub managers plan their own hub capacity only', () => {
    expect(canPlanCapacity(manager, { hubId: HUB })).toBe(true);
    expect(canPlanCapacity(manager, { hubId: 'other-hub' })).toBe(false);
    expect(canPlanCapacity(anp1, { hubId: HUB })).toBe(false);
  });
});

describe('shared queues', () => {
  const sharing = { id: P1, pcnId: PCN, inboxSharing: true };
  const notSharing = { ...sharing, inboxSharing: false };

  it("lets hub staff read a practice's inbox only while it shares it, and never another PCN's", () => {
    expect(canReadSharedInbox(anp1, sharing, HUB)).toBe(true);
    expect(canReadSharedInbox(coord, sharing, HUB)).toBe(true);
    expect(canReadSharedInbox(anp1, notSharing, HUB)).toBe(false);
    expect(canReadSharedInbox(anp1, { ...sharing, pcnId: 'other-pcn' }, HUB)).toBe(false);
    expect(canReadSharedInbox(gp2, sharing, HUB)).toBe(false);
    expect(canReadSharedInbox(analyst, sharing, HUB)).toBe(false);
  });

  it("shows a sharing practice every open hub item of its patients; otherwise today's overflow rule", () => {
    const normal = { state: 'NORMAL' as const, overflowMode: null, sharing: false };
    expect(practiceViewOfHubQueue(gp1, { ...normal, sharing: true })).toBe('OPEN');
    expect(practiceViewOfHubQueue(gp1, normal)).toBeNull();
    expect(practiceViewOfHubQueue(gp1, { ...normal, state: 'SOFT_LIMIT', overflowMode: 'SHARED_TRIAGE' })).toBe(
      'AWAITING_TRIAGE',
    );
    expect(
      practiceViewOfHubQueue(gp1, { ...normal, state: 'SOFT_LIMIT', overflowMode: 'PASS_BACK_DEFAULT' }),
    ).toBeNull();
    expect(practiceViewOfHubQueue(anp1, { ...normal, sharing: true })).toBeNull();
  });

  it('lets a sharing practice claim its own patients awaiting triage at the hub, at any load', () => {
    const item = { ownerId: HUB, originatingPracticeId: P1, state: 'AWAITING_TRIAGE' as const };
    const calm = { id: HUB, state: 'NORMAL' as const, overflowMode: null };
    expect(canClaimShared(gp1, item, calm)).toBe(false);
    expect(canClaimShared(gp1, item, { ...calm, sharing: true })).toBe(true);
    expect(canClaimShared(gp2, item, { ...calm, sharing: true })).toBe(false);
    expect(canClaimShared(gp1, { ...item, state: 'HUB_SERVICE_QUEUE' }, { ...calm, sharing: true })).toBe(false);
  });

  it('lets the shared view read one consultation, never work it', () => {
    const hub = { id: HUB, state: 'NORMAL' as const, overflowMode: null, sharing: false };
    const practiceItem = { ownerId: P1, originatingPracticeId: P1, state: 'AWAITING_TRIAGE' as const };
    expect(canViewConsultation(anp1, practiceItem, { hub, owner: sharing })).toBe(true);
    expect(canViewConsultation(anp1, practiceItem, { hub, owner: notSharing })).toBe(false);
    const hubItem = { ownerId: HUB, originatingPracticeId: P1, state: 'HUB_SERVICE_QUEUE' as const };
    expect(canViewConsultation(gp1, hubItem, { hub: { ...hub, sharing: true }, owner: null })).toBe(true);
    expect(canViewConsultation(gp1, hubItem, { hub, owner: null })).toBe(false);
    expect(canViewConsultation(gp2, hubItem, { hub: { ...hub, sharing: true }, owner: null })).toBe(false);
    expect(
      canViewConsultation(gp1, { ...hubItem, state: 'COMPLETED' }, { hub: { ...hub, sharing: true }, owner: null }),
    ).toBe(false);
  });

  it('lets the same people set sharing as routing', () => {
    expect(canSetInboxSharing(manager, { id: P1, pcnId: PCN })).toBe(true);
    expect(canSetInboxSharing(admin1, { id: P1, pcnId: PCN })).toBe(true);
    expect(canSetInboxSharing(admin1, { id: P2, pcnId: PCN })).toBe(false);
    expect(canSetInboxSharing(gp1, { id: P1, pcnId: PCN })).toBe(false);
    expect(canSetInboxSharing(anp1, { id: P1, pcnId: PCN })).toBe(false);
  });
});

describe('business continuity', () => {
  it("lets only the hub's manager close, reopen and hand back", () => {
    expect(canManageContinuity(manager, HUB)).toBe(true);
    expect(canManageContinuity(manager, 'other-hub')).toBe(false);
    expect(canManageContinuity(anp1, HUB)).toBe(false);
    expect(canManageContinuity(admin1, HUB)).toBe(false);
  });

  it("hands back without a claim, but never from under someone else's live lock", () => {
    const free: LockFacts = { holder: null, holderOrgId: null, holderFamily: null, expiresAt: null };
    expect(canHandBack(manager, { ownerId: HUB }, free, HUB, now)).toBe(true);
    expect(canHandBack(manager, { ownerId: HUB }, lockBy(anp1, 'CLINICIAN'), HUB, now)).toBe(false);
    expect(
      canHandBack(manager, { ownerId: HUB }, lockBy(anp1, 'CLINICIAN', new Date(now.getTime() - 1)), HUB, now),
    ).toBe(true);
    expect(canHandBack(manager, { ownerId: HUB }, lockBy(manager, 'MANAGER'), HUB, now)).toBe(true);
    expect(canHandBack(manager, { ownerId: P1 }, free, HUB, now)).toBe(false);
    expect(canHandBack(anp1, { ownerId: HUB }, free, HUB, now)).toBe(false);
  });
});

describe('following an inbox stream', () => {
  const plugin = (scopes: string[], org = P1) => ({
    ...actor('acme', ['INTEGRATION'], org, 'PRACTICE'),
    kind: 'PLUGIN' as const,
    plugin: { id: 'p', name: 'acme', keyId: 'k', scopes: new Set(scopes), onBehalfOf: null },
  });

  it('lets a plugin with events:read follow the inbox of the organisation it acts for, and nothing else', () => {
    expect(canFollowInbox(plugin(['events:read']), P1)).toBe(true);
    expect(canFollowInbox(plugin(['events:read']), P2)).toBe(false);
    expect(canFollowInbox(plugin(['inbox:submit']), P1)).toBe(false);
    // Following is not reading: the plugin never gets the inbox's consultations.
    expect(canReadInbox(plugin(['events:read']), P1)).toBe(false);
  });

  it('lets staff follow what they may read', () => {
    expect(canFollowInbox(gp1, P1)).toBe(true);
    expect(canFollowInbox(gp1, P2)).toBe(false);
    expect(canFollowInbox(supplier, HUB)).toBe(false);
  });
});
