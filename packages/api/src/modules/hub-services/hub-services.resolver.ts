import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import { toHubServiceType } from './hub-services.mappers.js';
import { HubServiceCatalogue } from './hub-services.service.js';
import { HubServiceType } from './hub-services.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new HubServiceCatalogue(ctx);

@Resolver(() => HubServiceType)
export class HubServiceResolver {
  @Authorized()
  @Query(() => [HubServiceType], { description: "The services run by the viewer's PCN hub, by name." })
  async hubServices(
    @Arg('activeOnly', () => Boolean, { nullable: true, description: 'Only services taking work (default true).' })
    activeOnly: boolean | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<HubServiceType[]> {
    return (await service(ctx).list(activeOnly ?? true)).map(toHubServiceType);
  }

  @FieldResolver(() => OrganisationType, { description: 'The hub that runs the service.' })
  async hub(@Root() hubService: HubServiceType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    const org = await organisationById(ctx).load(hubService.hubId);
    return toOrganisationType(org!);
  }
}
