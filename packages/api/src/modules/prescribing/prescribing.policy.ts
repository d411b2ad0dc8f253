import type { Actor } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';
import type { PrescriptionState } from './prescribing.codes.js';

/** Who raises prescriptions at the hub. */
export const PRESCRIPTION_RAISERS: readonly Role[] = ROLES.hubClinicians;
/** Who reads prescriptions (each within their own organisation, see {@link canSeePrescription}). */
export const PRESCRIPTION_READERS: readonly Role[] = [...ROLES.clinicians, 'HUB_MANAGER'];
/** Who cancels (the service narrows it by state, see {@link cancelRule}). */
export const PRESCRIPTION_CANCELLERS: readonly Role[] = ROLES.clinicians;
/** Who sees PCN-level aggregates (no patient identifiers). */
export const SUMMARY_READERS: readonly Role[] = ROLES.analysts;
/** Who sets up the cost centre and its prescribers. */
export const COST_CENTRE_MANAGERS: readonly Role[] = ['HUB_MANAGER'];
/** Who may look at the cost centre and its prescribers. */
export const COST_CENTRE_READERS: readonly Role[] = [...ROLES.hubClinicians, ...ROLES.analysts];

/** Facts about a prescription the rules need. */
export interface PrescriptionFacts {
  readonly hubId: string;
  readonly registeredPracticeId: string;
  readonly state: PrescriptionState;
  /** True when the hub issued it (under its cost centre); false for a repeat issued by the practice. */
  readonly issuedAtHub: boolean;
}

/**
 * The raising hub and the patient's registered practice see a prescription (its states and
 * history); nobody else does, and for them it answers NOT_FOUND.
 */
export function canSeePrescription(
  actor: Actor,
  p: Pick<PrescriptionFacts, 'hubId' | 'registeredPracticeId'>,
): boolean {
  if (actor.organisationKind === 'HUB') return p.hubId === actor.organisationId;
  if (actor.organisationKind === 'PRACTICE') return p.registeredPracticeId === actor.organisationId;
  return false;
}

/**
 * Who may cancel in each state: before issue, the hub's clinicians (withdrawing their request);
 * once issued, a prescriber of whoever issued it (`HUB_PRESCRIBER`: the service also checks the
 * prescriber record). Call it after the transition table has accepted CANCEL from `p.state`.
 */
export function cancelRule(actor: Actor, p: PrescriptionFacts): 'ALLOWED' | 'HUB_PRESCRIBER' | 'DENIED' {
  const atHub = actor.organisationKind === 'HUB' && actor.organisationId === p.hubId;
  const atPractice = actor.organisationKind === 'PRACTICE' && actor.organisationId === p.registeredPracticeId;
  if (p.state === 'ISSUED') {
    if (p.issuedAtHub) return atHub && actor.roles.has('HUB_PRESCRIBER') ? 'HUB_PRESCRIBER' : 'DENIED';
    return atPractice && actor.roles.has('PRACTICE_CLINICIAN') ? 'ALLOWED' : 'DENIED';
  }
  // Before issue: the hub withdraws its own request; the practice refuses a repeat with reject instead.
  return atHub && (actor.roles.has('HUB_CLINICIAN') || actor.roles.has('HUB_PRESCRIBER')) ? 'ALLOWED' : 'DENIED';
}

/** A practice clinician of the registered practice reconciles repeats sent to it. */
export function canReconcileAtPractice(actor: Actor, p: Pick<PrescriptionFacts, 'registeredPracticeId'>): boolean {
  return (
    actor.organisationKind === 'PRACTICE' &&
    actor.organisationId === p.registeredPracticeId &&
    actor.roles.has('PRACTICE_CLINICIAN')
  );
}
