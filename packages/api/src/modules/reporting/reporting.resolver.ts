import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../../platform/context.js';
import { OcReportService } from './oc-report.service.js';
import type { OcReportDimension } from './reporting.codes.js';
import { OcReportDimensionEnum } from './reporting.enums.js';
import { ReportPeriodInput } from './reporting.inputs.js';
import { toOcReportRowType } from './reporting.mappers.js';
import { REPORT_READERS } from './reporting.policy.js';
import { OcReportType } from './reporting.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const reports = (ctx: AuthenticatedContext) => new OcReportService(ctx);

/** PCN service reports: aggregates for PCN analysts and hub managers, never a patient. */
@Resolver()
export class ReportingResolver {
  @Authorized(...REPORT_READERS)
  @Query(() => OcReportType, {
    description:
      "The PCN's online consultations submitted in a period: volumes, the hub's share, time to first triage, answers within the response-expected-by time, outcomes and the signposting mix, grouped by any combination of dimensions (none: one total row). No patient identifiers.",
  })
  async onlineConsultationReport(
    @Arg('period', () => ReportPeriodInput, { description: 'Period of submission, at most 731 days.' })
    period: ReportPeriodInput,
    @Arg('groupBy', () => [OcReportDimensionEnum], { description: 'Dimensions to group by.' })
    groupBy: OcReportDimension[],
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<OcReportType> {
    const dims = [...new Set(groupBy)];
    const asOf = new Date();
    const rows = await reports(ctx).report(period, dims, asOf);
    return { from: period.from, to: period.to, groupBy: dims, asOf, rows: rows.map(toOcReportRowType) };
  }

  @Authorized(...REPORT_READERS)
  @Query(() => String, {
    description:
      'The online consultation report as CSV text (RFC 4180, CRLF): period_month, practice_ods, type, consultations, handled_at_hub, hub_share, triaged, median_minutes_to_first_triage, p90_minutes_to_first_triage, response_due, answered_in_time, answered_in_time_share, completed, cancelled, open, then the signposting mix. Ungrouped dimensions are empty cells. No patient identifiers.',
  })
  async onlineConsultationReportCsv(
    @Arg('period', () => ReportPeriodInput, { description: 'Period of submission, at most 731 days.' })
    period: ReportPeriodInput,
    @Arg('groupBy', () => [OcReportDimensionEnum], { description: 'Dimensions to group by.' })
    groupBy: OcReportDimension[],
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<string> {
    return reports(ctx).csv(period, [...new Set(groupBy)]);
  }
}
