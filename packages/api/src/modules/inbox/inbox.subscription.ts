import { Field, ID, ObjectType } from 'type-graphql';
import { liveStreamResolver, streamEventFields } from '../../platform/events/index.js';
import { staffAccountActive } from '../organisations/index.js';
import { OnlineConsultation } from './online-consultation.entity.js';
import type { InboxEventType as InboxEventKind } from './online-consultation.state.js';
import { InboxEventTypeEnum } from './inbox.enums.js';
import { recordOf } from './queue/page.query.js';
import { consultationGlobalId, toConsultationType } from './inbox.mappers.js';
import { INBOX_ROLES, canFollowInbox, canSeeConsultation } from './inbox.policy.js';
import { InboxService } from './queue/inbox.service.js';
import { stillShared } from './queue/sharing.query.js';
import { inboxStream } from './inbox.events.js';
import { OnlineConsultationType } from './inbox.types.js';

@ObjectType('InboxEvent', { description: 'Something happened to a consultation in the inbox.' })
export class InboxEvent extends streamEventFields({
  event: 'InboxEvent',
  seq: "Position in this inbox's stream: gap-free, increasing by one.",
}) {
  readonly __typename = 'InboxEvent' as const;
  /** The practice whose shared inbox hub staff follow; null on the viewer's own inbox. */
  sharedInboxId!: string | null;

  @Field(() => InboxEventTypeEnum, { description: 'What happened.' })
  type!: InboxEventKind;
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
}

export const InboxSubscriptionResolver = liveStreamResolver({
  field: 'inboxEvents',
  description:
    "Live events of the viewer's own inbox (hub staff: the hub's; practice staff: their practice's), or, for hub staff, of a PCN practice's inbox while it shares it (re-checked for every event), gap-free and resumable: `after` replays what was missed from the event log, then continues live. A cursor older than retention yields InboxResyncRequired. Another organisation's inbox is refused.",
  roles: INBOX_ROLES,
  pluginScope: 'events:read',
  types: {
    event: InboxEvent,
    heartbeat: 'InboxHeartbeat',
    resync: 'InboxResyncRequired',
    reload: 'reload the inbox, then',
    union: 'InboxStreamMessage',
    of: 'an inbox live stream',
  },
  accountActive: staffAccountActive,
  follow: async (ctx, { organisation }) => {
    const organisationId = await new InboxService(ctx).followableInboxId(organisation);
    const shared = organisationId !== ctx.actor.organisationId;
    return {
      stream: inboxStream(organisationId),
      allowed: () => shared || canFollowInbox(ctx.actor, organisationId),
      // A shared inbox is followed only while the practice still shares it.
      ...(shared ? { stillFollowing: () => stillShared(ctx.orm.em.fork(), ctx.actor, organisationId) } : {}),
    };
  },
  toEvent: (event, ctx) => ({
    sharedInboxId:
      event.stream === inboxStream(ctx.actor?.organisationId ?? '') ? null : event.stream.slice('inbox:'.length),
    type: event.type as InboxEventKind,
    consultationId: consultationGlobalId(event.subjectId),
  }),
  subject: {
    field: 'consultation',
    type: () => OnlineConsultationType,
    description:
      'The consultation as it is now, for the viewer; null when no longer visible to them (e.g. passed to a practice, or pulled from a shared practice inbox to another). Audited.',
    read: async (scope, event) => {
      const c = await scope.em.findOne(OnlineConsultation, { id: event.subjectDbId });
      // On a shared inbox (sharing was re-checked before this event): what that practice still owns.
      if (!c || !(canSeeConsultation(scope.actor, { ownerId: c.owner.id }) || c.owner.id === event.sharedInboxId))
        return null;
      return {
        value: Object.assign(toConsultationType(recordOf(c)), { scope }),
        audit: {
          action: 'readOnlineConsultation',
          subjectType: 'OnlineConsultation',
          subjectId: c.id,
          patientId: c.patient?.id ?? null,
        },
      };
    },
  },
});
