import { hasAnyRole } from '../../platform/auth/actor.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import { HubError } from '../../platform/errors.js';
import { keyset } from '../../platform/graphql/keyset.js';
import { findPatientInCare } from './care.service.js';
import { PATIENT_READERS } from './patients.policy.js';

/** What a timeline row is: the hub activity tables it is read from. */
export const ACTIVITY_KINDS = ['HUB_CONSULTATION', 'ONLINE_CONSULTATION', 'PRESCRIPTION', 'REFERRAL'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One row of a patient's timeline: ids, time, state and organisation only. */
export interface ActivityRow {
  readonly kind: ActivityKind;
  readonly id: string;
  readonly occurredAt: Date;
  readonly state: string;
  readonly organisationId: string;
  /** `occurredAt` in microseconds since the epoch: the cursor's exact time (a Date keeps milliseconds only). */
  readonly atMicros: number;
}

interface RawRow {
  kind: ActivityKind;
  id: string;
  occurred_at: Date | string;
  at_us: string | number;
  state: string;
  organisation_id: string;
}

/** The timeline's order, newest first: (occurredAt in microseconds, id). Built by hand in SQL below. */
const TIMELINE_PAGE = keyset<ActivityRow>(
  [
    { property: 'atMicros', part: 'int', of: (row) => row.atMicros },
    { property: 'id', part: 'uuid', of: (row) => row.id },
  ],
  'desc',
);
/** Cursor over (occurredAt, id). */
export const activityCursor = TIMELINE_PAGE.cursorOf;

/**
 * Each branch: the table (owned by its module, read here by ids and states only), its time column
 * and organisation column. Each branch is ordered and limited on its own so PostgreSQL reads at
 * most one page per table through the `patient_id` indexes.
 */
const BRANCHES: readonly { kind: ActivityKind; table: string; at: string; organisation: string }[] = [
  { kind: 'HUB_CONSULTATION', table: 'consultation', at: 'started_at', organisation: 'authoring_organisation_id' },
  { kind: 'ONLINE_CONSULTATION', table: 'online_consultation', at: 'submitted_at', organisation: 'owner_id' },
  { kind: 'PRESCRIPTION', table: 'prescription', at: 'raised_at', organisation: 'hub_id' },
  { kind: 'REFERRAL', table: 'referral', at: 'created_at', organisation: 'from_organisation_id' },
];

const notFound = () => new HubError('NOT_FOUND', 'Patient not found', { field: 'timeline' });

/**
 * A page of a patient's hub activity (hub consultations, online consultations, prescriptions,
 * referrals), newest first, in one statement (UNION ALL with a keyset cursor). For staff who may
 * see the patient through a care relationship (`care.service.ts`); each page read is audited.
 */
export async function patientTimeline(
  ctx: AuthenticatedContext,
  patient: { readonly id: string; readonly nhsNumber: string },
  kinds: readonly ActivityKind[] | null,
  size: number,
  after: string | null,
): Promise<ActivityRow[]> {
  const actor = ctx.actor;
  const [afterAt, afterId] = (TIMELINE_PAGE.decode(after) ?? [null, null]) as [number, string] | [null, null];
  const visible =
    !actor.plugin &&
    hasAnyRole(actor, PATIENT_READERS) &&
    (await findPatientInCare(ctx.em, actor, patient.nhsNumber))?.id === patient.id;
  if (!visible) {
    await ctx.audit.recordNow(ctx.em, [
      {
        action: 'readPatientTimeline',
        subjectType: 'Patient',
        subjectId: patient.id,
        outcome: 'DENIED',
        reason: 'not visible',
      },
    ]);
    throw notFound();
  }
  const branches = BRANCHES.filter((b) => !kinds || kinds.length === 0 || kinds.includes(b.kind));
  const params: unknown[] = [];
  const limit = size + 1; // one more than the page: is there a next page?
  const sql = branches
    .map((b) => {
      params.push(patient.id);
      const keyset =
        afterAt === null
          ? ''
          : ` and (x.${b.at}, x.id) < (timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?::uuid)`;
      if (afterAt !== null) params.push(afterAt, afterId);
      params.push(limit);
      return `(select '${b.kind}'::text as kind, x.id, x.${b.at} as occurred_at,
                (extract(epoch from x.${b.at}) * 1000000)::bigint as at_us, x.state::text as state, x.${b.organisation} as organisation_id
         from ${b.table} x where x.patient_id = ?${keyset} order by x.${b.at} desc, x.id desc limit ?)`;
    })
    .join(' union all ');
  params.push(limit);
  const rows = await ctx.em
    .getConnection()
    .execute<RawRow[]>(`select * from (${sql}) t order by t.occurred_at desc, t.id desc limit ?`, params);
  const page = rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    occurredAt: new Date(r.occurred_at),
    atMicros: Number(r.at_us),
    state: r.state,
    organisationId: r.organisation_id,
  }));
  await ctx.audit.recordNow(ctx.em, [
    {
      action: 'readPatientTimeline',
      subjectType: 'Patient',
      subjectId: patient.id,
      patientId: patient.id,
      reason: `${Math.min(page.length, size)} items${after ? ' after a cursor' : ''}`,
    },
  ]);
  return page;
}
