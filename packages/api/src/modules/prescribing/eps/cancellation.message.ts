import { renderEpsPrescriptionOrder, type EpsContext, type EpsPrescription } from './order.message.js';

type Json = Record<string, unknown>;

/** The EPS status reason of a cancellation: a code of CodeSystem medicationrequest-status-reason. */
export interface EpsCancellation {
  readonly code: string;
  readonly display: string;
}

/**
 * Renders the cancellation of an issued hub prescription: the prescription-order-update message
 * (docs/domain/national-interfaces.md#eps-prescribing-api). It is the order Bundle with the
 * MessageHeader event changed and exactly one MedicationRequest (the first line: EPS cancels the
 * whole prescription it groups), its status `cancelled` with the status reason. `context.messageId`
 * is the cancellation's own message id. Pure, like the order.
 */
export function renderEpsCancellation(
  prescription: EpsPrescription,
  context: EpsContext,
  reason: EpsCancellation,
): Json {
  const order = renderEpsPrescriptionOrder(prescription, context);
  const entries = order.entry as { fullUrl: string; resource: Json }[];
  const firstRequest = entries.find((e) => e.resource.resourceType === 'MedicationRequest')!;
  const kept = entries.filter((e) => e.resource.resourceType !== 'MedicationRequest' || e === firstRequest);
  return {
    ...order,
    entry: kept.map((e) => {
      if (e.resource.resourceType === 'MessageHeader') {
        return {
          ...e,
          resource: {
            ...e.resource,
            eventCoding: {
              system: 'https://fhir.nhs.uk/CodeSystem/message-event',
              code: 'prescription-order-update',
              display: 'Prescription Order Update',
            },
          },
        };
      }
      if (e === firstRequest) {
        return {
          ...e,
          resource: {
            ...e.resource,
            status: 'cancelled',
            statusReason: {
              coding: [
                {
                  system: 'https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason',
                  code: reason.code,
                  display: reason.display,
                },
              ],
            },
          },
        };
      }
      return e;
    }),
  };
}
