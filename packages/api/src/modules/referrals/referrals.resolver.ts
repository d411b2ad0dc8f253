import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { pageSize, toConnection } from '../../platform/graphql/relay.js';
import { SlotGqlType, slotById, toSlotType } from '../appointments/index.js';
import { HubServiceType, hubServiceById, toHubServiceType } from '../hub-services/index.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import { PatientType, toPatientType } from '../patients/index.js';
import { historyByReferral, teamById, visiblePatientById } from './referrals.loaders.js';
import { REFERRAL_READERS } from './referrals.policy.js';
import { ReferralQueries, idCursor } from './referrals.query.js';
import { ReferralFilterInput } from './referrals.inputs.js';
import { toReferralType, toTeamType, toTransitionType } from './referrals.mappers.js';
import { HubTeamType, ReferralConnection, ReferralTransitionType, ReferralType } from './referrals.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const queries = (ctx: AuthenticatedContext) => new ReferralQueries(ctx);

@Resolver(() => ReferralType)
export class ReferralResolver {
  @Authorized(...REFERRAL_READERS)
  @Query(() => ReferralConnection, {
    description:
      "Referrals, newest first: hub staff see every referral into the hub; practice staff see only their practice's. Audited per referral returned.",
  })
  async referrals(
    @Arg('filter', () => ReferralFilterInput, { nullable: true, description: 'Conditions; all apply.' })
    filter: ReferralFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof ReferralConnection>> {
    const size = pageSize(first);
    const rows = await queries(ctx).list(filter ?? {}, size, after ?? null);
    return toConnection(rows, size, Boolean(after), toReferralType, idCursor);
  }

  @Authorized(...REFERRAL_READERS)
  @Query(() => ReferralType, {
    description: 'A referral by id; one the viewer may not see answers NOT_FOUND. Audited.',
  })
  async referral(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReferralType> {
    return toReferralType(await queries(ctx).byId(id));
  }

  @FieldResolver(() => HubServiceType, { description: 'The hub service.' })
  async service(@Root() r: ReferralType, @Ctx() ctx: RequestContext): Promise<HubServiceType> {
    return toHubServiceType((await hubServiceById(ctx).load(r.serviceId))!);
  }

  @FieldResolver(() => OrganisationType, { description: 'The referring practice.' })
  async fromOrganisation(@Root() r: ReferralType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(r.fromOrganisationId))!);
  }

  @FieldResolver(() => PatientType, { nullable: true, description: 'The patient, when visible to the viewer.' })
  async patient(@Root() r: ReferralType, @Ctx() ctx: RequestContext): Promise<PatientType | null> {
    const patient = await visiblePatientById(ctx).load(r.patientId);
    return patient ? toPatientType(patient) : null;
  }

  @FieldResolver(() => SlotGqlType, { nullable: true, description: 'The booked slot, if any.' })
  async slot(@Root() r: ReferralType, @Ctx() ctx: RequestContext): Promise<SlotGqlType | null> {
    const slot = r.slotId ? await slotById(ctx).load(r.slotId) : null;
    return slot ? toSlotType(slot) : null;
  }

  @FieldResolver(() => HubTeamType, { nullable: true, description: 'The hub team a task was sent to.' })
  async team(@Root() r: ReferralType, @Ctx() ctx: RequestContext): Promise<HubTeamType | null> {
    const team = r.teamId ? await teamById(ctx).load(r.teamId) : null;
    return team ? toTeamType(team) : null;
  }

  @FieldResolver(() => [ReferralTransitionType], { description: 'Every move, oldest first, with actor and reason.' })
  async history(@Root() r: ReferralType, @Ctx() ctx: RequestContext): Promise<ReferralTransitionType[]> {
    return (await historyByReferral(ctx).load(r.dbId)).map(toTransitionType);
  }
}
