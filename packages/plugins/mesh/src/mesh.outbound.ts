/**
 * Outbound write-back over MESH: sends a consultation summary as GP Connect Send Document, retries
 * transient failures with backoff, and follows the delivery through MESH REPORTs (by linked
 * message id) and ITK3 acknowledgements (by ITK message id) to DELIVERED or the dead letter.
 * Overdue acknowledgements raise an alert rather than failing silently.
 */
import { backoffDelay } from '@pcn-hub/sdk/client';
import type { ItkResponse } from './itk.response.js';
import { SEND_DOCUMENT_WORKFLOW_ID, renderSendDocument } from './itk.send-document.js';
import type { SendDocumentAddressing } from './itk.send-document.types.js';
import { isMeshError } from './mesh.errors.js';
import type { MeshLogger } from './mesh.inbound.types.js';
import type {
  OutboundDelivery,
  OutboundFailure,
  SendDocumentRequest,
  SendDocumentSenderOptions,
} from './mesh.outbound.types.js';
import type { MeshReport } from './mesh.types.js';

/** The longest wait between two attempts at one MESH call (exponential from the base until then). */
const MESH_MAX_BACKOFF_MS = 60 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;
const noLog: MeshLogger = () => undefined;

/** Sends Send Document messages and tracks their acknowledgements. */
export class SendDocumentSender {
  private readonly log: MeshLogger;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: SendDocumentSenderOptions) {
    this.log = o.logger ?? noLog;
    this.clock = o.clock ?? (() => new Date());
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Renders, records and sends one document. Resolves with the delivery in SENT, or FAILED when
   * routing failed or sending was given up (dead letter, with the reason), or, with
   * `deferRetries`, QUEUED after a retryable failure. Sending the same id again returns the
   * recorded delivery instead of a second message (a QUEUED one is sent, the same message).
   */
  async send(request: SendDocumentRequest): Promise<OutboundDelivery> {
    const doc = request.document;
    const id = request.id ?? `${doc.consultationId}:v${doc.version}`;
    const existing = await this.o.store.get(id);
    if (existing?.state === 'QUEUED') return this.transmit(existing);
    if (existing && !(existing.state === 'FAILED' && request.restartFailed)) return existing;
    let addressing: SendDocumentAddressing;
    try {
      addressing = await this.addressWithRetry(request);
    } catch (err) {
      const code = isMeshError(err) ? err.code : 'ROUTING';
      const failure = {
        source: 'ROUTING' as const,
        code,
        reason: err instanceof Error ? err.message : 'routing failed',
      };
      const delivery = this.newDelivery(id, request, undefined);
      if (this.o.deferRetries && isMeshError(err) && err.retryable) {
        // Not stored: nothing was rendered for a real address yet; the caller tries again later.
        delivery.failure = failure;
        return delivery;
      }
      return this.fail(delivery, failure);
    }
    const delivery = this.newDelivery(id, request, addressing);
    await this.o.store.save(delivery);
    return this.transmit(delivery);
  }

  /** A MESH REPORT for a message this mailbox sent: an error report ends the delivery. */
  async handleReport(report: MeshReport): Promise<OutboundDelivery | undefined> {
    if (report.linkedMessageId === undefined) return undefined;
    const delivery = await this.o.store.byMeshMessageId(report.linkedMessageId);
    if (!delivery || report.success) return delivery;
    return this.fail(delivery, {
      source: 'MESH_REPORT',
      code: report.statusCode ?? 'UNKNOWN',
      reason: `MESH could not deliver the message (status ${report.statusCode ?? 'unknown'})`,
    });
  }

  /** An ITK3 response: positive codes move the delivery on, negative codes end it. */
  async handleItkResponse(response: ItkResponse): Promise<OutboundDelivery | undefined> {
    const delivery = await this.o.store.byItkMessageId(response.itkMessageId);
    if (!delivery || delivery.state === 'FAILED' || delivery.state === 'DELIVERED') return delivery;
    const at = this.clock();
    if (!response.positive) {
      return this.fail(delivery, {
        source: 'ITK_NACK',
        code: response.code,
        reason: `negative ${response.kind.toLowerCase()} acknowledgement ${response.code}`,
      });
    }
    switch (response.kind) {
      case 'INFRASTRUCTURE':
        delivery.infAck = { code: response.code, at };
        delivery.state = 'INF_ACKED';
        break;
      case 'BUSINESS':
        delivery.busAck = { code: response.code, at };
        delivery.state = 'DELIVERED';
        break;
    }
    await this.o.store.save(delivery);
    this.log('info', 'mesh.outbound.acknowledged', {
      deliveryId: delivery.id,
      code: response.code,
      state: delivery.state,
    });
    return delivery;
  }

  /** Marks deliveries whose acknowledgement is overdue as TIMED_OUT and alerts; returns them. */
  async checkTimeouts(): Promise<OutboundDelivery[]> {
    const now = this.clock().getTime();
    const infLimit = this.o.infAckTimeoutMs ?? 24 * HOUR_MS;
    const busLimit = this.o.busAckTimeoutMs ?? 5 * 24 * HOUR_MS;
    const overdue: OutboundDelivery[] = [];
    for (const delivery of await this.o.store.awaitingAck()) {
      const late =
        (delivery.state === 'SENT' && delivery.sentAt && now - delivery.sentAt.getTime() > infLimit) ||
        (delivery.state === 'INF_ACKED' && delivery.infAck && now - delivery.infAck.at.getTime() > busLimit);
      if (!late) continue;
      const missing = delivery.state === 'SENT' ? 'infrastructure' : 'business';
      delivery.failure = {
        source: 'ACK_TIMEOUT',
        code: 'ACK_TIMEOUT',
        reason: `no ${missing} acknowledgement in time`,
      };
      delivery.state = 'TIMED_OUT';
      await this.o.store.save(delivery);
      this.log('warn', 'mesh.outbound.ack-timeout', { deliveryId: delivery.id, missing });
      await this.o.onAlert?.(delivery);
      overdue.push(delivery);
    }
    return overdue;
  }

  private async addressWithRetry(request: SendDocumentRequest): Promise<SendDocumentAddressing> {
    const maxAttempts = this.o.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.address(request);
      } catch (err) {
        const last = attempt >= maxAttempts || this.o.deferRetries === true;
        if (!isMeshError(err) || !err.retryable || last) throw err;
        await this.sleep(
          backoffDelay(attempt, { baseMs: this.o.retryBaseMs ?? 1000, maxMs: MESH_MAX_BACKOFF_MS, jitter: false }),
        );
      }
    }
  }

  private async address(request: SendDocumentRequest): Promise<SendDocumentAddressing> {
    const routing = request.routing;
    switch (routing.kind) {
      case 'MAILBOX':
        return { kind: 'MAILBOX', mailboxId: routing.mailboxId };
      case 'AUTOMATIC':
        return { kind: 'AUTOMATIC', dobFormat: routing.dobFormat };
      case 'ENDPOINT_LOOKUP': {
        const found = await this.o.client.endpointLookup(routing.odsCode, SEND_DOCUMENT_WORKFLOW_ID);
        if (found.length !== 1) {
          throw new Error(`endpoint lookup found ${found.length} mailboxes for ${routing.odsCode}`);
        }
        return { kind: 'MAILBOX', mailboxId: found[0]!.mailboxId };
      }
    }
  }

  private newDelivery(id: string, request: SendDocumentRequest, addressing: SendDocumentAddressing | undefined) {
    const rendered = renderSendDocument(request.document, {
      senderMailboxId: this.o.client.mailboxId,
      addressing: addressing ?? { kind: 'MAILBOX', mailboxId: 'UNRESOLVED' },
      ...(this.o.newId ? { newId: this.o.newId } : {}),
    });
    const delivery: OutboundDelivery = {
      id,
      consultationId: request.document.consultationId,
      documentId: rendered.documentId,
      version: request.document.version,
      itkMessageId: rendered.itkMessageId,
      to: rendered.mesh.to,
      recipientOdsCode: request.recipientOdsCode,
      body: rendered.body,
      subject: rendered.mesh.subject,
      localId: rendered.mesh.localId,
      fileName: rendered.mesh.fileName,
      meshMessageId: undefined,
      state: 'QUEUED',
      attempts: 0,
      createdAt: this.clock(),
      sentAt: undefined,
      infAck: undefined,
      busAck: undefined,
      failure: undefined,
    };
    return delivery;
  }

  private async transmit(delivery: OutboundDelivery): Promise<OutboundDelivery> {
    const maxAttempts = this.o.maxAttempts ?? 5;
    const base = this.o.retryBaseMs ?? 1000;
    for (;;) {
      delivery.attempts++;
      try {
        const sent = await this.o.client.send({
          to: delivery.to,
          workflowId: SEND_DOCUMENT_WORKFLOW_ID,
          body: delivery.body,
          subject: delivery.subject,
          localId: delivery.localId,
          fileName: delivery.fileName,
          contentType: 'application/fhir+json',
        });
        delivery.meshMessageId = sent.messageId;
        delivery.state = 'SENT';
        delivery.sentAt = this.clock();
        delivery.failure = undefined;
        await this.o.store.save(delivery);
        this.log('info', 'mesh.outbound.sent', {
          deliveryId: delivery.id,
          meshMessageId: sent.messageId,
          attempts: delivery.attempts,
        });
        return delivery;
      } catch (err) {
        const code = isMeshError(err) ? err.code : 'UNKNOWN';
        const retryable = isMeshError(err) && err.retryable;
        this.log('warn', 'mesh.outbound.send-failed', {
          deliveryId: delivery.id,
          code,
          retryable,
          attempt: delivery.attempts,
        });
        if (retryable && this.o.deferRetries) {
          delivery.failure = { source: 'SEND', code, reason: 'MESH did not accept the message yet' };
          await this.o.store.save(delivery);
          return delivery;
        }
        if (!retryable || delivery.attempts >= maxAttempts) {
          const reason = retryable ? `gave up after ${delivery.attempts} attempts` : 'MESH refused the message';
          return this.fail(delivery, { source: 'SEND', code, reason });
        }
        await this.o.store.save(delivery);
        await this.sleep(backoffDelay(delivery.attempts, { baseMs: base, maxMs: MESH_MAX_BACKOFF_MS, jitter: false }));
      }
    }
  }

  private async fail(delivery: OutboundDelivery, failure: OutboundFailure): Promise<OutboundDelivery> {
    delivery.state = 'FAILED';
    delivery.failure = failure;
    await this.o.store.save(delivery);
    this.log('error', 'mesh.outbound.dead-letter', {
      deliveryId: delivery.id,
      source: failure.source,
      code: failure.code,
    });
    await this.o.onDeadLetter?.(delivery);
    return delivery;
  }
}
