import { Arg, Authorized, Mutation, Resolver } from 'type-graphql';
import { PluginScope } from '../../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { IngestService } from '../ingest/ingest.service.js';
import { TriageService } from './triage.service.js';
import { recordOf } from '../queue/page.query.js';
import { consultationGlobalId, toConsultationType } from '../inbox.mappers.js';
import { INBOX_ROLES, SUBMITTER_ROLES } from '../inbox.policy.js';
import {
  CompleteConsultationInput,
  ConsultationReasonInput,
  ConsultationRefInput,
  MatchConsultationPatientInput,
  PassBackToPracticeInput,
  PullToHubInput,
  SignpostConsultationInput,
  SubmitOnlineConsultationInput,
} from '../inbox.inputs.js';
import { ConsultationPayload, SubmitOnlineConsultationPayload } from '../inbox.types.js';
import type { OnlineConsultation } from '../online-consultation.entity.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const triage = (ctx: AuthenticatedContext) => new TriageService(ctx);
const payload = (c: OnlineConsultation): ConsultationPayload => ({ consultation: toConsultationType(recordOf(c)) });

@Resolver()
export class TriageResolver {
  @Authorized(...SUBMITTER_ROLES)
  @PluginScope('inbox:submit')
  @Mutation(() => SubmitOnlineConsultationPayload, {
    description:
      'Receives an online consultation from a supplier (INTEGRATION principals). Idempotent on (supplier, supplierReference): a resubmission returns the first with created: false and stores nothing.',
  })
  async submitOnlineConsultation(
    @Arg('input', () => SubmitOnlineConsultationInput, {
      description: 'What to change: see SubmitOnlineConsultationInput.',
    })
    input: SubmitOnlineConsultationInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SubmitOnlineConsultationPayload> {
    const { consultation: c, created } = await new IngestService(ctx).submit(input);
    return {
      consultationId: consultationGlobalId(c.id),
      created,
      state: c.state,
      routingReason: c.routingReason,
      ownerId: c.owner.id,
    };
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description: 'Takes the lock: one editor at a time; locked by someone else is CONFLICT. Claiming again renews it.',
  })
  async claimConsultation(
    @Arg('input', () => ConsultationRefInput, { description: 'What to change: see ConsultationRefInput.' })
    input: ConsultationRefInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).claim(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, { description: 'Gives up the lock; the consultation returns to its queue.' })
  async releaseConsultation(
    @Arg('input', () => ConsultationRefInput, { description: 'What to change: see ConsultationRefInput.' })
    input: ConsultationRefInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).release(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description:
      "Takes over someone else's lock, with a reason: a hub manager, or someone of the holder's team (same organisation and role family). The previous holder becomes read-only.",
  })
  async overrideConsultationLock(
    @Arg('input', () => ConsultationReasonInput, { description: 'What to change: see ConsultationReasonInput.' })
    input: ConsultationReasonInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).overrideLock(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description: 'Records the signposting decision and sends the consultation on. Needs the lock.',
  })
  async signpostConsultation(
    @Arg('input', () => SignpostConsultationInput, { description: 'What to change: see SignpostConsultationInput.' })
    input: SignpostConsultationInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).signpost(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description:
      "Passes a hub consultation back to the patient's registered practice, with reason and triage notes. Needs the lock.",
  })
  async passBackToPractice(
    @Arg('input', () => PassBackToPracticeInput, { description: 'What to change: see PassBackToPracticeInput.' })
    input: PassBackToPracticeInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).passBack(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description: 'Moves a practice consultation to the hub inbox; CONFLICT when the hub is at its hard capacity limit.',
  })
  async pullToHub(
    @Arg('input', () => PullToHubInput, { description: 'What to change: see PullToHubInput.' }) input: PullToHubInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).pullToHub(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, { description: 'Completes a consultation with its outcome. Needs the lock.' })
  async completeConsultation(
    @Arg('input', () => CompleteConsultationInput, { description: 'What to change: see CompleteConsultationInput.' })
    input: CompleteConsultationInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).complete(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description:
      "Cancels a consultation with a reason. Needs the lock, except for the owner's hub manager or practice admin.",
  })
  async cancelConsultation(
    @Arg('input', () => ConsultationReasonInput, { description: 'What to change: see ConsultationReasonInput.' })
    input: ConsultationReasonInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).cancel(input));
  }

  @Authorized(...INBOX_ROLES)
  @Mutation(() => ConsultationPayload, {
    description: 'Links an UNMATCHED consultation to a patient the viewer can see; it moves to AWAITING_TRIAGE.',
  })
  async matchConsultationPatient(
    @Arg('input', () => MatchConsultationPatientInput, {
      description: 'What to change: see MatchConsultationPatientInput.',
    })
    input: MatchConsultationPatientInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return payload(await triage(ctx).matchPatient(input));
  }
}
