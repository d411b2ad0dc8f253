import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { organisationById } from './organisations.loaders.js';
import { toOrganisationType, toStaffUserType } from './organisations.mappers.js';
import { OrganisationService } from './organisations.service.js';
import {
  AddPracticeInput,
  AddPracticePayload,
  AddStaffUserInput,
  AddStaffUserPayload,
  OrganisationType,
  StaffUserType,
  ViewerType,
} from './organisations.types.js';
import { OrganisationKindEnum } from './organisations.enums.js';
import type { OrganisationKind } from './organisation.entity.js';
import { ROLES } from '../../platform/auth/roles.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new OrganisationService(ctx);

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  @Authorized()
  @Query(() => ViewerType, { description: 'The actor making the request.' })
  viewer(@AuthCtx() ctx: AuthenticatedContext): ViewerType {
    const actor = ctx.actor;
    return { id: actor.id, kind: actor.kind, roles: [...actor.roles], organisationId: actor.organisationId };
  }

  @Authorized()
  @Query(() => OrganisationType, {
    description: "An organisation of the viewer's PCN by ODS code. Organisations of other PCNs answer NOT_FOUND.",
  })
  async organisation(
    @Arg('odsCode', () => OdsCodeScalar, { description: 'ODS code.' }) odsCode: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<OrganisationType> {
    return toOrganisationType(await service(ctx).byOdsCode(odsCode));
  }

  @Authorized()
  @Query(() => [OrganisationType], { description: "The viewer's PCN, its hub and member practices." })
  async organisations(
    @Arg('kind', () => OrganisationKindEnum, { nullable: true, description: 'Only this kind.' })
    kind: OrganisationKind | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<OrganisationType[]> {
    return (await service(ctx).list(kind ?? null)).map(toOrganisationType);
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => AddPracticePayload, { description: "Adds a member practice to the hub manager's PCN." })
  async addPractice(
    @Arg('input', () => AddPracticeInput, { description: 'What to change: see AddPracticeInput.' })
    input: AddPracticeInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<AddPracticePayload> {
    return { practice: toOrganisationType(await service(ctx).addPractice(input)) };
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => AddStaffUserPayload, {
    description:
      'Adds a member of staff. Hub managers: any organisation of their PCN; practice admins: their own practice.',
  })
  async addStaffUser(
    @Arg('input', () => AddStaffUserInput, { description: 'What to change: see AddStaffUserInput.' })
    input: AddStaffUserInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<AddStaffUserPayload> {
    return { staffUser: toStaffUserType(await service(ctx).addStaffUser(input)) };
  }

  @FieldResolver(() => OrganisationType, { nullable: true, description: 'The PCN this hub or practice belongs to.' })
  async pcn(@Root() org: OrganisationType, @Ctx() ctx: RequestContext): Promise<OrganisationType | null> {
    if (!org.pcnId) return null;
    const pcn = await organisationById(ctx).load(org.pcnId);
    return pcn ? toOrganisationType(pcn) : null;
  }
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @FieldResolver(() => OrganisationType, { description: "The viewer's organisation." })
  async organisation(@Root() viewer: ViewerType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    const org = await organisationById(ctx).load(viewer.organisationId);
    return toOrganisationType(org!);
  }
}

@Resolver(() => StaffUserType)
export class StaffUserResolver {
  @FieldResolver(() => OrganisationType, { description: 'Where they work.' })
  async organisation(@Root() user: StaffUserType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    const org = await organisationById(ctx).load(user.organisationId);
    return toOrganisationType(org!);
  }
}
