/** The operations the plugin sends, selecting only what it reads. */
import {
  TypedDocumentString,
  type ReplyChannel,
  type ReplyOutcome,
  type ReplyStatus,
  type ReplyTemplate,
} from '@pcn-hub/sdk/client';

/** A reply as the plugin reads it: content, channel and address (patient data: never logged). */
export interface ReplyView {
  readonly to: string;
  readonly reply: {
    readonly replyId: string;
    readonly template: ReplyTemplate;
    readonly text: string;
    readonly link: string | null;
    readonly channel: ReplyChannel;
    readonly status: ReplyStatus;
  };
}

export const ReplyForDeliveryDocument = new TypedDocumentString<
  { patientReplyForDelivery: ReplyView },
  { replyId: string }
>(
  `query ReplyForDelivery($replyId: ID!) {
  patientReplyForDelivery(replyId: $replyId) { to reply { replyId template text link channel status } }
}`,
);

/** A reply's status as the hub holds it after a report. */
export interface ReportedReply {
  readonly replyId: string;
  readonly status: ReplyStatus;
  readonly retries: number;
  readonly errorCode: string | null;
}

export const RecordReplyStatusDocument = new TypedDocumentString<
  { recordPatientReplyStatus: { reply: ReportedReply } },
  { replyId: string; outcome: ReplyOutcome; errorCode: string | null }
>(`mutation RecordReplyStatus($replyId: ID!, $outcome: ReplyOutcome!, $errorCode: String) {
  recordPatientReplyStatus(input: { replyId: $replyId, outcome: $outcome, errorCode: $errorCode }) {
    reply { replyId status retries errorCode }
  }
}`);
