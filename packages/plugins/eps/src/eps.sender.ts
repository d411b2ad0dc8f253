import type { HubClient } from '@pcn-hub/sdk/client';
import type { PluginWebhookEvent } from '@pcn-hub/sdk/plugin';
import type { EpsService } from './eps.client.js';
import { EpsBundleDocument, RecordOutcomeDocument, type ReportedMessage } from './eps.documents.js';

/** What the sender did with one event. */
export type SendResult =
  /** EPS answered (accepted or rejected) and the hub has the outcome. */
  | { readonly kind: 'REPORTED'; readonly message: ReportedMessage }
  /** A transient failure, reported: answer the webhook 5xx so that the hub redelivers it. */
  | { readonly kind: 'RETRY'; readonly message: ReportedMessage }
  /** Not an EPS message event, or the hub has no such message (nothing to send). */
  | { readonly kind: 'IGNORED' };

const OPERATION_OF: Readonly<Record<string, 'ORDER' | 'CANCEL'>> = {
  'eps.EPS_ORDER_REQUESTED': 'ORDER',
  'eps.EPS_CANCEL_REQUESTED': 'CANCEL',
};

/** Options of {@link EpsSender}. */
export interface EpsSenderOptions {
  /** A client calling as the plugin for the hub (`registered.client('<hub ODS>')`, or `createHubClient`). */
  readonly hub: HubClient | ((organisationOds: string) => HubClient);
  readonly eps: EpsService;
}

/**
 * Sends the hub's EPS messages: for each `eps.*` event it reads the message from the hub (as the
 * plugin, with `eps:send`), sends it to EPS, and reports what EPS answered with `recordEpsOutcome`.
 * The message id is the same on every redelivery, so EPS de-duplicates a resend. Errors carry ids
 * and codes only; the message itself (patient data) is never logged or thrown.
 */
export class EpsSender {
  constructor(private readonly options: EpsSenderOptions) {}

  async handle(event: PluginWebhookEvent): Promise<SendResult> {
    const operation = OPERATION_OF[event.type];
    const prescriptionId = event.data.prescriptionId;
    const messageId = event.data.messageId;
    if (!operation || typeof prescriptionId !== 'string' || typeof messageId !== 'string') return { kind: 'IGNORED' };
    const hub =
      typeof this.options.hub === 'function' ? this.options.hub(event.organisation.odsCode) : this.options.hub;
    const { prescription } = await hub.request(EpsBundleDocument, { id: prescriptionId, operation });
    if (!prescription.epsBundle) return { kind: 'IGNORED' };
    // A redelivery of a message EPS already answered: nothing more to send.
    const known = prescription.epsMessages.find((m) => m.messageId === messageId);
    if (known?.status === 'ACCEPTED' || known?.status === 'REJECTED') return { kind: 'IGNORED' };
    const bundle = JSON.parse(prescription.epsBundle) as Record<string, unknown>;
    // The hub re-renders the message on every read; its id must be the one the event announced.
    if (bundle.id !== messageId) return { kind: 'IGNORED' };
    const answer = await this.options.eps.send(bundle, messageId);
    const outcome = answer.kind === 'RETRY' ? 'RETRYING' : answer.kind;
    const { recordEpsOutcome } = await hub.request(RecordOutcomeDocument, {
      messageId,
      outcome,
      errorCode: answer.kind === 'ACCEPTED' ? null : answer.code,
    });
    return { kind: answer.kind === 'RETRY' ? 'RETRY' : 'REPORTED', message: recordEpsOutcome.epsMessage };
  }
}
