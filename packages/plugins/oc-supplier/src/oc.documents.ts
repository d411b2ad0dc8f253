import { TypedDocumentString, type RoutingReason, type SubmitOnlineConsultationInput } from '@pcn-hub/sdk/client';

/** The answer of a submission, as the adapter reads it. */
export interface SubmissionView {
  readonly consultationId: string;
  readonly created: boolean;
  readonly routingReason: RoutingReason;
  readonly owner: { readonly odsCode: string };
}

/** Selects ids and routing only: the generated document selects more than a supplier needs. */
export const SubmitDocument = new TypedDocumentString<
  { submitOnlineConsultation: SubmissionView },
  { input: SubmitOnlineConsultationInput }
>(`mutation SubmitSupplierForm($input: SubmitOnlineConsultationInput!) {
  submitOnlineConsultation(input: $input) { consultationId created routingReason owner { odsCode } }
}`);
