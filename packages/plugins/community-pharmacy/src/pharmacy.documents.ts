/**
 * The operations the producer sends, selecting only what it reads. The SDK's generated documents
 * select every field (the patient included, an audited patient read); a producer asks for ids and
 * write-back state only.
 */
import {
  TypedDocumentString,
  type ConsultationEntryKind,
  type HubConsultationState,
  type RecordConsultationInput,
  type SaveConsultationInput,
  type WriteBackDecision,
  type WriteBackDeliveryState,
  type WriteBackState,
} from '@pcn-hub/sdk/client';

/** One entry of a consultation as the producer reads it. */
export interface EntryView {
  readonly id: string;
  readonly kind: ConsultationEntryKind;
  readonly writeBack: {
    readonly state: WriteBackState;
    readonly decision: WriteBackDecision;
    readonly reason: string;
    readonly targetOrganisation: { readonly odsCode: string };
    readonly delivery: {
      readonly messageId: string;
      readonly state: WriteBackDeliveryState;
      readonly deliveredAt: string | null;
    } | null;
  } | null;
}

/** A consultation as the producer reads it. */
export interface ConsultationView {
  readonly id: string;
  readonly state: HubConsultationState;
  readonly version: number;
  readonly sourceProduct: string;
  readonly writeBackState: WriteBackState | null;
  readonly entries: readonly EntryView[];
}

const CONSULTATION = `id state version sourceProduct writeBackState
  entries { id kind writeBack { state decision reason targetOrganisation { odsCode } delivery { messageId state deliveredAt } } }`;

export const RecordDocument = new TypedDocumentString<
  { recordConsultation: { consultation: ConsultationView } },
  { input: RecordConsultationInput }
>(`mutation RecordPharmacyConsultation($input: RecordConsultationInput!) {
  recordConsultation(input: $input) { consultation { ${CONSULTATION} } }
}`);

export const SaveDocument = new TypedDocumentString<
  { saveConsultation: { consultation: ConsultationView } },
  { input: SaveConsultationInput }
>(`mutation SavePharmacyConsultation($input: SaveConsultationInput!) {
  saveConsultation(input: $input) { consultation { ${CONSULTATION} } }
}`);

export const ConsultationDocument = new TypedDocumentString<{ hubConsultation: ConsultationView }, { id: string }>(
  `query PharmacyConsultation($id: ID!) { hubConsultation(id: $id) { ${CONSULTATION} } }`,
);

/** The explanation of one entry's write-back, as the producer reads it. */
export interface ExplanationView {
  readonly entryId: string;
  readonly willWriteBack: boolean;
  readonly decision: WriteBackDecision;
  readonly state: WriteBackState | null;
  readonly reasons: readonly string[];
  readonly sourceProduct: string;
  readonly targetOrganisation: { readonly odsCode: string };
}

export const ExplainDocument = new TypedDocumentString<{ explainWriteBack: ExplanationView }, { entryId: string }>(
  `query ExplainPharmacyEntry($entryId: ID!) {
  explainWriteBack(entryId: $entryId) { entryId willWriteBack decision state reasons sourceProduct targetOrganisation { odsCode } }
}`,
);
