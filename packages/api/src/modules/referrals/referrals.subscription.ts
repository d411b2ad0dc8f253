import { Field, ID, ObjectType } from 'type-graphql';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { expectOwnOrganisation, liveStreamResolver, streamEventFields } from '../../platform/events/index.js';
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
  @Field(() => String, { description: 'Event type, REFERRAL_<state reached>.' })
  type!: string;
  @Field(() => ReferralStateEnum, { nullable: true, description: 'State before; null for a new referral.' })
  from!: ReferralState | null;
  @Field(() => ReferralStateEnum, { description: 'State reached.' })
  to!: ReferralState;
  @Field(() => ID, { description: 'Global id of the referral.' })
  referralId!: string;
}

export const ReferralSubscriptionResolver = liveStreamResolver({
  field: 'referralEvents',
  description:
    "Live referral events of the viewer's own organisation (the hub: every referral into it; a practice: its own), gap-free and resumable like inboxEvents. Another organisation's stream is refused.",
  roles: REFERRAL_READERS,
  types: {
    event: ReferralEvent,
    heartbeat: 'ReferralStreamHeartbeat',
    resync: 'ReferralStreamResyncRequired',
    reload: 'reload referrals, then',
    union: 'ReferralStreamMessage',
    of: 'a referral live stream',
  },
  accountActive: staffAccountActive,
  follow: (ctx, { organisation }) => ({
    stream: referralStream(expectOwnOrganisation(ctx, organisation, 'Referral stream')),
    allowed: () => hasAnyRole(ctx.actor, REFERRAL_READERS),
  }),
  toEvent: (event) => ({
    type: event.type,
    from: (event.payload.from as ReferralState | null) ?? null,
    to: event.payload.to as ReferralState,
    referralId: referralGlobalId(event.subjectId),
  }),
  subject: {
    field: 'referral',
    type: () => ReferralType,
    description: 'The referral as it is now, when visible to the viewer. Audited.',
    read: async (scope, event) => {
      const r = await scope.em.findOne(Referral, { id: event.subjectDbId });
      if (!r || !canSeeReferral(scope.actor, { hubId: r.hub.id, fromOrgId: r.fromOrganisation.id })) return null;
      return {
        value: toReferralType(r),
        audit: { action: 'readReferral', subjectType: 'Referral', subjectId: r.id, patientId: r.patient.id },
      };
    },
  },
});
