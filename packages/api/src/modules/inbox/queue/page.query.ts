import type { Actor } from '../../../platform/auth/actor.js';
import type { AuditLog } from '../../../platform/audit/audit.log.js';
import type { Em } from '../../../platform/db/orm.js';
import { asDate, exec, type SqlConditions } from '../../../platform/db/sql.js';
import { fieldsOf } from '../../../platform/graphql/fields.js';
import { toGlobalId } from '../../../platform/graphql/relay.js';
import type { OrganisationType } from '../../organisations/index.js';
import { patientScopeSql, type PatientType } from '../../patients/index.js';
import type { OnlineConsultation } from '../online-consultation.entity.js';
import type {
  ConsultationType,
  OcAnswer,
  OcAttachment,
  OcIce,
  OcRedFlag,
  OcSignpost,
  RoutingReason,
  Urgency,
} from '../inbox.codes.js';
import type { InboxOrder } from '../inbox.enums.js';
import type { ConsultationState } from '../online-consultation.state.js';

/**
 * A consultation as a page reads it: plain values, no entity. The inbox page is the hub's hottest
 * read, so it is one SQL statement whose rows are mapped straight to GraphQL objects, never
 * hydrated into the ORM's identity map; writes still go through the entity.
 */
export interface ConsultationRecord {
  id: string;
  ownerId: string;
  originatingPracticeId: string;
  patientId: string | null;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  supplier: string;
  supplierReference: string;
  type: ConsultationType;
  state: ConsultationState;
  template: string;
  submittedAt: Date;
  responseExpectedBy: Date | null;
  redFlagCount: number;
  urgency: Urgency | null;
  urgencyRank: number;
  /** Sort key of the OVERDUE order (a generated column; see overdue.sql.ts). */
  dueAt: Date;
  routingReason: RoutingReason;
  lockHolder: string | null;
  lockHolderOrgId: string | null;
  lockHolderFamily: string | null;
  lockSince: Date | null;
  lockExpiresAt: Date | null;
  outcome: string | null;
  /** The form's content: read only when the operation asks for one of {@link CONTENT_FIELDS}. */
  content?: ConsultationContent;
}

export interface ConsultationContent {
  answers: OcAnswer[];
  redFlags: OcRedFlag[];
  ice: OcIce | null;
  attachments: OcAttachment[];
  signpost: OcSignpost | null;
  triageNotes: string | null;
}

/** The GraphQL fields served from {@link ConsultationContent}. */
export const CONTENT_FIELDS = [
  'answers',
  'redFlags',
  'ice',
  'attachments',
  'signpost',
  'triageNotes',
] as const satisfies readonly (keyof ConsultationContent)[];

/** The record's fields the GraphQL view shows as they are (see `toConsultationType`). */
export const SHOWN_FIELDS = [
  'supplier',
  'supplierReference',
  'type',
  'state',
  'template',
  'submittedAt',
  'responseExpectedBy',
  'redFlagCount',
  'urgency',
  'routingReason',
  'outcome',
] as const satisfies readonly (keyof ConsultationRecord)[];

/** The record's fields an entity holds under the same names. */
const ENTITY_FIELDS = [
  ...SHOWN_FIELDS,
  'nhsNumber',
  'givenName',
  'familyName',
  'dateOfBirth',
  'urgencyRank',
  'dueAt',
  'lockHolder',
  'lockHolderOrgId',
  'lockHolderFamily',
  'lockSince',
  'lockExpiresAt',
] as const;

/** The same view of an entity (single reads, mutations, live events). */
export function recordOf(c: OnlineConsultation): ConsultationRecord {
  return {
    id: c.id,
    ownerId: c.owner.id,
    originatingPracticeId: c.originatingPractice.id,
    patientId: c.patient?.id ?? null,
    ...fieldsOf(c, ENTITY_FIELDS),
    content: fieldsOf(c, CONTENT_FIELDS),
  };
}

/** What a page reads besides the consultation's own columns. */
export interface PageReads {
  content: boolean;
  patient: boolean;
  owner: boolean;
  originatingPractice: boolean;
}

/** One page row: the record plus the joined rows the selection asked for. */
export interface PageRow {
  record: ConsultationRecord;
  patient?: PatientType | null;
  owner?: OrganisationType;
  originatingPractice?: OrganisationType;
}

const COLUMNS = `oc.id, oc.owner_id as "ownerId", oc.originating_practice_id as "originatingPracticeId",
  oc.patient_id as "patientId", oc.nhs_number as "nhsNumber", oc.given_name as "givenName",
  oc.family_name as "familyName", oc.date_of_birth::text as "dateOfBirth", oc.supplier,
  oc.supplier_reference as "supplierReference", oc.type, oc.state, oc.template,
  oc.submitted_at as "submittedAt", oc.response_expected_by as "responseExpectedBy",
  oc.red_flag_count as "redFlagCount", oc.urgency, oc.urgency_rank as "urgencyRank", oc.due_at as "dueAt",
  oc.routing_reason as "routingReason", oc.lock_holder as "lockHolder", oc.lock_holder_org_id as "lockHolderOrgId",
  oc.lock_holder_family as "lockHolderFamily", oc.lock_since as "lockSince", oc.lock_expires_at as "lockExpiresAt",
  oc.outcome`;
const CONTENT_COLUMNS = `, oc.answers, oc.red_flags as "redFlags", oc.ice, oc.attachments, oc.signpost, oc.triage_notes as "triageNotes"`;
const PATIENT_COLUMNS = `, p.id as "p_id", p.registered_practice_id as "p_practice", p.nhs_number as "p_nhs",
  p.given_name as "p_given", p.family_name as "p_family", p.date_of_birth::text as "p_dob", p.sex as "p_sex"`;
