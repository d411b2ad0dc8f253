/**
 * The operations the plugin sends, selecting only what it reads (the SDK's generated documents
 * select every field, the patient included).
 */
import { TypedDocumentString, type EpsOperation, type EpsOutcome, type EpsStatus } from '@pcn-hub/sdk/client';

export const EpsBundleDocument = new TypedDocumentString<
  {
    prescription: {
      id: string;
      shortFormId: string | null;
      epsBundle: string | null;
      epsMessages: readonly { messageId: string; status: EpsStatus }[];
    };
  },
  { id: string; operation: EpsOperation }
>(`query EpsBundle($id: ID!, $operation: EpsOperation!) {
  prescription(id: $id) { id shortFormId epsBundle(operation: $operation) epsMessages { messageId status } }
}`);

export interface ReportedMessage {
  readonly messageId: string;
  readonly operation: EpsOperation;
  readonly status: EpsStatus;
  readonly retries: number;
  readonly errorCode: string | null;
}

export const RecordOutcomeDocument = new TypedDocumentString<
  { recordEpsOutcome: { epsMessage: ReportedMessage } },
  { messageId: string; outcome: EpsOutcome; errorCode: string | null }
>(`mutation RecordEpsOutcome($messageId: ID!, $outcome: EpsOutcome!, $errorCode: String) {
  recordEpsOutcome(input: { messageId: $messageId, outcome: $outcome, errorCode: $errorCode }) {
    epsMessage { messageId operation status retries errorCode }
  }
}`);
