/** The ITK3 MessageHeader (ITK-MessageHeader-2) with its ITKMessageHandling extension. */
import { FHIR_SYSTEMS, isObject, obj, objects, ref, str, subExtension } from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';

/** The ITKMessageHandling keys (docs/domain/national-interfaces.md#itk3-messaging). */
export interface ItkMessageHandling {
  busAckRequested: boolean;
  infAckRequested: boolean;
  /** FA for action, FI for information. */
  recipientType: 'FA' | 'FI';
  messageDefinition: string;
  senderReference: string;
  localExtension: string;
}

/** Inputs of {@link itkMessageHeader}. */
export interface ItkMessageHeaderInput {
  id: string;
  event: { code: string; display: string };
  handling: ItkMessageHandling;
  /** id of the CareConnect-ITK-Header-Organization entry. */
  senderOrganisationId: string;
  /** The sender's MESH mailbox. */
  sourceEndpoint: string;
  timestamp: string;
  /** id of the focus resource (the document bundle, or the response OperationOutcome). */
  focusId: string;
  /** For responses: the message responded to and the outcome. */
  response?: { identifier: string; code: 'ok' | 'transient-error' | 'fatal-error'; detailsId: string };
}

/** Builds an ITK3 MessageHeader resource. */
export function itkMessageHeader(input: ItkMessageHeaderInput): FhirObject & { id: string } {
  const h = input.handling;
  return {
    resourceType: 'MessageHeader',
    id: input.id,
    meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2'] },
    extension: [
      {
        url: FHIR_SYSTEMS.itkMessageHandling,
        extension: [
          { url: 'BusAckRequested', valueBoolean: h.busAckRequested },
          { url: 'InfAckRequested', valueBoolean: h.infAckRequested },
          {
            url: 'RecipientType',
            valueCoding: {
              system: FHIR_SYSTEMS.itkRecipientType,
              code: h.recipientType,
              display: h.recipientType === 'FA' ? 'For Action' : 'For Information',
            },
          },
          { url: 'MessageDefinition', valueReference: { reference: h.messageDefinition } },
          { url: 'SenderReference', valueString: h.senderReference },
          { url: 'LocalExtension', valueString: h.localExtension },
        ],
      },
    ],
    event: { system: FHIR_SYSTEMS.itkMessageEvent, code: input.event.code, display: input.event.display },
    sender: ref(input.senderOrganisationId),
    timestamp: input.timestamp,
    source: { endpoint: input.sourceEndpoint },
    ...(input.response
      ? {
          response: {
            identifier: input.response.identifier,
            code: input.response.code,
            details: ref(input.response.detailsId),
          },
        }
      : {}),
    focus: ref(input.focusId),
  };
}

/** Reads the ITKMessageHandling extension of a MessageHeader; missing keys are undefined. */
export function readItkHandling(header: FhirObject): Partial<ItkMessageHandling> {
  const handling = objects(header['extension']).find((e) => str(e['url']) === FHIR_SYSTEMS.itkMessageHandling);
  const inner = handling?.['extension'];
  const bool = (url: string) => {
    const v = subExtension(inner, url)?.['valueBoolean'];
    return typeof v === 'boolean' ? v : undefined;
  };
  const recipient = str(obj(subExtension(inner, 'RecipientType')?.['valueCoding'])?.['code']);
  const definition = subExtension(inner, 'MessageDefinition')?.['valueReference'];
  const out: Partial<ItkMessageHandling> = {};
  const busAck = bool('BusAckRequested');
  const infAck = bool('InfAckRequested');
  if (busAck !== undefined) out.busAckRequested = busAck;
  if (infAck !== undefined) out.infAckRequested = infAck;
  if (recipient === 'FA' || recipient === 'FI') out.recipientType = recipient;
  const definitionRef = isObject(definition) ? str(definition['reference']) : undefined;
  if (definitionRef !== undefined) out.messageDefinition = definitionRef;
  const senderReference = str(subExtension(inner, 'SenderReference')?.['valueString']);
  if (senderReference !== undefined) out.senderReference = senderReference;
  const localExtension = str(subExtension(inner, 'LocalExtension')?.['valueString']);
  if (localExtension !== undefined) out.localExtension = localExtension;
  return out;
}
