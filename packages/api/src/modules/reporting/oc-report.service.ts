import type { AuthenticatedContext } from '../../platform/context.js';
import { toCsv } from '../../platform/csv.js';
import type { ConsultationType } from '../inbox/index.js';
import { Organisation } from '../organisations/index.js';
import { MAX_REPORT_DAYS, type OcReportDimension } from './reporting.codes.js';
import { ReportingErrors } from './reporting.errors.js';
import { ocReportParams, ocReportSql } from './reporting.sql.js';

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** One group of the online consultation report: grouped dimensions set, the others null. No patient data. */
export interface OcReportRow {
  readonly practiceOds: string | null;
  readonly practiceName: string | null;
  /** YYYY-MM (Europe/London). */
  readonly month: string | null;
  readonly type: ConsultationType | null;
  readonly consultations: number;
  readonly handledAtHub: number;
  readonly triaged: number;
  readonly medianMinutesToFirstTriage: number | null;
  readonly p90MinutesToFirstTriage: number | null;
  readonly responseDue: number;
  readonly answeredInTime: number;
  readonly outcomes: { readonly completed: number; readonly cancelled: number; readonly open: number };
  readonly signposting: {
    readonly hubServiceQueue: number;
    readonly adminQueue: number;
    readonly urgentEscalation: number;
    readonly signpostedExternal: number;
    readonly closedRemotely: number;
    readonly passedBackToPractice: number;
  };
}

interface RawRow {
  practice_id?: string;
  month?: string;
  type?: ConsultationType;
  [count: string]: string | number | null | undefined;
}

const MAX_PERIOD_MS = MAX_REPORT_DAYS * 24 * 3600 * 1000;

export function validateReportPeriod(period: Period): void {
  const span = period.to.getTime() - period.from.getTime();
  if (!(span > 0)) throw ReportingErrors.periodEndsBeforeStart();
  if (span > MAX_PERIOD_MS) throw ReportingErrors.periodTooLong();
}

/** A share as a fraction (0-1); null when nothing was counted. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const num = (v: string | number | null | undefined): number => Number(v ?? 0);
const maybe = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/**
 * The PCN's online consultation service in figures (docs/reporting.md): volumes, the hub's share,
 * time to first triage, answers within the response-expected-by time, outcomes and signposting.
 * One aggregate statement; no consultation row reaches JavaScript, no patient identifier leaves.
 */
export class OcReportService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async report(period: Period, groupBy: readonly OcReportDimension[], asOf = new Date()): Promise<OcReportRow[]> {
    validateReportPeriod(period);
    const em = this.ctx.em;
    const orgs = await em.find(Organisation, { pcn: this.ctx.actor.pcnId, kind: { $in: ['PRACTICE', 'HUB'] } });
    const practices = orgs.filter((o) => o.kind === 'PRACTICE');
    const hubs = orgs.filter((o) => o.kind === 'HUB');
    await this.ctx.audit.recordNow(em, [
      {
        action: 'onlineConsultationReport',
        subjectType: 'OnlineConsultationReport',
        reason: groupBy.join(',') || 'TOTAL',
      },
    ]);
    if (practices.length === 0) return [];
    const raw = await em.getConnection().execute<RawRow[]>(
      ocReportSql(groupBy, practices.length, hubs.length),
      ocReportParams(
        practices.map((o) => o.id),
        hubs.map((o) => o.id),
        period.from,
        period.to,
        asOf,
      ),
    );
    const byId = new Map(practices.map((o) => [o.id, o]));
    const rows = raw.map((r): OcReportRow => {
      const practice = r.practice_id ? byId.get(r.practice_id) : undefined;
      return {
        practiceOds: practice?.odsCode ?? null,
        practiceName: practice?.name ?? null,
        month: r.month ?? null,
        type: r.type ?? null,
        consultations: num(r.consultations),
        handledAtHub: num(r.handled_at_hub),
        triaged: num(r.triaged),
        medianMinutesToFirstTriage: maybe(r.median_minutes_to_triage),
        p90MinutesToFirstTriage: maybe(r.p90_minutes_to_triage),
        responseDue: num(r.response_due),
        answeredInTime: num(r.answered_in_time),
        outcomes: { completed: num(r.completed), cancelled: num(r.cancelled), open: num(r.open) },
        signposting: {
          hubServiceQueue: num(r.hub_service_queue),
          adminQueue: num(r.admin_queue),
          urgentEscalation: num(r.urgent_escalation),
          signpostedExternal: num(r.signposted_external),
          closedRemotely: num(r.closed_remotely),
          passedBackToPractice: num(r.passed_back),
        },
      };
    });
    // Practices by ODS code (the statement groups by id); months and types are already in order.
    return rows.sort((a, b) => (a.practiceOds ?? '').localeCompare(b.practiceOds ?? ''));
  }

  /** The report as CSV text (RFC 4180, CRLF); shares as fractions to 4 places, minutes to 1. */
  async csv(period: Period, groupBy: readonly OcReportDimension[]): Promise<string> {
    const rows = await this.report(period, groupBy);
    const round = (v: number | null, places: number) => (v === null ? null : Number(v.toFixed(places)));
    return toCsv(
      CSV_HEADER,
      rows.map((r) => [
        r.month,
        r.practiceOds,
        r.type,
        r.consultations,
        r.handledAtHub,
        round(share(r.handledAtHub, r.consultations), 4),
        r.triaged,
        round(r.medianMinutesToFirstTriage, 1),
        round(r.p90MinutesToFirstTriage, 1),
        r.responseDue,
        r.answeredInTime,
        round(share(r.answeredInTime, r.responseDue), 4),
        r.outcomes.completed,
        r.outcomes.cancelled,
        r.outcomes.open,
        r.signposting.hubServiceQueue,
        r.signposting.adminQueue,
        r.signposting.urgentEscalation,
        r.signposting.signpostedExternal,
        r.signposting.closedRemotely,
        r.signposting.passedBackToPractice,
      ]),
    );
  }
}

export const CSV_HEADER = [
  'period_month',
  'practice_ods',
  'type',
  'consultations',
  'handled_at_hub',
  'hub_share',
  'triaged',
  'median_minutes_to_first_triage',
  'p90_minutes_to_first_triage',
  'response_due',
  'answered_in_time',
  'answered_in_time_share',
  'completed',
  'cancelled',
  'open',
  'hub_service_queue',
  'admin_queue',
  'urgent_escalation',
  'signposted_external',
  'closed_remotely',
  'passed_back_to_practice',
] as const;
