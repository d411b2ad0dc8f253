import { Arg, Authorized, Mutation, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { ReferralLifecycleService } from './lifecycle.service.js';
import { referralFromConsultation } from '../referring/from-consultation.service.js';
import { ReferralService } from '../referring/referring.service.js';
import {
  BookReferralInput,
  RecordAttendanceInput,
  ReferFromConsultationInput,
  ReferPatientInput,
  ReferralMoveInput,
  ReferralReasonedMoveInput,
} from '../referrals.inputs.js';
import { toReferralType } from '../referrals.mappers.js';
import { HUB_REFERRAL_ROLES, PRACTICE_REFERRER_ROLES, REFERRAL_READERS } from '../referrals.policy.js';
import { ReferralPayload, ReferralType } from '../referrals.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const lifecycle = (ctx: AuthenticatedContext) => new ReferralLifecycleService(ctx);
const payload = (r: Parameters<typeof toReferralType>[0]): ReferralPayload => ({ referral: toReferralType(r) });

/** Making and moving referrals. Every mutation is audited and appends referral events. */
@Resolver(() => ReferralType)
export class ReferralMovesResolver {
  @Authorized(...PRACTICE_REFERRER_ROLES)
  @Mutation(() => ReferralPayload, {
    description:
      "A practice refers one of its patients by a method the service accepts. Each method's rules (consent, agreement, organisation group, slot, team) are checked first; a refusal names the rule and writes nothing.",
  })
  async referPatient(
    @Arg('input', () => ReferPatientInput, { description: 'What to change: see ReferPatientInput.' })
    input: ReferPatientInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await new ReferralService(ctx).referPatient(input));
  }

  @Authorized(...HUB_REFERRAL_ROLES)
  @Mutation(() => ReferralPayload, {
    description:
      'INBOX_SIGNPOST: an online consultation in the hub inbox, signposted to a hub service, becomes a REQUESTED referral.',
  })
  async referFromConsultation(
    @Arg('input', () => ReferFromConsultationInput, { description: 'What to change: see ReferFromConsultationInput.' })
    input: ReferFromConsultationInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    const consultationId = expectGlobalId(input.consultationId, 'OnlineConsultation', 'input.consultationId');
    const serviceId = expectGlobalId(input.serviceId, 'HubService', 'input.serviceId');
    return payload(await referralFromConsultation(ctx, { consultationId, serviceId }));
  }

  @Authorized(...HUB_REFERRAL_ROLES)
  @Mutation(() => ReferralPayload, { description: 'The hub takes on a referral without a slot: REQUESTED -> READY.' })
  async acceptReferral(
    @Arg('input', () => ReferralMoveInput, { description: 'What to change: see ReferralMoveInput.' })
    input: ReferralMoveInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await lifecycle(ctx).accept(input));
  }

  @Authorized(...HUB_REFERRAL_ROLES)
  @Mutation(() => ReferralPayload, { description: 'The hub refuses a referral, with a reason; a held slot is freed.' })
  async rejectReferral(
    @Arg('input', () => ReferralReasonedMoveInput, { description: 'What to change: see ReferralReasonedMoveInput.' })
    input: ReferralReasonedMoveInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await lifecycle(ctx).reject(input));
  }

  @Authorized(...REFERRAL_READERS)
  @Mutation(() => ReferralPayload, {
    description: 'The referring practice or the hub withdraws a referral, with a reason; a held slot is freed.',
  })
  async cancelReferral(
    @Arg('input', () => ReferralReasonedMoveInput, { description: 'What to change: see ReferralReasonedMoveInput.' })
    input: ReferralReasonedMoveInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await lifecycle(ctx).cancel(input));
  }

  @Authorized(...HUB_REFERRAL_ROLES)
  @Mutation(() => ReferralPayload, {
    description: 'The hub books a slot for a REQUESTED referral: BOOKED, then READY or AWAITING_TRACE.',
  })
  async bookReferral(
    @Arg('input', () => BookReferralInput, { description: 'What to change: see BookReferralInput.' })
    input: BookReferralInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await lifecycle(ctx).book(input));
  }

  @Authorized(...HUB_REFERRAL_ROLES)
  @Mutation(() => ReferralPayload, {
    description:
      'Records attendance of a READY referral: ATTENDED opens a hub consultation (see consultationId), else DID_NOT_ATTEND.',
  })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput, { description: 'What to change: see RecordAttendanceInput.' })
    input: RecordAttendanceInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await lifecycle(ctx).recordAttendance(input));
  }

  @Authorized(...HUB_REFERRAL_ROLES)
  @Mutation(() => ReferralPayload, { description: 'Marks the work done: READY or ATTENDED -> COMPLETED.' })
  async completeReferral(
    @Arg('input', () => ReferralMoveInput, { description: 'What to change: see ReferralMoveInput.' })
    input: ReferralMoveInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralPayload> {
    return payload(await lifecycle(ctx).complete(input));
  }
}
