import { createHash } from 'node:crypto';
import {
  PRESCRIPTION_TYPE_OF,
  REGISTRATION_OF,
  type PrescriberCodeKind,
  type Profession,
} from '../prescribing.codes.js';

/**
 * Renders an issued hub prescription as the EPS prescription-order message: a FHIR R4 Bundle of
 * type message (docs/domain/national-interfaces.md#eps-prescribing-api). Pure: same input, same
 * Bundle (resource ids are derived from
 * the long-form id), so an adapter can re-render for $prepare and $process-message alike.
 *
 * Not done here, on purpose: sending. EPS is user-restricted: the prescriber signs in with CIS2
 * (smartcard or alternative), $prepare returns the digest, the Digital Signature Service signs it,
 * then $process-message submits. None of that can run without a live CIS2 session, so it belongs
 * to a prescribing-channel plugin that takes this Bundle as its input.
 */

const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const SCT = 'http://snomed.info/sct';

/** FHIR identifier systems of the professional registers and NHSBSA prescriber codes [P1]. */
export const PRESCRIBER_IDENTIFIER_SYSTEMS = {
  DIN: 'https://fhir.hl7.org.uk/Id/din-number',
  SPURIOUS: 'https://fhir.hl7.org.uk/Id/nhsbsa-spurious-code',
  GMC: 'https://fhir.hl7.org.uk/Id/gmc-number',
  NMC: 'https://fhir.hl7.org.uk/Id/nmc-number',
  GPHC: 'https://fhir.hl7.org.uk/Id/gphc-number',
  HCPC: 'https://fhir.hl7.org.uk/Id/hcpc-number',
} as const;

export interface EpsItem {
  /** Line item id (a UUID): MedicationRequest.identifier and id. */
  readonly lineItemId: string;
  readonly dmdCode: string;
  readonly medicineName: string | null;
  readonly quantity: number;
  readonly unit: string;
  readonly dosageText: string;
}

/** The prescription as issued at the hub. */
export interface EpsPrescription {
  readonly shortFormId: string;
  readonly longFormId: string;
  readonly courseOfTherapy: 'ACUTE' | 'REPEAT';
  readonly issuedAt: Date;
  readonly nominatedDispenserOds: string | null;
  readonly items: readonly EpsItem[];
}

/** Who and where: looked up by the caller (patient data stays out of the prescribing tables). */
export interface EpsContext {
  /** The message id (a UUID): Bundle.id and Bundle.identifier. */
  readonly messageId: string;
  readonly patient: {
    readonly nhsNumber: string;
    readonly givenName: string;
    readonly familyName: string;
    /** YYYY-MM-DD. */
    readonly dateOfBirth: string;
    readonly gender: 'male' | 'female' | 'other' | 'unknown';
    readonly registeredPracticeOds: string;
  };
  readonly prescriber: {
    readonly family: string;
    readonly given?: string | null;
    readonly codeKind: PrescriberCodeKind;
    readonly code: string;
    readonly profession: Profession;
    /** From the CIS2 session when there is one. */
    readonly sdsUserId?: string | null;
    readonly sdsRoleProfileId?: string | null;
  };
  readonly costCentre: {
    readonly odsCode: string;
    readonly name: string;
    readonly parentCommissionerCode: string | null;
  };
  /** Where the message goes; the production $process-message endpoint by default. */
  readonly destinationEndpoint?: string;
}

type Json = Record<string, unknown>;

