import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { syntheticNhsNumber } from '@pcn-hub/schema';

/**
 * The tenant-isolation generator: derives every root Query and Mutation field that names an object
 * by id (an `ID` argument or input field, at any depth) or an organisation by ODS code (an
 * `OdsCode` argument or input field), and builds a minimal valid request for it, so that a new
 * by-id field is covered without editing the test.
 */

export const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
}

/** How an id-like argument names something: a (global or raw) id, or an organisation's ODS code. */
export type SlotKind = 'ID' | 'ODS';

/** One id-like argument of a field: `path` from the root argument down, e.g. ['input', 'referralId']. */
export interface IdSlot {
  readonly path: readonly string[];
  readonly kind: SlotKind;
  readonly required: boolean;
  /** The last path element, e.g. `referralId`. */
  readonly name: string;
}

export interface ByIdField {
  readonly operation: 'query' | 'mutation';
  readonly name: string;
  /** `Query.node`, `Mutation.bookReferral`. */
  readonly key: string;
  readonly field: GraphQLField<unknown, unknown>;
  readonly slots: readonly IdSlot[];
}

/** `Mutation.bookReferral(input.slotId)`. */
export const slotKey = (field: ByIdField, slot: IdSlot): string => `${field.key}(${slot.path.join('.')})`;

const isRequired = (f: GraphQLArgument | GraphQLInputField): boolean =>
  isNonNullType(f.type) && f.defaultValue === undefined;

function slotKindOf(type: GraphQLInputType): SlotKind | null {
  const named = getNamedType(type);
  if (named.name === 'ID') return 'ID';
  if (named.name === 'OdsCode') return 'ODS';
  return null;
}

/** Id-like slots inside an input type (depth-limited: inputs do not recurse in this schema). */
function slotsIn(type: GraphQLInputType, path: string[], required: boolean, depth: number, out: IdSlot[]): void {
  const kind = slotKindOf(type);
  if (kind) {
    out.push({ path, kind, required, name: path.at(-1)! });
    return;
  }
  const named = getNamedType(type);
  if (!isInputObjectType(named) || depth > 5) return;
  for (const f of Object.values(named.getFields()))
    slotsIn(f.type, [...path, f.name], required && isRequired(f), depth + 1, out);
}

/** Every root Query and Mutation field with at least one id-like argument, in schema order. */
export function deriveByIdFields(schema: GraphQLSchema): ByIdField[] {
  const out: ByIdField[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const slots: IdSlot[] = [];
      for (const arg of field.args) slotsIn(arg.type, [arg.name], isRequired(arg), 0, slots);
      if (slots.length > 0) out.push({ operation, name: field.name, key: `${root.name}.${field.name}`, field, slots });
    }
  }
  return out;
}

/** The selection for a return type: `__typename`, plus the size of a list or connection page. */
export function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named) && !isUnionType(named)) return '';
  const parts = ['__typename'];
  if (isObjectType(named)) {
    const edges = named.getFields().edges;
    if (edges) parts.push('edges { __typename }');
  }
  return `{ ${parts.join(' ')} }`;
}

