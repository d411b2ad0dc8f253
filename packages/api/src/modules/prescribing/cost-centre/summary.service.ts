import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { HubService } from '../../hub-services/index.js';
import { Organisation } from '../../organisations/index.js';
import { COUNTED_STATES, SUMMARY_DIMENSIONS, type SummaryDimension } from '../prescribing.codes.js';
import { toCsv } from '../../../platform/csv.js';
import { PrescribingErrors } from '../prescribing.errors.js';

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** One group of the summary: the grouped dimensions are set, the others null. No patient data. */
export interface SummaryRow {
  readonly costCentreOds: string | null;
  readonly prescriberCode: string | null;
  readonly registeredPracticeOds: string | null;
  readonly hubServiceId: string | null;
  readonly hubServiceName: string | null;
  readonly dmdCode: string | null;
  /** YYYY-MM (UTC). */
  readonly month: string | null;
  readonly prescriptions: number;
  readonly items: number;
}

/** SQL expression and result column of each dimension; all on `prescription p` except MEDICINE. */
const DIMENSION_SQL: Readonly<Record<SummaryDimension, { expr: string; column: string; group?: string }>> = {
  COST_CENTRE: { expr: 'p.issuer_ods', column: 'cost_centre_ods' },
  PRESCRIBER: { expr: 'p.prescriber_code', column: 'prescriber_code' },
  REGISTERED_PRACTICE: { expr: 'p.registered_practice_id', column: 'registered_practice_id' },
  HUB_SERVICE: { expr: 'p.hub_service_id', column: 'hub_service_id' },
  MEDICINE: { expr: 'i.dmd_code', column: 'dmd_code' },
  // Grouped by date_trunc, formatted after: PostgreSQL has statistics for the former and hash-
  // aggregates in memory; grouping by the to_char text made it sort every row (bench:prescribing).
  MONTH: {
    expr: `to_char(date_trunc('month', p.issued_at at time zone 'UTC'), 'YYYY-MM')`,
    column: 'month',
    group: `date_trunc('month', p.issued_at at time zone 'UTC')`,
  },
};

const MAX_PERIOD_MS = 731 * 24 * 3600 * 1000;

export function validatePeriod(period: Period): void {
  const span = period.to.getTime() - period.from.getTime();
  if (!(span > 0) || span > MAX_PERIOD_MS) throw PrescribingErrors.badPeriod();
}

/**
 * The aggregate as one statement over the PCN's hub-issued prescriptions (ISSUED or DISPENSED,
 * issued in [from, to)). Without MEDICINE it never touches the items (each prescription carries
 * its item count); with it, prescriptions are counted distinct per group.
 */
export function summarySql(dimensions: readonly SummaryDimension[], hubCount: number): string {
  const dims = SUMMARY_DIMENSIONS.filter((d) => dimensions.includes(d)).map((d) => DIMENSION_SQL[d]);
  const byItem = dimensions.includes('MEDICINE');
  const select = [
    ...dims.map((d) => `${d.expr} as ${d.column}`),
    byItem ? 'count(distinct p.id)::int as prescriptions' : 'count(*)::int as prescriptions',
    byItem ? 'count(*)::int as items' : 'coalesce(sum(p.item_count), 0)::int as items',
  ];
  const positions = dims.map((_, i) => String(i + 1)).join(', ');
  const states = COUNTED_STATES.map((s) => `'${s}'`).join(', ');
  return [
    `select ${select.join(', ')}`,
    byItem ? 'from prescription p join prescription_item i on i.prescription_id = p.id' : 'from prescription p',
    `where p.hub_id in (${Array.from({ length: hubCount }, () => '?').join(', ')})`,
    `and p.cost_centre_id is not null and p.state in (${states}) and p.issued_at >= ? and p.issued_at < ?`,
    dims.length ? `group by ${dims.map((d) => d.group ?? d.expr).join(', ')} order by ${positions}` : '',
  ].join(' ');
}

interface RawRow {
  cost_centre_ods?: string | null;
  prescriber_code?: string | null;
  registered_practice_id?: string | null;
  hub_service_id?: string | null;
  dmd_code?: string | null;
  month?: string | null;
  prescriptions: number | string;
  items: number | string;
}

/** PCN-level prescribing figures (docs/domain/workflows.md#pcn-level-prescribing-data); no patient identifiers. */
export class PrescribingSummaryService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async summary(period: Period, groupBy: readonly SummaryDimension[]): Promise<SummaryRow[]> {
    validatePeriod(period);
    const em = this.ctx.em;
    const hubs = await em.find(Organisation, { kind: 'HUB', pcn: this.ctx.actor.pcnId });
    await this.ctx.audit.recordNow(em, [
      { action: 'prescribingSummary', subjectType: 'PrescribingSummary', reason: groupBy.join(',') || 'TOTAL' },
    ]);
    if (hubs.length === 0) return [];
    const raw = await em
      .getConnection()
      .execute<RawRow[]>(summarySql(groupBy, hubs.length), [...hubs.map((h) => h.id), period.from, period.to]);
    return this.label(em, raw);
  }

  /** The ICB audit export: one row per month, cost centre, prescriber, practice, service and medicine. */
  async auditCsv(period: Period): Promise<string> {
    const rows = await this.summary(period, [
      'MONTH',
      'COST_CENTRE',
      'PRESCRIBER',
      'REGISTERED_PRACTICE',
      'HUB_SERVICE',
      'MEDICINE',
    ]);
    return toCsv(
      [
        'period_month',
        'cost_centre_ods',
        'prescriber_code',
        'registered_practice_ods',
        'hub_service',
        'dmd_code',
        'prescriptions',
        'items',
      ],
      rows.map((r) => [
        r.month,
        r.costCentreOds,
        r.prescriberCode,
        r.registeredPracticeOds,
        r.hubServiceName,
        r.dmdCode,
        r.prescriptions,
        r.items,
      ]),
    );
  }

  /** Replaces practice and service ids with ODS codes and names (two small lookups). */
  private async label(em: Em, raw: RawRow[]): Promise<SummaryRow[]> {
    const practiceIds = [
      ...new Set(raw.map((r) => r.registered_practice_id).filter((id): id is string => Boolean(id))),
    ];
    const serviceIds = [...new Set(raw.map((r) => r.hub_service_id).filter((id): id is string => Boolean(id)))];
    const practices = practiceIds.length ? await em.find(Organisation, { id: { $in: practiceIds } }) : [];
    const services = serviceIds.length ? await em.find(HubService, { id: { $in: serviceIds } }) : [];
    const ods = new Map(practices.map((o) => [o.id, o.odsCode]));
    const names = new Map(services.map((s) => [s.id, s.name]));
    return raw.map((r) => ({
      costCentreOds: r.cost_centre_ods ?? null,
      prescriberCode: r.prescriber_code ?? null,
      registeredPracticeOds: r.registered_practice_id ? (ods.get(r.registered_practice_id) ?? null) : null,
      hubServiceId: r.hub_service_id ?? null,
      hubServiceName: r.hub_service_id ? (names.get(r.hub_service_id) ?? null) : null,
      dmdCode: r.dmd_code ?? null,
      month: r.month ?? null,
      prescriptions: Number(r.prescriptions),
      items: Number(r.items),
    }));
  }
}
