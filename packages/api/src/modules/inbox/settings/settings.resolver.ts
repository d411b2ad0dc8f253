import { Arg, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { LocalDate } from '../../../platform/graphql/scalars.js';
import { toGlobalId } from '../../../platform/graphql/relay.js';
import { toClosureType } from '../inbox.mappers.js';
import { toOrganisationType } from '../../organisations/index.js';
import { toHubServiceType } from '../../hub-services/index.js';
import { CapacityService } from '../capacity/capacity.service.js';
import { RoutingService, type PracticeRouting } from './routing.service.js';
import type { CapacityPlan } from '../inbox-settings.entity.js';
import { INBOX_ROLES, ROUTING_ROLES } from '../inbox.policy.js';
import { SetOnlineConsultationRoutingInput } from '../inbox.inputs.js';
import {
  CapacityPlanType,
  HubCapacityType,
  PracticeRoutingType,
  SetCapacityPlanInput,
  SetCapacityPlanPayload,
  SetInboxSharingInput,
  SetInboxSharingPayload,
  SetRoutingPayload,
} from './settings.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const toRoutingType = (r: PracticeRouting): PracticeRoutingType => ({
  practice: toOrganisationType(r.practice),
  routing: r.routing,
  inboxSharing: r.inboxSharing,
  updatedBy: r.updatedBy,
  updatedAt: r.updatedAt,
});

const toPlanType = (p: CapacityPlan): CapacityPlanType => ({
  serviceId: toGlobalId('HubService', p.service.id),
  date: p.date,
  plannedCapacity: p.plannedCapacity,
  softThreshold: p.softThreshold,
  hardThreshold: p.hardThreshold,
  overflowMode: p.overflowMode,
  updatedBy: p.updatedBy,
  updatedAt: p.updatedAt,
});

@Resolver()
export class InboxSettingsResolver {
  @Authorized(...INBOX_ROLES)
  @Query(() => [PracticeRoutingType], {
    description: "Online consultation routing of the PCN's practices (hub staff) or of the viewer's practice.",
  })
  async onlineConsultationRouting(@AuthCtx() ctx: AuthenticatedContext): Promise<PracticeRoutingType[]> {
    return (await new RoutingService(ctx).list()).map(toRoutingType);
  }

  @Authorized(...ROUTING_ROLES)
  @Mutation(() => SetRoutingPayload, {
    description:
      "Sets where a practice's new online consultations go: hub managers for any PCN practice, practice admins for their own. Audited.",
  })
  async setOnlineConsultationRouting(
    @Arg('input', () => SetOnlineConsultationRoutingInput, {
      description: 'What to change: see SetOnlineConsultationRoutingInput.',
    })
    input: SetOnlineConsultationRoutingInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SetRoutingPayload> {
    return { routing: toRoutingType(await new RoutingService(ctx).set(input)) };
  }

  @Authorized(...ROUTING_ROLES)
  @Mutation(() => SetInboxSharingPayload, {
    description:
      "Turns shared queues on or off for a practice: hub staff may then list and pull from its inbox, and it sees the hub's queue of its own patients. Hub managers for any PCN practice, practice admins for their own. Audited.",
  })
  async setInboxSharing(
    @Arg('input', () => SetInboxSharingInput, { description: 'What to change: see SetInboxSharingInput.' })
    input: SetInboxSharingInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SetInboxSharingPayload> {
    return { routing: toRoutingType(await new RoutingService(ctx).setSharing(input)) };
  }

  @Authorized(...INBOX_ROLES, 'PCN_ANALYST')
  @Query(() => HubCapacityType, {
    description: "Load against the hub's capacity plans on a day (default today, Europe/London).",
  })
  async hubCapacity(
    @Arg('date', () => LocalDate, { nullable: true, description: 'The day; today when omitted.' }) date: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<HubCapacityType> {
    const overview = await new CapacityService(ctx).overview(date ?? null);
    return {
      ...overview,
      closure: overview.closure ? toClosureType(overview.closure) : null,
      services: overview.services.map((s) => ({
        service: toHubServiceType(s.service),
        plan: s.plan ? toPlanType(s.plan) : null,
        load: s.load,
        state: s.state,
      })),
    };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => SetCapacityPlanPayload, { description: "Sets a hub service's capacity plan for a day. Audited." })
  async setCapacityPlan(
    @Arg('input', () => SetCapacityPlanInput, { description: 'What to change: see SetCapacityPlanInput.' })
    input: SetCapacityPlanInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SetCapacityPlanPayload> {
    return { plan: toPlanType(await new CapacityService(ctx).setPlan(input)) };
  }
}
