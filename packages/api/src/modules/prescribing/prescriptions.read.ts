import type { Actor } from '../../platform/auth/actor.js';
import type { AuditLog } from '../../platform/audit/audit.log.js';
import type { Em } from '../../platform/db/orm.js';
import { asDate, exec, type SqlConditions } from '../../platform/db/sql.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { organisationColumns, organisationFromRow, type OrganisationType } from '../organisations/index.js';
import { patientColumns, patientFromRow, patientScopeSql, type PatientType } from '../patients/index.js';
import type { CourseOfTherapy, PrescriberCodeKind, PrescriptionState } from './prescribing.codes.js';
import { PrescriptionType, type PrescriptionItemType } from './prescribing.types.js';

/**
 * What a prescriptions page reads besides the prescription's own columns, from the operation's
 * selection (`platform/graphql/lookahead.ts`). `patient` is read only where the viewer may receive
 * demographics (a plugin needs `patients:read`): the caller decides.
 */
export interface PrescriptionPageReads {
  readonly items: boolean;
  readonly patient: boolean;
  readonly registeredPractice: boolean;
  readonly hub: boolean;
}

/**
 * What a page read joined for one prescription; a field resolver answers from it when set and
 * falls back to its DataLoader otherwise (single reads, mutations, live events).
 */
export interface PrescriptionJoined {
  readonly items?: PrescriptionItemType[];
  /** Null: no patient the viewer may see (the patients policy), or none to show. */
  readonly patient?: PatientType | null;
  readonly registeredPractice?: OrganisationType;
  readonly hub?: OrganisationType;
}

const COLUMNS = `p.id, p.hub_id as "hubId", p.patient_id as "patientId",
  p.registered_practice_id as "registeredPracticeId", p.hub_service_id as "hubServiceId",
  p.consultation_id as "consultationId", p.state, p.course_of_therapy as "courseOfTherapy",
  p.short_form_id as "shortFormId", p.long_form_id as "longFormId",
  p.nominated_dispenser_ods as "nominatedDispenserOds", p.issuer_ods as "issuerOds",
  p.prescriber_code_kind as "prescriberCodeKind", p.prescriber_code as "prescriberCode",
  p.prescription_type as "prescriptionType", p.raised_by as "raisedBy", p.raised_at as "raisedAt",
  p.issued_by as "issuedBy", p.issued_at as "issuedAt", p.status_reason as "statusReason"`;
/** The items of each prescription as one JSON array of arrays (line order), read by {@link itemsOf}. */
const ITEMS = `(select json_agg(json_build_array(i.line_no, i.dmd_code, i.medicine_name, i.quantity, i.unit,
    i.dosage_text, i.controlled_drug_schedule) order by i.line_no)
  from prescription_item i where i.prescription_id = p.id) as "items"`;

type Row = Record<string, unknown>;
type ItemTuple = [number, string, string | null, number | string, string, string, string | null];

function itemsOf(value: unknown): PrescriptionItemType[] {
  const tuples = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as ItemTuple[];
  return tuples.map(([lineNo, dmdCode, medicineName, quantity, unit, dosageText, controlledDrugSchedule]) => ({
    lineNo,
    dmdCode,
    medicineName,
    quantity: Number(quantity),
    unit,
    dosageText,
    controlledDrugSchedule,
  }));
}

/** A page row as the GraphQL object, an instance of its class (field resolvers get it without a copy). */
function prescriptionOf(r: Row, joined: PrescriptionJoined): PrescriptionType {
  const consultationId = r.consultationId as string | null;
  return Object.assign(Object.create(PrescriptionType.prototype) as PrescriptionType, {
    __typename: 'Prescription' as const,
    id: toGlobalId('Prescription', r.id as string),
    dbId: r.id as string,
    hubId: r.hubId as string,
    patientId: r.patientId as string,
    registeredPracticeId: r.registeredPracticeId as string,
    hubServiceId: r.hubServiceId as string | null,
    state: r.state as PrescriptionState,
    courseOfTherapy: r.courseOfTherapy as CourseOfTherapy,
    shortFormId: r.shortFormId as string | null,
    longFormId: r.longFormId as string | null,
    consultationId: consultationId ? toGlobalId('HubConsultation', consultationId) : null,
    nominatedDispenserOds: r.nominatedDispenserOds as string | null,
    issuerOds: r.issuerOds as string | null,
    prescriberCodeKind: r.prescriberCodeKind as PrescriberCodeKind | null,
    prescriberCode: r.prescriberCode as string | null,
    prescriptionType: r.prescriptionType as string | null,
    raisedBy: r.raisedBy as string,
    raisedAt: asDate(r.raisedAt as Date | string),
    issuedBy: r.issuedBy as string | null,
    issuedAt: asDate(r.issuedAt as Date | string | null),
    statusReason: r.statusReason as string | null,
    joined,
  });
}

/**
 * One statement: the prescriptions matching `where` (on `prescription p`), newest first, at most
 * `limit`, with their items, patient (only where the patients policy lets the viewer see them),
 * registered practice and hub joined when `reads` asks for them; and, in the same statement (a
 * data-modifying CTE), one `readPrescription` audit row with the patient id for each of the first
 * `audit.count` rows.
 */
export async function readPrescriptionPage(
  em: Em,
  actor: Actor,
  where: SqlConditions,
  limit: number,
  reads: PrescriptionPageReads,
  audit: { readonly log: AuditLog; readonly count: number },
): Promise<PrescriptionType[]> {
  const params: unknown[] = [];
  const columns = [COLUMNS, 'row_number() over (order by p.id desc) as "rank_"'];
  let joins = '';
  if (reads.items) columns.push(ITEMS);
  if (reads.patient) {
    const scope = patientScopeSql(actor, 'pt');
    columns.push(patientColumns('pt'));
    joins += ` left join patient pt on pt.id = p.patient_id and ${scope.sql}`;
    params.push(...scope.params);
  }
  if (reads.registeredPractice) {
    columns.push(organisationColumns('rp'));
    joins += ' join organisation rp on rp.id = p.registered_practice_id';
  }
  if (reads.hub) {
    columns.push(organisationColumns('hb'));
    joins += ' join organisation hb on hb.id = p.hub_id';
  }
  params.push(...where.params, limit);
  const insert = audit.log.readsInsert(
    'page',
    { subjectId: 's.id', patientId: 's."patientId"', rank: 's."rank_"' },
    { action: 'readPrescription', subjectType: 'Prescription' },
    audit.count,
  );
  params.push(...insert.params);
  const sql = `with page as (select ${columns.join(', ')} from prescription p${joins}
      where ${where.and()} order by p.id desc limit ?),
    audited as (${insert.sql})
    select * from page order by "rank_"`;
  const rows = await exec<Row>(em, sql, params);
  const organisations = new Map<string, OrganisationType>();
  return rows.map((row) =>
    prescriptionOf(row, {
      items: reads.items ? itemsOf(row.items) : undefined,
      patient: reads.patient ? patientFromRow(row, 'pt') : undefined,
      registeredPractice: reads.registeredPractice ? organisationFromRow(row, 'rp', organisations) : undefined,
      hub: reads.hub ? organisationFromRow(row, 'hb', organisations) : undefined,
    }),
  );
}
