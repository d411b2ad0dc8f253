import { isValidDmdCode, isValidNhsNumber, isValidOdsCode, isValidShortFormPrescriptionId } from '@pcn-hub/sdk';

/** One thing wrong with a message, as EPS would say it: its error code and the FHIRPath at fault. */
export interface ShapeIssue {
  readonly code: 'INVALID_VALUE' | 'MISSING_VALUE' | 'TOO_FEW_VALUES_SUBMITTED' | 'TOO_MANY_VALUES_SUBMITTED';
  readonly path: string;
}

type Res = Record<string, any>;

const SCT = 'http://snomed.info/sct';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The facts the double keeps of a valid message. */
export interface MessageFacts {
  readonly messageId: string;
  readonly event: 'prescription-order' | 'prescription-order-update';
  readonly shortFormId: string;
  readonly costCentreOds: string;
  readonly dmdCodes: readonly string[];
}

/**
 * Checks a message Bundle the way the EPS FHIR API does the parts pcn-hub renders
 * (docs/domain/national-interfaces.md#eps-prescribing-api): a message Bundle led by its
 * MessageHeader; one to four MedicationRequests (exactly one, cancelled with a reason, in an
 * update) each coded with a dm+d concept and sharing one short-form id; the Patient's NHS number;
 * the PractitionerRole's Organization (the cost centre) with an ODS code and `partOf`. Returns the
 * issues, or the facts when there are none.
 */
export function checkEpsMessage(bundle: Res): { issues: ShapeIssue[]; facts: MessageFacts | null } {
  const issues: ShapeIssue[] = [];
  const bad = (path: string, code: ShapeIssue['code'] = 'INVALID_VALUE') => issues.push({ code, path });
  if (bundle.resourceType !== 'Bundle' || bundle.type !== 'message') bad('Bundle.type');
  if (typeof bundle.id !== 'string' || !UUID.test(bundle.id) || bundle.identifier?.value !== bundle.id) bad('Bundle.identifier');
  const entries: Res[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const resources = entries.map((e) => (e?.resource ?? {}) as Res);
  const byUrl = new Map(entries.map((e) => [e?.fullUrl as string, (e?.resource ?? {}) as Res]));
  const ofType = (type: string) => resources.filter((r) => r.resourceType === type);

  const header = resources[0];
  const event = header?.eventCoding?.code;
  if (header?.resourceType !== 'MessageHeader') bad('Bundle.entry[0].resource', 'MISSING_VALUE');
  else if (event !== 'prescription-order' && event !== 'prescription-order-update') bad('MessageHeader.eventCoding');
  const update = event === 'prescription-order-update';

  const requests = ofType('MedicationRequest');
  if (requests.length === 0) bad('MedicationRequest', 'TOO_FEW_VALUES_SUBMITTED');
  if (requests.length > (update ? 1 : 4)) bad('MedicationRequest', 'TOO_MANY_VALUES_SUBMITTED');
  const groups = new Set<string>();
  requests.forEach((r, i) => {
    const coding = r.medicationCodeableConcept?.coding?.[0];
    if (coding?.system !== SCT || !isValidDmdCode(String(coding?.code ?? ''))) bad(`MedicationRequest[${i}].medicationCodeableConcept`);
    if (r.intent !== 'order') bad(`MedicationRequest[${i}].intent`);
    if (update ? r.status !== 'cancelled' || !r.statusReason?.coding?.[0]?.code : r.status !== 'active') bad(`MedicationRequest[${i}].status`);
    if (!(Number(r.dispenseRequest?.quantity?.value) > 0)) bad(`MedicationRequest[${i}].dispenseRequest.quantity`);
    if (r.substitution?.allowedBoolean !== false) bad(`MedicationRequest[${i}].substitution`);
    if (!byUrl.has(r.requester?.reference)) bad(`MedicationRequest[${i}].requester`);
    if (!byUrl.has(r.subject?.reference)) bad(`MedicationRequest[${i}].subject`);
    groups.add(String(r.groupIdentifier?.value ?? ''));
  });
  const [shortFormId] = [...groups];
  if (groups.size !== 1 || !isValidShortFormPrescriptionId(shortFormId ?? '')) bad('MedicationRequest.groupIdentifier');

  const patient = ofType('Patient')[0];
  if (!isValidNhsNumber(String(patient?.identifier?.[0]?.value ?? ''))) bad('Patient.identifier');
  const role = byUrl.get(requests[0]?.requester?.reference);
  const organisation = role ? byUrl.get(role.organization?.reference) : undefined;
  const ods = organisation?.identifier?.[0];
  if (organisation?.resourceType !== 'Organization' || ods?.system !== ODS || !isValidOdsCode(String(ods?.value ?? ''))) {
    bad('PractitionerRole.organization');
  } else if (!organisation.partOf?.identifier?.value) {
    bad('Organization.partOf', 'MISSING_VALUE');
  }
  if (!byUrl.has(role?.practitioner?.reference)) bad('PractitionerRole.practitioner');

  if (issues.length > 0) return { issues, facts: null };
  return {
    issues,
    facts: {
      messageId: bundle.id as string,
      event: event as MessageFacts['event'],
      shortFormId: shortFormId!,
      costCentreOds: String(ods.value),
      dmdCodes: requests.map((r) => String(r.medicationCodeableConcept.coding[0].code)),
    },
  };
}
