import { fieldsOf, nodeFields } from '../../platform/graphql/fields.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import type { ConsultationTransition } from './online-consultation.entity.js';
import { SHOWN_FIELDS, type ConsultationContent, type ConsultationRecord } from './queue/page.query.js';
import { OnlineConsultationType, type ConsultationTransitionType, type SignpostType } from './inbox.types.js';
import type { ConsultationAction, ConsultationState, SignpostDestination } from './online-consultation.state.js';
import { lockActive } from './inbox.policy.js';
import type { HubClosure } from './inbox-settings.entity.js';
import type { HubClosureType } from './continuity/continuity.types.js';
import { inForceAt } from './continuity/hub-closure.query.js';

export const consultationGlobalId = (id: string): string => toGlobalId('OnlineConsultation', id);

function toSignpost(s: ConsultationContent['signpost']): SignpostType | null {
  if (!s) return null;
  return {
    serviceId: s.serviceId,
    team: s.team,
    urgency: s.urgency,
    mode: s.mode,
    type: s.type,
    destination: s.destination as SignpostDestination,
    comment: s.comment,
    signpostedBy: s.by,
    signpostedAt: new Date(s.at),
  };
}

function contentOf(c: ConsultationContent, id: string) {
  return {
    answers: c.answers,
    redFlags: c.redFlags,
    ice: c.ice,
    attachments: c.attachments.map((a, position) => ({ ...a, consultationDbId: id, position })),
    signpost: toSignpost(c.signpost),
    triageNotes: c.triageNotes,
  };
}

/** The fields of the view a record holds as they are. */
const VIEW_FIELDS = ['ownerId', 'originatingPracticeId', 'patientId', ...SHOWN_FIELDS] as const;

/**
 * The GraphQL view of a consultation; `now` decides whether the lock has lapsed. A record read
 * without its content leaves those fields unset: a page reads the content whenever its selection
 * names one of them (see CONTENT_FIELDS).
 */
export function toConsultationType(c: ConsultationRecord, now: Date = new Date()): OnlineConsultationType {
  const lock = {
    holder: c.lockHolder,
    holderOrgId: c.lockHolderOrgId,
    holderFamily: c.lockHolderFamily,
    expiresAt: c.lockExpiresAt,
  };
  // An instance of the GraphQL class (without running its constructor): type-graphql hands field
  // resolvers their root as an instance and would otherwise copy a plain object into a new one for
  // every field resolved (three per consultation of an inbox page).
  const view = Object.create(OnlineConsultationType.prototype) as OnlineConsultationType;
  return Object.assign(fieldsOf(c, VIEW_FIELDS, view), nodeFields('OnlineConsultation', c.id), {
    submitted: { nhsNumber: c.nhsNumber, givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth },
    lock: lockActive(lock, now) ? { holder: lock.holder!, since: c.lockSince!, expiresAt: lock.expiresAt! } : null,
    ...(c.content ? contentOf(c.content, c.id) : {}),
  });
}

export function toTransitionType(t: ConsultationTransition): ConsultationTransitionType {
  return {
    ...fieldsOf(t, ['actorId', 'reason', 'at']),
    action: t.action as ConsultationAction,
    from: t.fromState as ConsultationState,
    to: t.toState as ConsultationState,
  };
}

export function toClosureType(c: HubClosure, now: Date = new Date()): HubClosureType {
  return {
    __typename: 'HubClosure',
    id: toGlobalId('HubClosure', c.id),
    ...fieldsOf(c, [
      'kind',
      'startsAt',
      'endsAt',
      'capacityPercent',
      'reason',
      'declaredBy',
      'declaredAt',
      'endedAt',
      'endedBy',
      'endReason',
    ]),
    inForce: inForceAt(c, now),
  };
}
