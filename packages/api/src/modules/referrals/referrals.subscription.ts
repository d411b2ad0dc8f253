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
import { hasAnyRole } from '../../platform/auth/actor.js';
import { authenticated } from '../../platform/auth/auth-context.js';
import { forkContext, type RequestContext } from '../../platform/context.js';
import {
  expectOwnOrganisation,
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
import { Referral } from './referral.entity.js';
import type { ReferralState } from './referral.state.js';
import { ReferralStateEnum } from './referrals.enums.js';
import { referralStream } from './referrals.events.js';
import { referralGlobalId, toReferralType } from './referrals.mappers.js';
import { REFERRAL_READERS, canSeeReferral } from './referrals.policy.js';
import { ReferralType } from './referrals.types.js';

@ObjectType('ReferralEvent', { description: 'A referral moved.' })
export class ReferralEvent extends streamEventFields({
  event: 'ReferralEvent',
  seq: "Position in this organisation's referral stream: gap-free, increasing by one.",
}) {
  readonly __typename = 'ReferralEvent' as const;
  scope!: RequestContext;
  referralDbId!: string;
  @Field(() => String, { description: 'Event type, REFERRAL_<state reached>.' })
  type!: string;
  @Field(() => ReferralStateEnum, { nullable: true, description: 'State before; null for a new referral.' })
  from!: ReferralState | null;
  @Field(() => ReferralStateEnum, { description: 'State reached.' })
  to!: ReferralState;
  @Field(() => ID, { description: 'Global id of the referral.' })
  referralId!: string;
}

const { Message: ReferralStreamMessage, toMessage } = liveStreamTypes({
  event: ReferralEvent,
  heartbeat: 'ReferralStreamHeartbeat',
  resync: 'ReferralStreamResyncRequired',
  reload: 'reload referrals, then',
  union: 'ReferralStreamMessage',
  of: 'a referral live stream',
});

@Resolver(() => ReferralEvent)
export class ReferralSubscriptionResolver {
  @Authorized(...REFERRAL_READERS)
  @Subscription(() => ReferralStreamMessage, {
    description:
      "Live referral events of the viewer's own organisation (the hub: every referral into it; a practice: its own), gap-free and resumable like inboxEvents. Another organisation's stream is refused.",
    subscribe: ({ args, context }) => {
      const ctx = authenticated(context as RequestContext);
      const { organisation, after } = args as StreamArgs;
      return followStream(ctx, {
        stream: referralStream(expectOwnOrganisation(ctx, organisation, 'Referral stream')),
        afterSeq: parseStreamCursor(after),
        allowed: () => hasAnyRole(ctx.actor, REFERRAL_READERS),
        accountActive: staffAccountActive(ctx.orm),
      });
    },
  })
  referralEvents(
    @Root() message: StreamMessage,
    @Args(() => StreamArgs) _args: StreamArgs,
    @Ctx() ctx: RequestContext,
  ): ReferralEvent | StreamHeartbeat | StreamResyncRequired {
    return toMessage(message, (event) => ({
      __typename: 'ReferralEvent',
      scope: forkContext(ctx),
      referralDbId: event.subjectId,
      seq: event.seq,
      cursor: streamEventCursor(event.seq),
      type: event.type,
      from: (event.payload.from as ReferralState | null) ?? null,
      to: event.payload.to as ReferralState,
      at: event.createdAt,
      actorId: event.actorId,
      referralId: referralGlobalId(event.subjectId),
    }));
  }

  @FieldResolver(() => ReferralType, {
    nullable: true,
    description: 'The referral as it is now, when visible to the viewer. Audited.',
  })
  async referral(@Root() event: ReferralEvent): Promise<ReferralType | null> {
    const scope = event.scope;
    const r = await scope.em.findOne(Referral, { id: event.referralDbId });
    if (!scope.actor || !r || !canSeeReferral(scope.actor, { hubId: r.hub.id, fromOrgId: r.fromOrganisation.id }))
      return null;
    await scope.audit.recordNow(scope.em, [
      { action: 'readReferral', subjectType: 'Referral', subjectId: r.id, patientId: r.patient.id },
    ]);
    return toReferralType(r);
  }
}
