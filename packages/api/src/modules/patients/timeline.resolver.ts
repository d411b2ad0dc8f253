import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { pageSize, toConnection, toGlobalId } from '../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import { activityCursor, patientTimeline, type ActivityKind, type ActivityRow } from './timeline.query.js';
import { PatientActivityConnection, PatientActivityKindEnum, PatientActivityType } from './timeline.types.js';
import { PatientType } from './patients.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const NODE_TYPES: Record<ActivityKind, string> = {
  HUB_CONSULTATION: 'HubConsultation',
  ONLINE_CONSULTATION: 'OnlineConsultation',
  PRESCRIPTION: 'Prescription',
  REFERRAL: 'Referral',
};

const toActivityType = (row: ActivityRow): PatientActivityType => ({
  kind: row.kind,
  subjectId: toGlobalId(NODE_TYPES[row.kind], row.id),
  occurredAt: row.occurredAt,
  state: row.state,
  organisationId: row.organisationId,
});

@Resolver(() => PatientType)
export class PatientTimelineResolver {
  @FieldResolver(() => PatientActivityConnection, {
    description:
      "The patient's hub activity (hub consultations, online consultations, prescriptions, referrals), newest first, for staff who may see the patient. Audited per page.",
  })
  async timeline(
    @Root() patient: PatientType,
    @Arg('kinds', () => [PatientActivityKindEnum], {
      nullable: true,
      description: 'Only these kinds (all when omitted).',
    })
    kinds: ActivityKind[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof PatientActivityConnection>> {
    const size = pageSize(first);
    const rows = await patientTimeline(
      ctx,
      { id: patient.dbId, nhsNumber: patient.nhsNumber },
      kinds ?? null,
      size,
      after ?? null,
    );
    return toConnection(rows, size, Boolean(after), toActivityType, activityCursor);
  }
}

@Resolver(() => PatientActivityType)
export class PatientActivityResolver {
  @FieldResolver(() => OrganisationType, {
    description: 'Where it happened: the authoring organisation, the inbox owner, the prescribing hub or the referrer.',
  })
  async organisation(@Root() activity: PatientActivityType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(activity.organisationId))!);
  }
}