const orgColumns = (alias: string) =>
  `, ${alias}.id as "${alias}_id", ${alias}.pcn_id as "${alias}_pcn", ${alias}.ods_code as "${alias}_ods",
  ${alias}.name as "${alias}_name", ${alias}.kind as "${alias}_kind", ${alias}.active as "${alias}_active"`;

/** ORDER BY of each inbox order, then the same read backwards (for `last`/`before`). */
const ORDER_SQL: Record<InboxOrder, readonly [string, string]> = {
  OLDEST: ['oc.submitted_at asc, oc.id asc', 'oc.submitted_at desc, oc.id desc'],
  URGENCY: [
    'oc.urgency_rank asc, oc.submitted_at asc, oc.id asc',
    'oc.urgency_rank desc, oc.submitted_at desc, oc.id desc',
  ],
  RED_FLAGS: [
    'oc.red_flag_count desc, oc.submitted_at asc, oc.id asc',
    'oc.red_flag_count asc, oc.submitted_at desc, oc.id desc',
  ],
  // The generated `due_at` (overdue.sql.ts), with its index (owner_id, due_at, submitted_at, id).
  OVERDUE: ['oc.due_at asc, oc.submitted_at asc, oc.id asc', 'oc.due_at desc, oc.submitted_at desc, oc.id desc'],
};

type Row = Record<string, unknown>;

/** One object per organisation in a page: a page of 50 names one or two, many times over. */
function organisationOf(row: Row, alias: string, seen: Map<string, OrganisationType>): OrganisationType {
  const id = row[`${alias}_id`] as string;
  const known = seen.get(id);
  if (known) return known;
  const organisation: OrganisationType = {
    __typename: 'Organisation',
    id: toGlobalId('Organisation', id),
    dbId: id,
    pcnId: (row[`${alias}_pcn`] as string | null) ?? null,
    odsCode: row[`${alias}_ods`] as string,
    name: row[`${alias}_name`] as string,
    kind: row[`${alias}_kind`] as OrganisationType['kind'],
    active: Boolean(row[`${alias}_active`]),
  };
  seen.set(id, organisation);
  return organisation;
}

function patientOf(row: Row): PatientType | null {
  const id = row.p_id as string | null;
  if (!id) return null;
  return {
    __typename: 'Patient',
    id: toGlobalId('Patient', id),
    dbId: id,
    registeredPracticeId: row.p_practice as string,
    nhsNumber: row.p_nhs as string,
    givenName: row.p_given as string,
    familyName: row.p_family as string,
    dateOfBirth: row.p_dob as string,
    sex: row.p_sex as PatientType['sex'],
  };
}

/** A row names its columns as the record does: it is the record once its times are Dates. */
function recordFrom(row: Row, content: boolean): ConsultationRecord {
  const r = row as unknown as ConsultationRecord & ConsultationContent;
  r.submittedAt = asDate(r.submittedAt);
  r.responseExpectedBy = asDate(r.responseExpectedBy);
  r.dueAt = asDate(r.dueAt);
  r.lockSince = asDate(r.lockSince);
  r.lockExpiresAt = asDate(r.lockExpiresAt);
  r.content = content ? fieldsOf(r, CONTENT_FIELDS) : undefined;
  return r;
}

/**
 * One statement: the consultations matching `where` in `order` (backwards when `backwards`), with
 * the patient (only where the viewer may see them, as the patient rule says), the owner and the
 * originating practice joined when the selection asks for them.
 */
export async function readPage(
  em: Em,
  actor: Actor,
  where: SqlConditions,
  order: InboxOrder,
  backwards: boolean,
  limit: number,
  reads: PageReads,
  audit?: { readonly log: AuditLog; readonly count: number },
): Promise<PageRow[]> {
  const params: unknown[] = [];
  let columns = COLUMNS + (reads.content ? CONTENT_COLUMNS : '');
  let joins = '';
  if (reads.patient) {
    const scope = patientScopeSql(actor, 'p');
    columns += PATIENT_COLUMNS;
    joins += ` left join patient p on p.id = oc.patient_id and ${scope.sql}`;
    params.push(...scope.params);
  }
  if (reads.owner) {
    columns += orgColumns('ow');
    joins += ' join organisation ow on ow.id = oc.owner_id';
  }
  if (reads.originatingPractice) {
    columns += orgColumns('op');
    joins += ' join organisation op on op.id = oc.originating_practice_id';
  }
  const orderBy = ORDER_SQL[order][backwards ? 1 : 0];
  if (audit) columns += `, row_number() over (order by ${orderBy}) as "rank_"`;
  let sql = `select ${columns} from online_consultation oc${joins} where ${where.and()} order by ${orderBy} limit ?`;
  params.push(...where.params, limit);
  if (audit) {
    // The page and its audit rows in one statement: the first `count` rows read are audited.
    const insert = audit.log.readsInsert(
      'page',
      { subjectId: 's.id', patientId: 's."patientId"', rank: 's."rank_"' },
      { action: 'readOnlineConsultation', subjectType: 'OnlineConsultation' },
      audit.count,
    );
    sql = `with page as (${sql}), audited as (${insert.sql}) select * from page order by "rank_"`;
    params.push(...insert.params);
  }
  const rows = await exec<Row>(em, sql, params, { prepared: true });
  const organisations = new Map<string, OrganisationType>();
  return rows.map((row) => ({
    record: recordFrom(row, reads.content),
    patient: reads.patient ? patientOf(row) : undefined,
    owner: reads.owner ? organisationOf(row, 'ow', organisations) : undefined,
    originatingPractice: reads.originatingPractice ? organisationOf(row, 'op', organisations) : undefined,
  }));
}
