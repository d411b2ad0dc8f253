import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import { HubServicePayload, REFERRAL_METHODS, toHubServiceType } from '../../hub-services/index.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import { REFERRAL_METHOD_STRATEGIES } from '../referral-methods.rules.js';
import { ReferralSetupService } from './setup.service.js';
import {
  SetHubServiceDetailsInput,
  SetHubServiceReferralMethodsInput,
  SetOrganisationGroupMembershipInput,
  SetReferralAgreementInput,
} from '../referrals.inputs.js';
import { toAgreementType, toMethodInfo, toTeamType } from '../referrals.mappers.js';
import { REFERRAL_READERS, REFERRAL_SETUP_ROLES } from '../referrals.policy.js';
import {
  HubTeamType,
  ReferralAgreementPayload,
  ReferralAgreementType,
  ReferralMethodInfoType,
  SetOrganisationGroupMembershipPayload,
} from '../referrals.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const setup = (ctx: AuthenticatedContext) => new ReferralSetupService(ctx);

/** How referrals reach the hub: accepted methods per service, agreements, organisation group, teams. */
@Resolver(() => ReferralAgreementType)
export class ReferralSetupResolver {
  @Authorized()
  @Query(() => [ReferralMethodInfoType], { description: 'Every referral method and the properties it declares.' })
  referralMethods(): ReferralMethodInfoType[] {
    return REFERRAL_METHODS.map((m) => toMethodInfo(REFERRAL_METHOD_STRATEGIES[m]));
  }

  @Authorized(...REFERRAL_SETUP_ROLES)
  @Mutation(() => HubServicePayload, { description: 'Replaces the referral methods a hub service accepts. Audited.' })
  async setHubServiceReferralMethods(
    @Arg('input', () => SetHubServiceReferralMethodsInput, {
      description: 'What to change: see SetHubServiceReferralMethodsInput.',
    })
    input: SetHubServiceReferralMethodsInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<HubServicePayload> {
    return { service: toHubServiceType(await setup(ctx).setReferralMethods(input)) };
  }

  @Authorized(...REFERRAL_SETUP_ROLES)
  @Mutation(() => HubServicePayload, {
    description: 'Replaces the criteria, days of operation and required roles of a hub service. Audited.',
  })
  async setHubServiceDetails(
    @Arg('input', () => SetHubServiceDetailsInput, { description: 'What to change: see SetHubServiceDetailsInput.' })
    input: SetHubServiceDetailsInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<HubServicePayload> {
    return { service: toHubServiceType(await setup(ctx).setDetails(input)) };
  }

  @Authorized(...REFERRAL_READERS)
  @Query(() => [ReferralAgreementType], {
    description: "Referral agreements with the PCN's hub: hub staff see all, a practice its own.",
  })
  async referralAgreements(@AuthCtx() ctx: AuthenticatedContext): Promise<ReferralAgreementType[]> {
    return (await setup(ctx).agreements()).map(toAgreementType);
  }

  @Authorized(...REFERRAL_SETUP_ROLES)
  @Mutation(() => ReferralAgreementPayload, {
    description: 'Sets the state of a practice<->hub referral agreement. Audited.',
  })
  async setReferralAgreement(
    @Arg('input', () => SetReferralAgreementInput, { description: 'What to change: see SetReferralAgreementInput.' })
    input: SetReferralAgreementInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralAgreementPayload> {
    return { agreement: toAgreementType(await setup(ctx).setAgreement(input)) };
  }

  @Authorized(...REFERRAL_READERS)
  @Query(() => [OrganisationType], {
    description: "The practices in the hub's organisation group (GP Connect booking), by ODS code.",
  })
  async organisationGroup(@AuthCtx() ctx: AuthenticatedContext): Promise<OrganisationType[]> {
    return (await setup(ctx).groupMembers()).map(toOrganisationType);
  }

  @Authorized(...REFERRAL_SETUP_ROLES)
  @Mutation(() => SetOrganisationGroupMembershipPayload, {
    description: "Adds a practice to, or removes it from, the hub's organisation group. Audited.",
  })
  async setOrganisationGroupMembership(
    @Arg('input', () => SetOrganisationGroupMembershipInput, {
      description: 'What to change: see SetOrganisationGroupMembershipInput.',
    })
    input: SetOrganisationGroupMembershipInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SetOrganisationGroupMembershipPayload> {
    const { practice, member, group } = await setup(ctx).setGroupMembership(input);
    return { organisation: toOrganisationType(practice), member, organisationGroup: group.map(toOrganisationType) };
  }

  @Authorized(...REFERRAL_READERS)
  @Query(() => [HubTeamType], { description: "The hub's teams, by name; tasks go only to those that accept them." })
  async hubTeams(@AuthCtx() ctx: AuthenticatedContext): Promise<HubTeamType[]> {
    return (await setup(ctx).teams()).map(toTeamType);
  }

  @FieldResolver(() => OrganisationType, { description: 'The practice.' })
  async practice(@Root() a: ReferralAgreementType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(a.practiceId))!);
  }
}
