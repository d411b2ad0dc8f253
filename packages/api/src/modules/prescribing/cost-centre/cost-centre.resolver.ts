import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import type { Prescriber } from '../cost-centre.entity.js';
import { CostCentreService, costCentreForActor } from './cost-centre.service.js';
import type { SummaryDimension } from '../prescribing.codes.js';
import { SummaryDimensionEnum } from '../prescribing.enums.js';
import {
  AddPrescriberInput,
  DeactivatePrescriberInput,
  PrescribingPeriodInput,
  SetPrescribingCostCentreInput,
} from '../prescribing.inputs.js';
import { staffUserById } from '../prescribing.loaders.js';
import { toCostCentreType, toPrescriberType, toSummaryRowType } from '../prescribing.mappers.js';
import { COST_CENTRE_MANAGERS, COST_CENTRE_READERS, SUMMARY_READERS } from '../prescribing.policy.js';
import { PrescribingSummaryService } from './summary.service.js';
import {
  PrescriberPayload,
  PrescriberType,
  PrescribingCostCentrePayload,
  PrescribingCostCentreType,
  PrescribingSummaryType,
} from '../prescribing.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new CostCentreService(ctx);
const summaries = (ctx: AuthenticatedContext) => new PrescribingSummaryService(ctx);

async function prescriberType(ctx: RequestContext, p: Prescriber): Promise<PrescriberType> {
  return toPrescriberType(p, (await staffUserById(ctx).load(p.staffUser.id))!);
}

/** The hub's cost centre, its prescribers and the PCN-level prescribing audit. */
@Resolver(() => PrescribingCostCentreType)
export class PrescribingCostCentreResolver {
  @Authorized(...COST_CENTRE_READERS)
  @Query(() => PrescribingCostCentreType, {
    nullable: true,
    description: "Your hub's (or your PCN hub's) active prescribing cost centre; null if none.",
  })
  async prescribingCostCentre(@AuthCtx() ctx: AuthenticatedContext): Promise<PrescribingCostCentreType | null> {
    const costCentre = await costCentreForActor(ctx);
    return costCentre ? toCostCentreType(costCentre) : null;
  }

  @Authorized(...COST_CENTRE_MANAGERS)
  @Mutation(() => PrescribingCostCentrePayload, {
    description:
      "Sets the hub's cost centre. A new code retires the current one, whose prescribers stay with it (add them again). Audited.",
  })
  async setPrescribingCostCentre(
    @Arg('input', () => SetPrescribingCostCentreInput, {
      description: 'What to change: see SetPrescribingCostCentreInput.',
    })
    input: SetPrescribingCostCentreInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescribingCostCentrePayload> {
    return { costCentre: toCostCentreType(await service(ctx).set(input)) };
  }

  @Authorized(...COST_CENTRE_MANAGERS)
  @Mutation(() => PrescriberPayload, {
    description: 'Attaches a hub staff member holding HUB_PRESCRIBER to the active cost centre. Audited.',
  })
  async addPrescriber(
    @Arg('input', () => AddPrescriberInput, { description: 'What to change: see AddPrescriberInput.' })
    input: AddPrescriberInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriberPayload> {
    return { prescriber: await prescriberType(ctx, await service(ctx).addPrescriber(input)) };
  }

  @Authorized(...COST_CENTRE_MANAGERS)
  @Mutation(() => PrescriberPayload, { description: 'Detaches a prescriber: they can no longer issue. Audited.' })
  async deactivatePrescriber(
    @Arg('input', () => DeactivatePrescriberInput, { description: 'What to change: see DeactivatePrescriberInput.' })
    input: DeactivatePrescriberInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriberPayload> {
    return { prescriber: await prescriberType(ctx, await service(ctx).deactivatePrescriber(input)) };
  }

  @Authorized(...SUMMARY_READERS)
  @Query(() => PrescribingSummaryType, {
    description:
      'PCN-level prescribing: counts of issued (not cancelled) hub prescriptions and items in a period, grouped by any combination of dimensions (none: one total row). No patient identifiers.',
  })
  async prescribingSummary(
    @Arg('period', () => PrescribingPeriodInput, { description: 'Period of issue, at most 731 days.' })
    period: PrescribingPeriodInput,
    @Arg('groupBy', () => [SummaryDimensionEnum], { description: 'Dimensions to group by.' })
    groupBy: SummaryDimension[],
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescribingSummaryType> {
    const dims = [...new Set(groupBy)];
    const rows = await summaries(ctx).summary(period, dims);
    return { from: period.from, to: period.to, groupBy: dims, rows: rows.map(toSummaryRowType) };
  }

  @Authorized(...SUMMARY_READERS)
  @Query(() => String, {
    description:
      'The ICB audit export as CSV text (RFC 4180, CRLF): period_month, cost_centre_ods, prescriber_code, registered_practice_ods, hub_service, dmd_code, prescriptions, items. No patient identifiers.',
  })
  async prescribingAuditCsv(
    @Arg('period', () => PrescribingPeriodInput, { description: 'Period of issue, at most 731 days.' })
    period: PrescribingPeriodInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<string> {
    return summaries(ctx).auditCsv(period);
  }

  @FieldResolver(() => OrganisationType, { description: 'The hub it is attached to.' })
  async hub(@Root() c: PrescribingCostCentreType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(c.hubId))!);
  }

  @FieldResolver(() => [PrescriberType], { description: 'Its prescribers, by username.' })
  async prescribers(
    @Root() c: PrescribingCostCentreType,
    @Arg('activeOnly', () => Boolean, { defaultValue: true, description: 'Only active prescribers.' })
    activeOnly: boolean,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriberType[]> {
    const rows = await service(ctx).prescribers(c.dbId, activeOnly);
    return Promise.all(rows.map((p) => prescriberType(ctx, p)));
  }
}
