import {
  ANSWERED_STATES,
  OC_REPORT_DIMENSIONS,
  REPORT_TIME_ZONE,
  TRIAGE_DECISIONS,
  type OcReportDimension,
} from './reporting.codes.js';

/** SQL expression, result column and (when different) grouping expression of each dimension. */
const DIMENSION_SQL: Readonly<Record<OcReportDimension, { expr: string; column: string; group?: string }>> = {
  PRACTICE: { expr: 'c.originating_practice_id', column: 'practice_id' },
  // Grouped by date_trunc, formatted after (as the prescribing summary does: PostgreSQL
  // hash-aggregates the timestamp; grouping by the text made it sort every row).
  MONTH: {
    expr: `to_char(date_trunc('month', c.submitted_at at time zone '${REPORT_TIME_ZONE}'), 'YYYY-MM')`,
    column: 'month',
    group: `date_trunc('month', c.submitted_at at time zone '${REPORT_TIME_ZONE}')`,
  },
  TYPE: { expr: 'c.type', column: 'type' },
};

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const count = (where: string, column: string) => `(count(*) filter (where ${where}))::int as ${column}`;
const minutesToTriage = 'extract(epoch from (t.triaged_at - c.submitted_at))::float8 / 60';

/**
 * The online consultation report as one statement. `t`: per consultation of the scope (submitted
 * in [from, to) to the PCN's practices), the first triage decision, the first answer and whether
 * the hub passed it back, from the transition history in one pass; then one GROUP BY over the same
 * scope with filtered counts and `percentile_cont`. Parameters, in order: the practice ids, from,
 * to (the scope of `t`), the hub ids, the instant a response-expected-by counts as passed (`asOf`),
 * then the practice ids, from, to again (the scope of the groups); see {@link ocReportParams}.
 * (A shared CTE for the scope made PostgreSQL materialise it and ran 3x slower: bench:reports.)
 */
export function ocReportSql(dimensions: readonly OcReportDimension[], practiceCount: number, hubCount: number): string {
  const dims = OC_REPORT_DIMENSIONS.filter((d) => dimensions.includes(d)).map((d) => DIMENSION_SQL[d]);
  const atHub = hubCount > 0 ? `c.owner_id in (${marks(hubCount)})` : 'false';
  const scope = `c.originating_practice_id in (${marks(practiceCount)}) and c.submitted_at >= ? and c.submitted_at < ?`;
  const select = [
    ...dims.map((d) => `${d.expr} as ${d.column}`),
    'count(*)::int as consultations',
    count(atHub, 'handled_at_hub'),
    'count(t.triaged_at)::int as triaged',
    `percentile_cont(0.5) within group (order by ${minutesToTriage}) as median_minutes_to_triage`,
    `percentile_cont(0.9) within group (order by ${minutesToTriage}) as p90_minutes_to_triage`,
    count(
      'c.response_expected_by is not null and (t.answered_at is not null or c.response_expected_by <= ?)',
      'response_due',
    ),
    count('t.answered_at <= c.response_expected_by', 'answered_in_time'),
    count(`c.state = 'COMPLETED'`, 'completed'),
    count(`c.state = 'CANCELLED'`, 'cancelled'),
    count(`c.state not in ('COMPLETED', 'CANCELLED')`, 'open'),
    count('t.passed_back', 'passed_back'),
    ...SIGNPOST_COLUMNS.map(([destination, column]) => count(`c.signpost->>'destination' = '${destination}'`, column)),
  ];
  const positions = dims.map((_, i) => String(i + 1)).join(', ');
  return [
    'with t as (',
    '  select x.consultation_id,',
    `    min(x.at) filter (where x.action in (${list(TRIAGE_DECISIONS)})) as triaged_at,`,
    `    min(x.at) filter (where x.to_state in (${list(ANSWERED_STATES)})) as answered_at,`,
    `    bool_or(x.action = 'PASS_BACK') as passed_back`,
    '  from consultation_transition x join online_consultation c on c.id = x.consultation_id',
    `  where ${scope} and (x.action in (${list(TRIAGE_DECISIONS)}) or x.to_state in (${list(ANSWERED_STATES)}))`,
    '  group by x.consultation_id',
    ')',
    `select ${select.join(',\n  ')}`,
    'from online_consultation c left join t on t.consultation_id = c.id',
    `where ${scope}`,
    dims.length ? `group by ${dims.map((d) => d.group ?? d.expr).join(', ')} order by ${positions}` : '',
  ].join('\n');
}

/** The parameters of {@link ocReportSql}, in order. */
export function ocReportParams(
  practiceIds: readonly string[],
  hubIds: readonly string[],
  from: Date,
  to: Date,
  asOf: Date,
): unknown[] {
  return [...practiceIds, from, to, ...hubIds, asOf, ...practiceIds, from, to];
}

/** The signposting mix: destination and result column. */
const SIGNPOST_COLUMNS = [
  ['HUB_SERVICE_QUEUE', 'hub_service_queue'],
  ['ADMIN_QUEUE', 'admin_queue'],
  ['URGENT_ESCALATION', 'urgent_escalation'],
  ['SIGNPOSTED_EXTERNAL', 'signposted_external'],
  ['CLOSED_REMOTELY', 'closed_remotely'],
] as const;
