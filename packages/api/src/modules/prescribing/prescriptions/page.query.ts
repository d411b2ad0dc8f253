import { readAuditedPage, type AuditedPageRead } from '../../../platform/audit/audited-page.js';
import { asDate } from '../../../platform/db/sql.js';
import { newNode, toGlobalId } from '../../../platform/graphql/relay.js';
import { organisationFromJson, organisationJson, type OrganisationType } from '../../organisations/index.js';
import { patientFromJson, patientJson, patientScopeSql, type PatientType } from '../../patients/index.js';
import type { CourseOfTherapy, PrescriberCodeKind, PrescriptionState } from '../prescribing.codes.js';
import { PrescriptionType, type PrescriptionItemType } from '../prescribing.types.js';

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

/** How one selected field's value (from the row's JSON array) lands on the GraphQL object. */
type Setter = (p: PrescriptionType, value: unknown) => void;

/**
 * The prescription's own GraphQL fields: the SQL of each and where its value goes. A page reads
 * only those its selection asks for (the others stay unset: nothing reads them).
 */
const OWN_FIELDS: Readonly<Record<string, readonly [sql: string, set: Setter]>> = {
  state: ['p.state', (p, v) => void (p.state = v as PrescriptionState)],
  courseOfTherapy: ['p.course_of_therapy', (p, v) => void (p.courseOfTherapy = v as CourseOfTherapy)],
  shortFormId: ['p.short_form_id', (p, v) => void (p.shortFormId = v as string | null)],
  longFormId: ['p.long_form_id', (p, v) => void (p.longFormId = v as string | null)],
  consultationId: [
    'p.consultation_id',
    (p, v) => void (p.consultationId = v ? toGlobalId('HubConsultation', v as string) : null),
  ],
  nominatedDispenserOds: ['p.nominated_dispenser_ods', (p, v) => void (p.nominatedDispenserOds = v as string | null)],
  issuerOds: ['p.issuer_ods', (p, v) => void (p.issuerOds = v as string | null)],
  prescriberCodeKind: [
    'p.prescriber_code_kind',
    (p, v) => void (p.prescriberCodeKind = v as PrescriberCodeKind | null),
  ],
  prescriberCode: ['p.prescriber_code', (p, v) => void (p.prescriberCode = v as string | null)],
  prescriptionType: ['p.prescription_type', (p, v) => void (p.prescriptionType = v as string | null)],
  raisedBy: ['p.raised_by', (p, v) => void (p.raisedBy = v as string)],
  raisedAt: ['p.raised_at', (p, v) => void (p.raisedAt = asDate(v as string))],
  issuedBy: ['p.issued_by', (p, v) => void (p.issuedBy = v as string | null)],
  issuedAt: ['p.issued_at', (p, v) => void (p.issuedAt = asDate(v as string | null))],
  statusReason: ['p.status_reason', (p, v) => void (p.statusReason = v as string | null)],
};

/**
 * The items of each prescription (line order) as JSON objects with the GraphQL field names:
 * decoded natively into the objects the page hands out, no mapping in JavaScript.
 */
const ITEMS = `(select json_agg(json_build_object('lineNo', i.line_no, 'dmdCode', i.dmd_code,
    'medicineName', i.medicine_name, 'quantity', i.quantity, 'unit', i.unit, 'dosageText', i.dosage_text,
    'controlledDrugSchedule', i.controlled_drug_schedule) order by i.line_no)
  from prescription_item i where i.prescription_id = p.id)`;

/** What a page selects: its own fields (by GraphQL name, from the lookahead) and its joins. */
export interface PrescriptionPageSelection extends PrescriptionPageReads {
  readonly fields: ReadonlySet<string>;
}

/**
 * A page's row as one JSON array: the ids every field resolver may need (id, hub, patient,
 * registered practice, hub service) first, then the selected own fields, then the joins.
 */
interface RowPlan {
  readonly json: string;
  readonly setters: readonly Setter[];
  readonly items: number;
  readonly patient: number;
  readonly registeredPractice: number;
  readonly hub: number;
}

