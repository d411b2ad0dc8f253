/**
 * ITK3 response messages (event ITK008M): infrastructure (1xxxx/2xxxx, 20013 = success) and
 * business (3xxxx, 30001 = patient known here) acknowledgements. Negative codes are fatal and end
 * the exchange (docs/domain/national-interfaces.md#itk3-responses). Responses must carry no
 * patient data, and these carry none.
 */
import { randomUUID } from 'node:crypto';
import { FHIR_SYSTEMS, bundleResources, entry, obj, objects, ofType, str } from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';
import { itkMessageHeader } from './itk.header.js';

/** Infrastructure (handling and transport) or business (patient/workflow) acknowledgement. */
export type ItkResponseKind = 'INFRASTRUCTURE' | 'BUSINESS';

/** The ITK3 response message definition. */
export const ITK_RESPONSE_MESSAGE_DEFINITION =
  'https://fhir.nhs.uk/STU3/MessageDefinition/ITK-Response-MessageDefinition-1';

/** Known ITK3 response codes (ITK-ResponseCodes-1) with their meaning. */
export const ITK_RESPONSE_CODES: Readonly<Record<string, { display: string; positive: boolean }>> = {
  '10001': { display: 'Handling Specification Error', positive: false },
  '10002': { display: 'Infrastructure Level Response Value - Processing Error', positive: false },
  '10003': { display: 'Business Level Response Value - Processing Error', positive: false },
  '10004': { display: 'Message Definition Value - Processing Error', positive: false },
  '10005': { display: 'Message Definition Version Value - Processing Error', positive: false },
  '10006': { display: 'Handling Specification Error', positive: false },
  '10007': { display: 'Sender Reference Value - Processing Error', positive: false },
  '10008': { display: 'Handling Specification Business Rule Error', positive: false },
  '10009': { display: 'Unreadable message received', positive: false },
  '10010': { display: 'Recipient Type - Processing Error', positive: false },
  '20001': { display: 'Unrecognised Recipient Person', positive: false },
  '20002': { display: 'Unrecognised Recipient Organisation', positive: false },
  '20003': { display: 'Unrecognised Sender', positive: false },
  '20004': { display: 'Non-Approved file type received as an attachment', positive: false },
  '20005': { display: 'Unsupported file type received as an attachment', positive: false },
  '20006': { display: 'ITK header validation failure', positive: false },
  '20007': { display: 'Duplicate Message received', positive: false },
  '20008': { display: 'Duplicate Document received', positive: false },
  '20009': { display: 'Payload validation failure', positive: false },
  '20010': { display: 'Unrecognised Payload Recipient Organisation', positive: false },
  '20011': { display: 'Unrecognised Payload Recipient Person', positive: false },
  '20012': { display: 'Unauthorised Sender', positive: false },
  '20013': { display: 'Success', positive: true },
  '20014': { display: 'Unable to Process Replacement Document', positive: false },
  '20015': { display: 'Message too large', positive: false },
  '30001': { display: 'Patient known here', positive: true },
  '30002': { display: 'Patient not known here', positive: false },
  '30003': { display: 'Patient no longer at this clinical setting', positive: false },
  // The document landed; the practice also says the patient has recently died.
  '30004': { display: 'Patient known here and recently deceased', positive: true },
};

/** The kind of a response code, from its prefix. */
export function itkResponseKind(code: string): ItkResponseKind {
  return code.startsWith('3') ? 'BUSINESS' : 'INFRASTRUCTURE';
}

/** Inputs of {@link renderItkResponse}. */
export interface ItkResponseInput {
  /** The response code, e.g. "20013". */
  code: string;
  /** The ITK message id (MessageHeader.id) of the message responded to. */
  respondingTo: string;
  /** The responder's MESH mailbox. */
  senderMailboxId: string;
  /** The responder's organisation. */
  senderOrganisation: { odsCode: string; name: string };
  /** Free-text diagnostics (no patient data). */
  diagnostics?: string;
  timestamp?: string;
  newId?: () => string;
}