const DAY = 86_400_000;
const tomorrowAt = (hour: number): string => {
  const d = new Date(Date.now() + DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/**
 * A valid synthetic value per scalar. Custom scalars get a valid made-up value of their kind
 * (synthetic NHS number, SNOMED CT / dm+d concept, EPS prescription id).
 */
export const SCALAR_VALUES: Record<string, () => unknown> = {
  String: () => 'Tenant isolation check',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  DateTime: () => new Date(Date.now() - 60_000).toISOString(),
  LocalDate: () => new Date().toISOString().slice(0, 10),
  // Demo patient 0, registered at Y99011 (p1): visible to p1 and the hub, so it never masks the id check.
  NHSNumber: () => syntheticNhsNumber(0),
  SnomedCode: () => '22298006',
  DmdCode: () => '39732311000001104',
  PrescriptionId: () => '04F4C2-A99968-7F717P',
  OdsCode: () => 'Y99999',
};

/** Assigned values for id slots, by path ('input.slotId'); slots not assigned are left out. */
export type Assignment = ReadonlyMap<string, unknown>;

/** An override: a value, or a function of the id slots assigned (undefined: no override). */
type Override = string | number | boolean | object;
const fn = (f: (assign: Assignment) => unknown): Override => f;

let manifestCounter = 0;

/**
 * Values a type alone cannot make valid: a format or combination the service checks before it
 * reads the id, so a synthetic value would stop the request short of the id. Keyed by root
 * field, then by path ('input.name'); `*` applies to every field. An override on an optional
 * input is sent too. Each is a rule of the domain, not of one test; keep the list short.
 */
export const VALUE_OVERRIDES: Record<string, Record<string, Override>> = {
  '*': {
    'period.from': new Date(Date.now() - 30 * DAY).toISOString(),
    'period.to': new Date().toISOString(),
    'input.start': tomorrowAt(9),
    'input.end': tomorrowAt(10),
    'input.slotMinutes': 15,
  },
  createSlotType: { 'input.name': 'U99001-MinorIllness-TEL' },
  completeConsultation: { 'input.outcome': 'advice given' },
  setCapacityPlan: { 'input.plannedCapacity': 10, 'input.softThreshold': 8, 'input.hardThreshold': 12 },
  recordWriteBackAcknowledgement: { 'input.code': '20013' },
  settleInboundMessage: { 'input.outcome': 'PARSED' },
  configureWriteBackTarget: { 'input.endpointUrl': 'https://write-back.example.invalid/hook' },
  // A new staff member of a practice: usernames are dotted lower case.
  addStaffUser: { 'input.username': 'ti.newstaff', 'input.roles': ['PRACTICE_CLINICIAN'] },
  // A patient not yet registered anywhere.
  registerPatient: { 'input.nhsNumber': syntheticNhsNumber(650_001) },
  submitOnlineConsultation: {
    'input.supplier': 'ECONSULT',
    'input.supplierReference': fn(() => `TI-${Date.now()}-${++manifestCounter}`),
  },
  submitPluginManifest: {
    'input.manifest': fn(() => ({
      name: `ti-manifest-${Date.now()}-${++manifestCounter}`,
      displayName: 'Tenant isolation',
      vendor: 'Synthetic Vendor (test)',
      version: '1.0.1',
      sdkContractVersion: '1',
      description: 'Tenant isolation check.',
      scopes: ['consultations:read'],
      events: [],
    })),
  },
  // The patient by NHS number unless the patient id is the slot under test.
  raisePrescription: { 'input.nhsNumber': fn((a) => (a.has('input.patientId') ? undefined : syntheticNhsNumber(0))) },
  // The method that uses the slot under test; otherwise a letter, which needs neither.
  referPatient: {
    'input.method': fn((a) =>
      a.has('input.slotId')
        ? 'CROSS_ORGANISATION_BOOKING'
        : a.has('input.task.teamId')
          ? 'CROSS_ORGANISATION_TASK'
          : 'DOCUMENT_SEND',
    ),
    'input.consentToRecordAccess': true,
    'input.document': fn((a) =>
      a.has('input.slotId') || a.has('input.task.teamId')
        ? undefined
        : {
            title: 'Referral letter',
            contentType: 'application/pdf',
            sizeBytes: 1024,
            reference: 'docstore://letters/ti',
          },
    ),
  },
  signpostConsultation: {
    'input.destination': fn((a) => (a.has('input.serviceId') ? 'HUB_SERVICE_QUEUE' : undefined)),
  },
};

function override(field: string, path: readonly string[], assign: Assignment): { value: unknown } | null {
  const key = path.join('.');
  for (const scope of [field, '*']) {
    const map = VALUE_OVERRIDES[scope];
    if (!map || !Object.prototype.hasOwnProperty.call(map, key)) continue;
    const o = map[key];
    const value = typeof o === 'function' ? (o as (a: Assignment) => unknown)(assign) : o;
    return value === undefined ? null : { value };
  }
  return null;
}

/** Builds the value of an (input) type at `path`: required fields synthesised, assigned id slots set. */
function valueOf(field: string, type: GraphQLInputType, path: string[], assign: Assignment): unknown {
  const key = path.join('.');
  if (assign.has(key)) return assign.get(key);
  const o = override(field, path, assign);
  if (o) return o.value;
  const inner = getNullableType(type);
  if (isListType(inner)) return [valueOf(field, inner.ofType, path, assign)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    const value: Record<string, unknown> = {};
    for (const f of fields) {
      const p = [...path, f.name];
      if (isRequired(f) || hasAssignedBelow(p, assign) || override(field, p, assign))
        value[f.name] = valueOf(field, f.type, p, assign);
    }
    // An input whose fields are all optional is a one-of (ConsultationEntryInput): give the first.
    if (Object.keys(value).length === 0 && fields.length > 0) {
      const f = [...fields].sort((a, b) => a.name.localeCompare(b.name))[0]!;
      value[f.name] = valueOf(field, f.type, [...path, f.name], assign);
    }
    return value;
  }
  const make = SCALAR_VALUES[inner.name];
  if (!make)
    throw new Error(`no synthetic value for scalar ${inner.name} at ${field}(${key}); add one to SCALAR_VALUES`);
  return make();
}

const hasAssignedBelow = (path: readonly string[], assign: Assignment): boolean => {
  const prefix = path.join('.');
  for (const k of assign.keys()) if (k === prefix || k.startsWith(`${prefix}.`)) return true;
  return false;
};

/** One GraphQL request for `field`: every root argument a variable; selects `__typename` only. */
export function buildRequest(
  field: ByIdField,
  assign: Assignment,
): { query: string; variables: Record<string, unknown> } {
  const defs: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of field.field.args) {
    if (!isRequired(arg) && !hasAssignedBelow([arg.name], assign)) continue;
    defs.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = valueOf(field.name, arg.type, [arg.name], assign);
  }
  const head = defs.length ? `(${defs.join(', ')})` : '';
  const call = args.length ? `(${args.join(', ')})` : '';
  return {
    query: `${field.operation} TenantIsolation${head} { ${field.name}${call} ${selectionFor(field.field.type)} }`,
    variables,
  };
}
