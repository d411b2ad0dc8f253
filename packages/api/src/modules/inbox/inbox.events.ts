import type { Tx } from '../../platform/changes.js';
import { appendToStreams, type StoredEvent } from '../../platform/events/index.js';
import { ConsultationTransition, type OnlineConsultation } from './online-consultation.entity.js';
import { EVENT_TYPE_OF, type ConsultationAction, type ConsultationState } from './online-consultation.state.js';

/** The live stream of an organisation's inbox. */
export const inboxStream = (organisationId: string): string => `inbox:${organisationId}`;

/** One transition to record: a history row plus an event on each affected inbox stream. */
export interface TransitionRecord {
  readonly consultation: OnlineConsultation;
  readonly action: ConsultationAction;
  readonly from: ConsultationState;
  readonly to: ConsultationState;
  readonly actorId: string;
  readonly reason?: string | null;
  readonly fromOwnerId: string | null;
  readonly toOwnerId: string;
  /** Extra coded values for subscribers (ids, enums); never patient data. */
  readonly extra?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * Records a transition inside the caller's transaction: the history row joins the unit of work and
 * the events are appended now. An ownership transfer appends to both inboxes' streams, always in
 * stream-name order, so two transfers in opposite directions cannot deadlock on the stream heads.
 */
export async function recordTransition(em: Tx, record: TransitionRecord): Promise<StoredEvent[]> {
  const { consultation, action, from, to, actorId, fromOwnerId, toOwnerId } = record;
  em.create(ConsultationTransition, {
    consultation,
    action,
    fromState: from,
    toState: to,
    actorId,
    reason: record.reason ?? null,
    fromOwnerId,
    toOwnerId,
  });
  const owners = [fromOwnerId, toOwnerId].filter((o): o is string => o !== null);
  const payload = {
    consultationId: consultation.id,
    from,
    to,
    ownerId: toOwnerId,
    previousOwnerId: fromOwnerId,
    type: consultation.type,
    redFlagCount: consultation.redFlagCount,
    ...record.extra,
  };
  return appendToStreams(em, owners.map(inboxStream), {
    type: EVENT_TYPE_OF[action],
    subjectType: 'OnlineConsultation',
    subjectId: consultation.id,
    actorId,
    payload,
  });
}
