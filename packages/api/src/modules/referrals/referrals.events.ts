import type { Em } from '../../platform/db/orm.js';
import { appendEvent, type EventBus, type EventInput, type StoredEvent } from '../../platform/events/index.js';
import { uuidv7 } from '../../platform/ids.js';
import { ReferralTransition, type Referral } from './referral.entity.js';
import { REFERRAL_EVENT_TYPE, canTransition, type ReferralState } from './referral.state.js';
import { ReferralErrors } from './referrals.errors.js';

/** The live referral stream of an organisation: the hub's (all referrals into it) or a practice's (its own). */
export const referralStream = (organisationId: string): string => `referrals:${organisationId}`;

/**
 * The events of one transaction, appended together at its end. Appending takes each stream's
 * head-row lock until commit, so doing it last keeps those locks short and makes every writer
 * take row locks (slot, referral, trace task) before stream locks; streams are locked in name
 * order. Both rules keep two writers from deadlocking.
 */
export class ReferralEvents {
  private readonly pending: EventInput[] = [];
  private appended: StoredEvent[] = [];

  add(event: EventInput): void {
    this.pending.push(event);
  }

  /** Appends the pending events (stable by stream name: per-stream order is kept). Call last in the transaction. */
  async appendAll(em: Em): Promise<void> {
    const ordered = this.pending
      .map((event, index) => ({ event, index }))
      .sort((a, b) => (a.event.stream < b.event.stream ? -1 : a.event.stream > b.event.stream ? 1 : a.index - b.index));
    this.pending.length = 0;
    for (const { event } of ordered) this.appended.push(await appendEvent(em, event));
  }

  /** The events appended, for hints after commit. */
  get stored(): readonly StoredEvent[] {
    return this.appended;
  }
}

/**
 * Records one move inside the caller's transaction: the state change, a history row, and an event
 * for the hub's and the referring practice's streams (appended by `events.appendAll` at the end of
 * the transaction). Refuses a move the state machine does not allow.
 */
export async function moveReferral(
  em: Em,
  referral: Referral,
  to: ReferralState,
  actorId: string,
  reason: string | null,
  events: ReferralEvents,
): Promise<void> {
  const from = referral.state;
  if (!canTransition(from, to)) throw ReferralErrors.invalidTransition(referral.id, from, to);
  referral.state = to;
  await record(em, referral, from, to, actorId, reason, events);
}

/** Records the creation (no "from" state) of a referral already persisted in REQUESTED. */
export async function recordCreation(
  em: Em,
  referral: Referral,
  actorId: string,
  events: ReferralEvents,
): Promise<void> {
  await record(em, referral, null, referral.state, actorId, null, events);
}

async function record(
  em: Em,
  referral: Referral,
  from: ReferralState | null,
  to: ReferralState,
  actorId: string,
  reason: string | null,
  events: ReferralEvents,
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

/** Wakes subscribers once the transaction that appended `events` has committed. */
export function hintCommitted(bus: EventBus, events: ReferralEvents): void {
  for (const event of events.stored) bus.hint({ stream: event.stream, seq: event.seq });
}
