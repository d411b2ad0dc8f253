import {
  Arg,
  Authorized,
  createUnionType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { OdsCodeScalar, normaliseOdsCode } from '@pcn-hub/schema';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { forkContext, type AuthenticatedContext, type RequestContext } from '../../platform/context.js';
import { Errors, HubError } from '../../platform/errors.js';
import { streamAuthorizer, subscribeStream, type StreamMessage } from '../../platform/events/index.js';
import { decodeCursor, encodeCursor } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { staffAccountActive } from '../organisations/index.js';
import { Referral } from './referral.entity.js';
import type { ReferralState } from './referral.state.js';
import { ReferralStateEnum } from './referrals.enums.js';
import { referralStream } from './referrals.events.js';
import { referralGlobalId, toReferralType } from './referrals.mappers.js';
import { REFERRAL_READERS, canSeeReferral } from './referrals.policy.js';
import { ReferralType } from './referrals.types.js';

const HEARTBEAT_MS = 15_000;

@ObjectType('ReferralEvent', { description: 'A referral moved.' })
export class ReferralEvent {
  readonly __typename = 'ReferralEvent' as const;
  scope!: RequestContext;
  referralDbId!: string;
  @Field(() => Int, { description: "Position in this organisation's referral stream: gap-free, increasing by one." })
  seq!: number;
  @Field(() => String, { description: 'Resume point: pass as `after` to receive the events after this one.' })
  cursor!: string;
  @Field(() => String, { description: 'Event type, REFERRAL_<state reached>.' })
  type!: string;
  @Field(() => ReferralStateEnum, { nullable: true, description: 'State before; null for a new referral.' })
  from!: ReferralState | null;
  @Field(() => ReferralStateEnum, { description: 'State reached.' })
  to!: ReferralState;
  @Field(() => DateTime, { description: 'When it was recorded.' })
  at!: Date;
  @Field(() => String, { nullable: true, description: 'Actor id of who did it.' })
  actorId!: string | null;
  @Field(() => ID, { description: 'Global id of the referral.' })
  referralId!: string;
}

@ObjectType('ReferralStreamHeartbeat', { description: 'Nothing happened for a while; the stream is alive.' })
export class ReferralStreamHeartbeat {
  readonly __typename = 'ReferralStreamHeartbeat' as const;
  @Field(() => Int, { description: 'The latest seq of the stream.' })
  latestSeq!: number;
  @Field(() => DateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType('ReferralStreamResyncRequired', {
  description:
    'The events after your cursor are no longer retained: reload referrals, then expect the events after latestSeq.',
})
export class ReferralStreamResyncRequired {
  readonly __typename = 'ReferralStreamResyncRequired' as const;
  @Field(() => Int, { description: 'The stream position the events that follow continue from.' })
  latestSeq!: number;
  @Field(() => String, { description: 'Why.' })
  reason!: string;
}

export const ReferralStreamMessage = createUnionType({
  name: 'ReferralStreamMessage',
  description: 'One message of a referral live stream.',
  types: () => [ReferralEvent, ReferralStreamHeartbeat, ReferralStreamResyncRequired] as const,
  resolveType: (value: { __typename: string }) => value.__typename,
});

function streamCursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  const [seq] = decodeCursor(after, ['int'], 'after');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw Errors.badInput('after', 'after is not a valid cursor');
  return seq;
}



@Resolver(() => ReferralEvent)
export class ReferralSubscriptionResolver {
  @Authorized(...REFERRAL_READERS)
  @Subscription(() => ReferralStreamMessage, {
    description:
      "Live referral events of the viewer's own organisation (the hub: every referral into it; a practice: its own), gap-free and resumable like inboxEvents. Another organisation's stream is refused.",
    subscribe: ({ args, context }) => {
      const ctx = context as AuthenticatedContext;
      const { organisation, after } = args as { organisation: string; after?: string | null };
      if (normaliseOdsCode(organisation) !== ctx.actor.organisationOds) {
        throw new HubError('NOT_FOUND', 'Referral stream not found', { field: 'organisation' });
      }
      return subscribeStream({
        stream: referralStream(ctx.actor.organisationId),
        afterSeq: streamCursor(after),
        bus: ctx.events,
        orm: ctx.orm,
        authorize: streamAuthorizer({
          actor: ctx.actor,
          allowed: () => hasAnyRole(ctx.actor, REFERRAL_READERS),
          accountActive: staffAccountActive(ctx.orm),
        }),
        heartbeatMs: HEARTBEAT_MS,
        logger: ctx.logger,
      });
    },
  })
  referralEvents(
    @Root() message: StreamMessage,
    @Arg('organisation', () => OdsCodeScalar, { description: "ODS code of the viewer's own organisation." })
    _organisation: string,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last event received; omit to start live.',
    })
    _after: string | null,
    @Ctx() ctx: RequestContext,
  ): ReferralEvent | ReferralStreamHeartbeat | ReferralStreamResyncRequired {
    switch (message.kind) {
      case 'EVENT': {
        const { event } = message;
        return {
          __typename: 'ReferralEvent',
          scope: forkContext(ctx),
          referralDbId: event.subjectId,
          seq: event.seq,
          cursor: encodeCursor([event.seq]),
          type: event.type,
          from: (event.payload.from as ReferralState | null) ?? null,
          to: event.payload.to as ReferralState,
          at: event.createdAt,
          actorId: event.actorId,
          referralId: referralGlobalId(event.subjectId),
        };
      }
      case 'HEARTBEAT':
        return { __typename: 'ReferralStreamHeartbeat', latestSeq: message.latestSeq, at: message.at };
      case 'RESYNC_REQUIRED':
        return {
          __typename: 'ReferralStreamResyncRequired',
          latestSeq: message.latestSeq,
          reason: 'CURSOR_OUTSIDE_RETENTION',
        };
      default: {
        const never: never = message;
        return never;
      }
    }
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
