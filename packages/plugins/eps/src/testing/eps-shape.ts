import { isValidDmdCode, isValidNhsNumber, isValidOdsCode, isValidShortFormPrescriptionId } from '@pcn-hub/sdk';

/** One thing wrong with a message, as EPS would say it: its error code and the FHIRPath at fault. */
export interface ShapeIssue {
  readonly code: 'INVALID_VALUE' | 'MISSING_VALUE' | 'TOO_FEW_VALUES_SUBMITTED' | 'TOO_MANY_VALUES_SUBMITTED';
  readonly path: string;
}

/** A JSON value read loosely: the message is untrusted input. */
type Json = unknown;

/** The value at `path` (property names and array indexes) of a JSON value, or undefined. */
function at(value: Json, ...path: (string | number)[]): Json {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}
const text = (value: Json): string => (typeof value === 'string' ? value : '');
const list = (value: Json): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

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
export function checkEpsMessage(bundle: Json): { issues: ShapeIssue[]; facts: MessageFacts | null } {
  const issues: ShapeIssue[] = [];
  const bad = (path: string, code: ShapeIssue['code'] = 'INVALID_VALUE') => issues.push({ code, path });
  if (at(bundle, 'resourceType') !== 'Bundle' || at(bundle, 'type') !== 'message') bad('Bundle.type');
  const id = text(at(bundle, 'id'));
  if (!UUID.test(id) || at(bundle, 'identifier', 'value') !== id) bad('Bundle.identifier');
  const entries = list(at(bundle, 'entry'));
  const resources = entries.map((e) => at(e, 'resource') ?? {});
  const byUrl = new Map(entries.map((e) => [text(at(e, 'fullUrl')), at(e, 'resource')]));
  const resolves = (reference: Json): boolean => byUrl.has(text(reference));
  const ofType = (type: string) => resources.filter((r) => at(r, 'resourceType') === type);

  const header = resources[0];
  const event = text(at(header, 'eventCoding', 'code'));
  if (at(header, 'resourceType') !== 'MessageHeader') bad('Bundle.entry[0].resource', 'MISSING_VALUE');
  else if (event !== 'prescription-order' && event !== 'prescription-order-update') bad('MessageHeader.eventCoding');
  const update = event === 'prescription-order-update';

  const requests = ofType('MedicationRequest');
  if (requests.length === 0) bad('MedicationRequest', 'TOO_FEW_VALUES_SUBMITTED');
  if (requests.length > (update ? 1 : 4)) bad('MedicationRequest', 'TOO_MANY_VALUES_SUBMITTED');
  const groups = new Set<string>();
  requests.forEach((r, i) => {
    const coding = at(r, 'medicationCodeableConcept', 'coding', 0);
    if (at(coding, 'system') !== SCT || !isValidDmdCode(text(at(coding, 'code'))))
      bad(`MedicationRequest[${i}].medicationCodeableConcept`);
    if (at(r, 'intent') !== 'order') bad(`MedicationRequest[${i}].intent`);
    const cancelled = at(r, 'status') === 'cancelled' && text(at(r, 'statusReason', 'coding', 0, 'code')) !== '';
    if (update ? !cancelled : at(r, 'status') !== 'active') bad(`MedicationRequest[${i}].status`);
    if (!(Number(at(r, 'dispenseRequest', 'quantity', 'value')) > 0))
      bad(`MedicationRequest[${i}].dispenseRequest.quantity`);
    if (at(r, 'substitution', 'allowedBoolean') !== false) bad(`MedicationRequest[${i}].substitution`);
    if (!resolves(at(r, 'requester', 'reference'))) bad(`MedicationRequest[${i}].requester`);
    if (!resolves(at(r, 'subject', 'reference'))) bad(`MedicationRequest[${i}].subject`);
    groups.add(text(at(r, 'groupIdentifier', 'value')));
  });
  const [shortFormId = ''] = [...groups];
  if (groups.size !== 1 || !isValidShortFormPrescriptionId(shortFormId)) bad('MedicationRequest.groupIdentifier');

  if (!isValidNhsNumber(text(at(ofType('Patient')[0], 'identifier', 0, 'value')))) bad('Patient.identifier');
  const role = byUrl.get(text(at(requests[0], 'requester', 'reference')));
  const organisation = byUrl.get(text(at(role, 'organization', 'reference')));
  const ods = text(at(organisation, 'identifier', 0, 'value'));
  if (
    at(organisation, 'resourceType') !== 'Organization' ||
    at(organisation, 'identifier', 0, 'system') !== ODS ||
    !isValidOdsCode(ods)
  ) {
    bad('PractitionerRole.organization');
  } else if (!text(at(organisation, 'partOf', 'identifier', 'value'))) {
    bad('Organization.partOf', 'MISSING_VALUE');
  }
  if (!resolves(at(role, 'practitioner', 'reference'))) bad('PractitionerRole.practitioner');

  if (issues.length > 0) return { issues, facts: null };
  return {
    issues,
    facts: {
      messageId: id,
      event: event as MessageFacts['event'],
      shortFormId,
      costCentreOds: ods,
      dmdCodes: requests.map((r) => text(at(r, 'medicationCodeableConcept', 'coding', 0, 'code'))),
    },
  };
}
