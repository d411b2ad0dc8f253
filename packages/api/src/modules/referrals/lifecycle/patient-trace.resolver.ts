import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import { pageSize, toConnection } from '../../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import { PatientType, toPatientType } from '../../patients/index.js';
import { ReferralLifecycleService } from './lifecycle.service.js';
import type { TraceTaskState } from '../referrals.codes.js';
import { TraceTaskStateEnum } from '../referrals.enums.js';
import { CompletePatientTraceInput } from '../referrals.inputs.js';
import { referralById, visiblePatientById } from '../referrals.loaders.js';
import { toReferralType, toTraceTaskType } from '../referrals.mappers.js';
import { TRACE_ROLES } from '../referrals.policy.js';
import { ReferralQueries, idCursor } from '../referrals.query.js';
import {
  CompletePatientTracePayload,
  PatientTraceTaskConnection,
  PatientTraceTaskType,
  ReferralType,
} from '../referrals.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

@Resolver(() => PatientTraceTaskType)
export class PatientTraceResolver {
  @Authorized(...TRACE_ROLES)
  @Query(() => PatientTraceTaskConnection, {
    description: "The hub's patient trace tasks, oldest first. Audited per task returned.",
  })
  async patientTraceTasks(
    @Arg('state', () => TraceTaskStateEnum, { nullable: true, description: 'Default OPEN.' })
    state: TraceTaskState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof PatientTraceTaskConnection>> {
    const size = pageSize(first);
    const rows = await new ReferralQueries(ctx).traceTasks(state ?? 'OPEN', size, after ?? null);
    return toConnection(rows, size, Boolean(after), toTraceTaskType, idCursor);
  }

  @Authorized(...TRACE_ROLES)
  @Mutation(() => CompletePatientTracePayload, {
    description:
      'Hub admin traced the patient (registers them at the hub; waiting referrals become READY) or could not (traced: false, with a reason; waiting referrals are REJECTED and their slots freed).',
  })
  async completePatientTrace(
    @Arg('input', () => CompletePatientTraceInput, { description: 'What to change: see CompletePatientTraceInput.' })
    input: CompletePatientTraceInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<CompletePatientTracePayload> {
    const { task, referrals } = await new ReferralLifecycleService(ctx).completeTrace(input);
    return { task: toTraceTaskType(task), referrals: referrals.map(toReferralType) };
  }

  @FieldResolver(() => PatientType, { nullable: true, description: 'The patient to trace.' })
  async patient(@Root() t: PatientTraceTaskType, @Ctx() ctx: RequestContext): Promise<PatientType | null> {
    const patient = await visiblePatientById(ctx).load(t.patientId);
    return patient ? toPatientType(patient) : null;
  }

  @FieldResolver(() => OrganisationType, { description: 'The practice whose booking raised it.' })
  async requestedBy(@Root() t: PatientTraceTaskType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(t.requestedById))!);
  }

  @FieldResolver(() => ReferralType, { nullable: true, description: 'The referral that raised it.' })
  async referral(@Root() t: PatientTraceTaskType, @Ctx() ctx: RequestContext): Promise<ReferralType | null> {
    const r = await referralById(ctx).load(t.referralDbId);
    return r ? toReferralType(r) : null;
  }
}
