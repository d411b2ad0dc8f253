import { Arg, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { ContinuityService } from './continuity.service.js';
import { HandBackService } from '../triage/hand-back.service.js';
import { toClosureType, toConsultationType } from '../inbox.mappers.js';
import { recordOf } from '../queue/page.query.js';
import { CONTINUITY_READERS } from '../inbox.policy.js';
import {
  DeclareHubClosureInput,
  DeclareHubClosurePayload,
  HandBackHubConsultationsInput,
  HandBackHubConsultationsPayload,
  HubClosureType,
  ReopenHubInput,
  ReopenHubPayload,
} from './continuity.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const continuity = (ctx: AuthenticatedContext) => new ContinuityService(ctx);

@Resolver()
export class ContinuityResolver {
  @Authorized(...CONTINUITY_READERS)
  @Query(() => [HubClosureType], {
    description:
      "The hub's business continuity periods in force or planned (closed or reduced capacity), earliest first.",
  })
  async hubClosures(@AuthCtx() ctx: AuthenticatedContext): Promise<HubClosureType[]> {
    const now = new Date();
    return (await continuity(ctx).current()).map((c) => toClosureType(c, now));
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => DeclareHubClosurePayload, {
    description:
      'Closes the hub or reduces its capacity, from now or for a planned window. While closed, new arrivals route to the practices and pulls to the hub are refused; reduced capacity scales the capacity plans in force. Overlapping a declared period (closing a closed hub) is INVALID_TRANSITION. Hub managers only. Audited.',
  })
  async declareHubClosure(
    @Arg('input', () => DeclareHubClosureInput, { description: 'What to declare: see DeclareHubClosureInput.' })
    input: DeclareHubClosureInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<DeclareHubClosurePayload> {
    return { closure: toClosureType(await continuity(ctx).declare(input)) };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => ReopenHubPayload, {
    description:
      'Reopens the hub: ends the period in force (or withdraws a planned one), restoring routing and capacity. INVALID_TRANSITION when nothing is in force. Hub managers only. Audited.',
  })
  async reopenHub(
    @Arg('input', () => ReopenHubInput, { description: 'What to end: see ReopenHubInput.' }) input: ReopenHubInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReopenHubPayload> {
    return { closure: toClosureType(await continuity(ctx).reopen(input)) };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => HandBackHubConsultationsPayload, {
    description: `Passes the hub's open consultations back to their practices in bulk (at most 500 per call; call again while remaining shows more): each is a normal pass-back with its history, audit row and events on both inboxes. Those someone else is working on stay. Hub managers only.`,
  })
  async handBackHubConsultations(
    @Arg('input', () => HandBackHubConsultationsInput, {
      description: 'What to hand back: see HandBackHubConsultationsInput.',
    })
    input: HandBackHubConsultationsInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<HandBackHubConsultationsPayload> {
    const result = await new HandBackService(ctx).handBack(input);
    const now = new Date();
    return {
      consultations: result.handedBack.map((c) => toConsultationType(recordOf(c), now)),
      skipped: result.skipped,
      remaining: result.remaining,
    };
  }
}