const IDS = ['p.id', 'p.hub_id', 'p.patient_id', 'p.registered_practice_id', 'p.hub_service_id'];
const plans = new WeakMap<ReadonlySet<string>, Map<string, RowPlan>>();

/** The row plan of a selection, memoised (the lookahead's field sets are themselves memoised per document). */
function planOf(selection: PrescriptionPageSelection): RowPlan {
  const key = `${+selection.items}${+selection.patient}${+selection.registeredPractice}${+selection.hub}`;
  let byKey = plans.get(selection.fields);
  const known = byKey?.get(key);
  if (known) return known;
  const values = [...IDS];
  const setters: Setter[] = [];
  for (const field of selection.fields) {
    const own = OWN_FIELDS[field];
    if (!own) continue;
    values.push(own[0]);
    setters.push(own[1]);
  }
  const add = (wanted: boolean, sql: string): number => (wanted ? values.push(sql) - 1 : -1);
  const items = add(selection.items, ITEMS);
  const patient = add(selection.patient, patientJson('pt'));
  const registeredPractice = add(selection.registeredPractice, organisationJson('rp'));
  const hub = add(selection.hub, organisationJson('hb'));
  const plan = { json: `json_build_array(${values.join(', ')})`, setters, items, patient, registeredPractice, hub };
  if (!byKey) plans.set(selection.fields, (byKey = new Map<string, RowPlan>()));
  byKey.set(key, plan);
  return plan;
}

/**
 * A page row as the GraphQL object: an instance of its class, so type-graphql hands it to field
 * resolvers without copying it, built by plain stores (an `Object.create` + `Object.assign` object
 * of this many properties ends in V8's slow dictionary mode, 40 times dearer to build and read).
 */
function prescriptionOf(
  values: readonly unknown[],
  plan: RowPlan,
  organisations: Map<string, OrganisationType>,
): PrescriptionType {
  const p = newNode(PrescriptionType, values[0] as string);
  p.hubId = values[1] as string;
  p.patientId = values[2] as string;
  p.registeredPracticeId = values[3] as string;
  p.hubServiceId = values[4] as string | null;
  for (let i = 0; i < plan.setters.length; i++) plan.setters[i]!(p, values[IDS.length + i]);
  p.joined = {
    items: plan.items < 0 ? undefined : ((values[plan.items] as PrescriptionItemType[] | null) ?? []),
    patient: plan.patient < 0 ? undefined : patientFromJson(values[plan.patient] as unknown[] | null),
    registeredPractice:
      plan.registeredPractice < 0
        ? undefined
        : organisationFromJson(values[plan.registeredPractice] as unknown[], organisations),
    hub: plan.hub < 0 ? undefined : organisationFromJson(values[plan.hub] as unknown[], organisations),
  };
  return p;
}

/**
 * One statement: the prescriptions matching `read.where` (on `prescription p`), newest first, with
 * the own fields `selection` names, their items, patient (only where the patients policy lets the
 * viewer see them), registered practice and hub when it asks for them, each row packed into one
 * JSON array, and their `readPrescription` audit rows with the patient id ({@link readAuditedPage}).
 */
export async function readPrescriptionPage(
  read: AuditedPageRead,
  selection: PrescriptionPageSelection,
): Promise<PrescriptionType[]> {
  const plan = planOf(selection);
  const params: unknown[] = [];
  let joins = '';
  if (selection.patient) {
    const scope = patientScopeSql(read.actor, 'pt');
    joins += ` left join patient pt on pt.id = p.patient_id and ${scope.sql}`;
    params.push(...scope.params);
  }
  if (selection.registeredPractice) joins += ' join organisation rp on rp.id = p.registered_practice_id';
  if (selection.hub) joins += ' join organisation hb on hb.id = p.hub_id';
  const rows = await readAuditedPage(
    read,
    { from: `prescription p${joins}`, params, order: 'p.id desc', row: plan.json, patientId: 'p.patient_id' },
    { action: 'readPrescription', subjectType: 'Prescription' },
  );
  const organisations = new Map<string, OrganisationType>();
  return rows.map((values) => prescriptionOf(values, plan, organisations));
}