/** Renders an ITK3 response message bundle; returns it with its own ITK message id. */
export function renderItkResponse(input: ItkResponseInput): { itkMessageId: string; bundle: FhirObject; body: string } {
  const known = ITK_RESPONSE_CODES[input.code];
  if (!/^[123]\d{4}$/.test(input.code)) throw new RangeError('ITK response codes are five digits starting 1, 2 or 3');
  const positive = known?.positive ?? false;
  const newId = input.newId ?? randomUUID;
  const itkMessageId = newId();
  const outcomeId = newId();
  const orgId = newId();
  const timestamp = input.timestamp ?? new Date().toISOString();
  const outcome = {
    resourceType: 'OperationOutcome',
    id: outcomeId,
    meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Response-OperationOutcome-1'] },
    issue: [
      {
        severity: positive ? 'information' : 'fatal',
        code: positive ? 'informational' : 'processing',
        details: {
          coding: [
            { system: FHIR_SYSTEMS.itkResponseCodes, code: input.code, display: known?.display ?? 'ITK response' },
          ],
        },
        ...(input.diagnostics ? { diagnostics: input.diagnostics } : {}),
      },
    ],
  };
  const header = itkMessageHeader({
    id: itkMessageId,
    event: { code: 'ITK008M', display: 'ITK Response Message' },
    handling: {
      busAckRequested: false,
      infAckRequested: false,
      recipientType: 'FI',
      messageDefinition: ITK_RESPONSE_MESSAGE_DEFINITION,
      senderReference: 'None',
      localExtension: 'None',
    },
    senderOrganisationId: orgId,
    sourceEndpoint: input.senderMailboxId,
    timestamp,
    focusId: outcomeId,
    response: { identifier: input.respondingTo, code: positive ? 'ok' : 'fatal-error', detailsId: outcomeId },
  });
  const org = {
    resourceType: 'Organization',
    id: orgId,
    identifier: [{ system: FHIR_SYSTEMS.odsOrganisation, value: input.senderOrganisation.odsCode }],
    name: input.senderOrganisation.name,
  };
  const bundle: FhirObject = {
    resourceType: 'Bundle',
    id: itkMessageId,
    meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1'], lastUpdated: timestamp },
    identifier: { system: FHIR_SYSTEMS.uuid, value: itkMessageId },
    type: 'message',
    entry: [header, org, outcome].map(entry),
  };
  return { itkMessageId, bundle, body: JSON.stringify(bundle) };
}

/** A parsed ITK3 response. */
export interface ItkResponse {
  /** The ITK message id this responds to (MessageHeader.response.identifier). */
  itkMessageId: string;
  /** This response's own message id. */
  responseMessageId: string | undefined;
  code: string;
  kind: ItkResponseKind;
  positive: boolean;
  /** The code's display text. */
  display: string | undefined;
}

/** Why a bundle is not a readable ITK3 response. */
export interface ItkResponseParseFailure {
  reason: string;
}

/** Parses an ITK3 response bundle (object or JSON text). */
export function parseItkResponse(
  input: unknown,
): { ok: true; response: ItkResponse } | { ok: false; failure: ItkResponseParseFailure } {
  let bundle: unknown = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      bundle = JSON.parse(input.toString()) as unknown;
    } catch {
      return { ok: false, failure: { reason: 'not JSON' } };
    }
  }
  const b = obj(bundle);
  if (b?.['resourceType'] !== 'Bundle' || b['type'] !== 'message') {
    return { ok: false, failure: { reason: 'not a FHIR message bundle' } };
  }
  const resources = bundleResources(b);
  const header = ofType(resources, 'MessageHeader')[0];
  if (!header) return { ok: false, failure: { reason: 'no MessageHeader' } };
  const event = str(obj(header['event'])?.['code']);
  if (event !== 'ITK008M') return { ok: false, failure: { reason: 'not an ITK008M response message' } };
  const response = obj(header['response']);
  const respondingTo = str(response?.['identifier']);
  if (respondingTo === undefined) return { ok: false, failure: { reason: 'response.identifier missing' } };
  let code: string | undefined;
  let display: string | undefined;
  for (const outcome of ofType(resources, 'OperationOutcome')) {
    for (const issue of objects(outcome['issue'])) {
      const coding = objects(obj(issue['details'])?.['coding']).find(
        (c) => str(c['system']) === FHIR_SYSTEMS.itkResponseCodes,
      );
      if (coding && code === undefined) {
        code = str(coding['code']);
        display = str(coding['display']);
      }
    }
  }
  if (code === undefined || !/^[123]\d{4}$/.test(code))
    return { ok: false, failure: { reason: 'no ITK response code' } };
  const known = ITK_RESPONSE_CODES[code];
  // Codes outside the table (e.g. the OC pilot's 30005-30018) take their sense from response.code.
  const positive = known ? known.positive : str(response?.['code']) === 'ok';
  return {
    ok: true,
    response: {
      itkMessageId: respondingTo,
      responseMessageId: str(header['id']),
      code,
      kind: itkResponseKind(code),
      positive,
      display: display ?? known?.display,
    },
  };
}
