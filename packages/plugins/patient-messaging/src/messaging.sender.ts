import type { HubClient } from '@pcn-hub/sdk/client';
import type { PluginWebhookEvent } from '@pcn-hub/sdk/plugin';
import { composeReply } from './messaging.compose.js';
import { RecordReplyStatusDocument, ReplyForDeliveryDocument, type ReportedReply } from './messaging.documents.js';
import type { MessagingGateway } from './messaging.gateway.js';

/** What the sender did with one event. */
export type ReplyResult =
  | { readonly kind: 'REPORTED'; readonly reply: ReportedReply }
  /** A transient gateway failure, reported: answer the webhook 5xx so that the hub redelivers it. */
  | { readonly kind: 'RETRY'; readonly reply: ReportedReply }
  | { readonly kind: 'IGNORED' };

/** Options of {@link ReplySender}. */
export interface ReplySenderOptions {
  /** A client calling as the plugin for an organisation that enabled it (by ODS code). */
  readonly hub: HubClient | ((organisationOds: string) => HubClient);
  readonly gateway: MessagingGateway;
}

/**
 * Delivers replies: for each `inbox.REPLY_REQUESTED` it reads the reply and the address from the
 * hub (`patient-messages:send`), sends it through the gateway keyed by the reply id, and reports the
 * status with `recordPatientReplyStatus`. Neither the text nor the address is logged or thrown.
 */
export class ReplySender {
  constructor(private readonly options: ReplySenderOptions) {}

  async handle(event: PluginWebhookEvent): Promise<ReplyResult> {
    const replyId = event.data.replyId;
    if (event.type !== 'inbox.REPLY_REQUESTED' || typeof replyId !== 'string') return { kind: 'IGNORED' };
    const hub =
      typeof this.options.hub === 'function' ? this.options.hub(event.organisation.odsCode) : this.options.hub;
    const { patientReplyForDelivery: view } = await hub.request(ReplyForDeliveryDocument, { replyId });
    // A redelivery of a reply the gateway already settled: nothing more to send.
    if (view.reply.status === 'DELIVERED' || view.reply.status === 'FAILED') return { kind: 'IGNORED' };
    const answer = await this.options.gateway.send({
      reference: replyId,
      channel: view.reply.channel,
      to: view.to,
      body: composeReply(view.reply),
    });
    const outcome = answer.kind === 'RETRY' ? 'RETRYING' : answer.kind;
    const errorCode = answer.kind === 'FAILED' || answer.kind === 'RETRY' ? answer.code : null;
    const { recordPatientReplyStatus } = await hub.request(RecordReplyStatusDocument, { replyId, outcome, errorCode });
    return { kind: answer.kind === 'RETRY' ? 'RETRY' : 'REPORTED', reply: recordPatientReplyStatus.reply };
  }
}
