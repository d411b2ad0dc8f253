import type { ChangeEvents, Tx } from '../../platform/changes.js';
import { uuidv7 } from '../../platform/ids.js';
import { ReferralTransition, type Referral } from './referral.entity.js';
import { REFERRAL_EVENT_TYPE, canTransition, type ReferralState } from './referral.state.js';
import { ReferralErrors } from './referrals.errors.js';

/** The live referral stream of an organisation: the hub's (all referrals into it) or a practice's (its own). */
export const referralStream = (organisationId: string): string => `referrals:${organisationId}`;

/**
 * Records one move inside the caller's transaction: the state change, a history row, and an event
 * for the hub's and the referring practice's streams (appended at the end of the transaction by the
 * change recipe, `platform/changes.ts`). Refuses a move the state machine does not allow.
 */
export async function moveReferral(
  em: Tx,
  referral: Referral,
  to: ReferralState,
  actorId: string,
  reason: string | null,
  events: ChangeEvents,
): Promise<void> {
  const from = referral.state;
  if (!canTransition(from, to)) throw ReferralErrors.invalidTransition(referral.id, from, to);
  referral.state = to;
  await record(em, referral, from, to, actorId, reason, events);
}

/** Records the creation (no "from" state) of a referral already persisted in REQUESTED. */
export async function recordCreation(em: Tx, referral: Referral, actorId: string, events: ChangeEvents): Promise<void> {
  await record(em, referral, null, referral.state, actorId, null, events);
}

async function record(
  em: Tx,
  referral: Referral,
  from: ReferralState | null,
  to: ReferralState,
  actorId: string,
  reason: string | null,
  events: ChangeEvents,
): Promise<void> {
  em.create(ReferralTransition, {
    id: uuidv7(),
    referral,
    fromState: from,
    toState: to,
    actorId,
    reason: reason?.slice(0, 500) ?? null,
  });
  const streams = [...new Set([referral.hub.id, referral.fromOrganisation.id])].map(referralStream).sort();
  const payload = {
    referralId: referral.id,
    from,
    to,
    method: referral.method,
    serviceId: referral.service.id,
    practiceId: referral.fromOrganisation.id,
    slotId: referral.slot?.id ?? null,
  };
  for (const stream of streams) {
    events.add({
      stream,
      type: REFERRAL_EVENT_TYPE[to],
      subjectType: 'Referral',
      subjectId: referral.id,
      actorId,
      payload,
    });
  }
}