/** A UUID-shaped id derived from the long-form id and a role name, so rendering is repeatable. */
function derivedId(seed: string, role: string): string {
  const h = createHash('sha256').update(`${seed}:${role}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const urn = (id: string): string => `urn:uuid:${id}`;

/** The professional identifier on Practitioner; a spurious code goes on PractitionerRole as EPS expects. */
function practitionerIdentifiers(p: EpsContext['prescriber']): Json[] {
  const ids: Json[] = p.sdsUserId ? [{ system: 'https://fhir.nhs.uk/Id/sds-user-id', value: p.sdsUserId }] : [];
  if (p.codeKind === 'DIN') ids.push({ system: PRESCRIBER_IDENTIFIER_SYSTEMS.DIN, value: p.code });
  if (p.codeKind === 'PROFESSIONAL') {
    const body = REGISTRATION_OF[p.profession].body;
    // EPS carries GMC reference numbers with their "C" prefix.
    ids.push({ system: PRESCRIBER_IDENTIFIER_SYSTEMS[body], value: body === 'GMC' ? `C${p.code}` : p.code });
  }
  return ids;
}

/**
 * The prescription-order Bundle of an issued acute prescription with 1 to 4 items.
 *
 * @throws RangeError for a repeat (the registered practice's own system prescribes those) or an
 *   item count outside 1-4: both are domain invariants, so this is a programming error.
 */
export function renderEpsPrescriptionOrder(prescription: EpsPrescription, context: EpsContext): Json {
  if (prescription.courseOfTherapy !== 'ACUTE')
    throw new RangeError('renderEpsPrescriptionOrder: only acute prescriptions are issued at the hub');
  if (prescription.items.length < 1 || prescription.items.length > 4)
    throw new RangeError('renderEpsPrescriptionOrder: 1 to 4 items');
  const seed = prescription.longFormId;
  const ids = {
    header: derivedId(seed, 'MessageHeader'),
    patient: derivedId(seed, 'Patient'),
    practitioner: derivedId(seed, 'Practitioner'),
    role: derivedId(seed, 'PractitionerRole'),
    organisation: derivedId(seed, 'Organization'),
  };
  const { patient, prescriber, costCentre } = context;
  const type = PRESCRIPTION_TYPE_OF[prescriber.profession];
  const authoredOn = prescription.issuedAt.toISOString();

  const medicationRequests = prescription.items.map((item) => ({
    resourceType: 'MedicationRequest',
    id: item.lineItemId,
    extension: [
      {
        url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionType',
        valueCoding: {
          system: 'https://fhir.nhs.uk/CodeSystem/prescription-type',
          code: type.code,
          display: type.display,
        },
      },
      {
        url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-ResponsiblePractitioner',
        valueReference: { reference: urn(ids.role) },
      },
    ],
    identifier: [{ system: 'https://fhir.nhs.uk/Id/prescription-order-item-number', value: item.lineItemId }],
    status: 'active',
    intent: 'order',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
            code: 'community',
            display: 'Community',
          },
        ],
      },
    ],
    medicationCodeableConcept: {
      coding: [{ system: SCT, code: item.dmdCode, ...(item.medicineName ? { display: item.medicineName } : {}) }],
    },
    subject: { reference: urn(ids.patient) },
    requester: { reference: urn(ids.role) },
    authoredOn,
    groupIdentifier: {
      extension: [
        {
          url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId',
          valueIdentifier: { system: 'https://fhir.nhs.uk/Id/prescription', value: prescription.longFormId },
        },
      ],
      system: 'https://fhir.nhs.uk/Id/prescription-order-number',
      value: prescription.shortFormId,
    },
    courseOfTherapyType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy',
          code: 'acute',
          display: 'Short course (acute) therapy',
        },
      ],
    },
    dosageInstruction: [{ text: item.dosageText }],
    dispenseRequest: {
      extension: [
        {
          url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PerformerSiteType',
          // P1: a nominated community pharmacy; 0004: no nomination (the patient takes the token anywhere).
          valueCoding: {
            system: 'https://fhir.nhs.uk/CodeSystem/dispensing-site-preference',
            code: prescription.nominatedDispenserOds ? 'P1' : '0004',
          },
        },
      ],
      quantity: { value: item.quantity, unit: item.unit },
      ...(prescription.nominatedDispenserOds
        ? { performer: { identifier: { system: ODS, value: prescription.nominatedDispenserOds } } }
        : {}),
    },
    substitution: { allowedBoolean: false },
  }));

  const resources: Json[] = [
    {
      resourceType: 'MessageHeader',
      id: ids.header,
      eventCoding: {
        system: 'https://fhir.nhs.uk/CodeSystem/message-event',
        code: 'prescription-order',
        display: 'Prescription Order',
      },
      sender: { identifier: { system: ODS, value: costCentre.odsCode }, reference: urn(ids.role) },
      source: { endpoint: `urn:nhs-uk:addressing:ods:${costCentre.odsCode}` },
      destination: [
        {
          endpoint: context.destinationEndpoint ?? 'https://api.service.nhs.uk/fhir-prescribing/$process-message',
          receiver: { identifier: { system: ODS, value: 'X26' } },
        },
      ],
      focus: [{ reference: urn(ids.patient) }, { reference: urn(ids.role) }],
    },
    ...medicationRequests,
    {
      resourceType: 'Patient',
      id: ids.patient,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: patient.nhsNumber }],
      name: [{ use: 'usual', family: patient.familyName, given: [patient.givenName] }],
      gender: patient.gender,
      birthDate: patient.dateOfBirth,
      generalPractitioner: [{ identifier: { system: ODS, value: patient.registeredPracticeOds } }],
    },
    {
      resourceType: 'Practitioner',
      id: ids.practitioner,
      identifier: practitionerIdentifiers(prescriber),
      name: [{ family: prescriber.family, ...(prescriber.given ? { given: [prescriber.given] } : {}) }],
    },
    {
      resourceType: 'PractitionerRole',
      id: ids.role,
      identifier: [
        ...(prescriber.sdsRoleProfileId
          ? [{ system: 'https://fhir.nhs.uk/Id/sds-role-profile-id', value: prescriber.sdsRoleProfileId }]
          : []),
        ...(prescriber.codeKind === 'SPURIOUS'
          ? [{ system: PRESCRIBER_IDENTIFIER_SYSTEMS.SPURIOUS, value: prescriber.code }]
          : []),
      ],
      practitioner: { reference: urn(ids.practitioner) },
      organization: { reference: urn(ids.organisation) },
    },
    {
      resourceType: 'Organization',
      id: ids.organisation,
      identifier: [{ system: ODS, value: costCentre.odsCode }],
      name: costCentre.name,
      // EPS requires partOf (the commissioner holding the budget); an adapter refuses to send without it.
      ...(costCentre.parentCommissionerCode
        ? { partOf: { identifier: { system: ODS, value: costCentre.parentCommissionerCode } } }
        : {}),
    },
  ];

  return {
    resourceType: 'Bundle',
    id: context.messageId,
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: context.messageId },
    type: 'message',
    timestamp: authoredOn,
    entry: resources.map((resource) => ({ fullUrl: urn(resource.id as string), resource })),
  };
}
