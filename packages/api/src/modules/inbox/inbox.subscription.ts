import {
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import { authenticated } from '../../platform/auth/auth-context.js';
import { forkContext, type RequestContext } from '../../platform/context.js';
import {
  followStream,
  liveStreamTypes,
  StreamArgs,
  streamEventFields,
  parseStreamCursor,
  streamEventCursor,
  type StreamHeartbeat,
  type StreamMessage,
  type StreamResyncRequired,
} from '../../platform/events/index.js';
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
  /** This event's own scope (EntityManager fork, audit), made on first use: most selections never need it. */
  scope!: () => RequestContext;
  consultationDbId!: string;
  /** The practice whose shared inbox hub staff follow; null on the viewer's own inbox. */
  sharedInboxId!: string | null;

  @Field(() => InboxEventTypeEnum, { description: 'What happened.' })
  type!: InboxEventKind;
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
}

const { Message: InboxStreamMessage, toMessage } = liveStreamTypes({
  event: InboxEvent,
  heartbeat: 'InboxHeartbeat',
  resync: 'InboxResyncRequired',
  reload: 'reload the inbox, then',
  union: 'InboxStreamMessage',
  of: 'an inbox live stream',
});

/** Memoises `make`: per-event work is done once, and only when a selected field asks for it. */
function lazily<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

@Resolver(() => InboxEvent)
export class InboxSubscriptionResolver {
  @Authorized(...INBOX_ROLES)
  @PluginScope('events:read')
  @Subscription(() => InboxStreamMessage, {
    description:
      "Live events of the viewer's own inbox (hub staff: the hub's; practice staff: their practice's), or, for hub staff, of a PCN practice's inbox while it shares it (re-checked for every event), gap-free and resumable: `after` replays what was missed from the event log, then continues live. A cursor older than retention yields InboxResyncRequired. Another organisation's inbox is refused.",
    subscribe: async ({ args, context }) => {
      const ctx = authenticated(context as RequestContext);
      const { organisation, after } = args as StreamArgs;
      const afterSeq = parseStreamCursor(after);
      const organisationId = await new InboxService(ctx).followableInboxId(organisation);
      const shared = organisationId !== ctx.actor.organisationId;
      return followStream(ctx, {
        stream: inboxStream(organisationId),
        afterSeq,
        allowed: () => shared || canFollowInbox(ctx.actor, organisationId),
        accountActive: staffAccountActive(ctx.orm),
        // A shared inbox is followed only while the practice still shares it.
        ...(shared ? { stillFollowing: () => stillShared(ctx.orm.em.fork(), ctx.actor, organisationId) } : {}),
      });
    },
  })
  inboxEvents(
    @Root() message: StreamMessage,
    @Args(() => StreamArgs) _args: StreamArgs,
    @Ctx() ctx: RequestContext,
  ): InboxEvent | StreamHeartbeat | StreamResyncRequired {
    return toMessage(message, (event) => ({
      __typename: 'InboxEvent',
      scope: lazily(() => forkContext(ctx)),
      consultationDbId: event.subjectId,
      sharedInboxId:
        event.stream === inboxStream(ctx.actor?.organisationId ?? '') ? null : event.stream.slice('inbox:'.length),
      seq: event.seq,
      cursor: streamEventCursor(event.seq),
      type: event.type as InboxEventKind,
      at: event.createdAt,
      actorId: event.actorId,
      consultationId: consultationGlobalId(event.subjectId),
    }));
  }

  @FieldResolver(() => OnlineConsultationType, {
    nullable: true,
    description:
      'The consultation as it is now, for the viewer; null when no longer visible to them (e.g. passed to a practice, or pulled from a shared practice inbox to another). Audited.',
  })
  async consultation(@Root() event: InboxEvent): Promise<OnlineConsultationType | null> {
    const scope = event.scope();
    const actor = scope.actor;
    const c = await scope.em.findOne(OnlineConsultation, { id: event.consultationDbId });
    // On a shared inbox (sharing was re-checked before this event): what that practice still owns.
    const visible =
      c && actor && (canSeeConsultation(actor, { ownerId: c.owner.id }) || c.owner.id === event.sharedInboxId);
    if (!actor || !c || !visible) return null;
    await scope.audit.recordNow(scope.em, [
      {
        action: 'readOnlineConsultation',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        patientId: c.patient?.id ?? null,
      },
    ]);
    return Object.assign(toConsultationType(recordOf(c)), { scope });
  }
}
