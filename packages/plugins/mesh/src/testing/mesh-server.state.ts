/**
 * The local MESH server's in-memory state and delivery rules: mailboxes and their workflows,
 * uploads that become deliverable only when every chunk arrived, REPORT messages for
 * undeliverable messages (12 unknown recipient, 17 workflow not registered, 14 expired,
 * EPL-15x automatic routing), acknowledgement and expiry.
 */
import { randomBytes } from 'node:crypto';
import { isValidNhsNumber } from '../nhs-number.js';
import { newStoredMessage } from './mesh-server.messages.js';
import type { InjectedMessage, MeshServerMailbox, MeshServerOptions, StoredMessage } from './mesh-server.types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A failed operation: HTTP status plus the MESH error code and description for the body. */
export interface MeshFailure {
  status: number;
  code?: string;
  description?: string;
}

/** Whether a value is a {@link MeshFailure}. */
export function isFailure(value: unknown): value is MeshFailure {
  return typeof value === 'object' && value !== null && 'status' in value && !('messageId' in value);
}

/** In-memory MESH: one instance per server. */
export class MeshServerState {
  readonly mailboxes = new Map<string, MeshServerMailbox>();
  readonly messages = new Map<string, StoredMessage>();
  /** Inbox per mailbox, in arrival order. */
  private readonly inboxes = new Map<string, Map<string, StoredMessage>>();
  /** Automatic routing: NHSNUMBER_DOB_SURNAME (surname upper-case) -> mailbox ids. */
  private readonly routes = new Map<string, string[]>();
  private seq = 0;
  private idCounter = 0;
  readonly clock: () => Date;
  /** How long an unacknowledged message stays in an inbox. */
  readonly expiryMs: number;

  constructor(private readonly options: MeshServerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.expiryMs = (options.inboxExpiryDays ?? 5) * DAY_MS;
    for (const mailbox of options.mailboxes) this.addMailbox(mailbox);
  }

  /** Adds (or replaces) a mailbox. */
  addMailbox(mailbox: MeshServerMailbox): void {
    const id = mailbox.id.toUpperCase();
    this.mailboxes.set(id, { ...mailbox, id });
    if (!this.inboxes.has(id)) this.inboxes.set(id, new Map());
  }

  /** Registers GPPROVIDER_<nhs>_<dob>_<surname> -> mailbox; `dateOfBirth` exactly as it appears in the address. */
  addRoute(route: { nhsNumber: string; dateOfBirth: string; surname: string; mailboxId: string }): void {
    const key = `${route.nhsNumber}_${route.dateOfBirth}_${route.surname.toUpperCase()}`;
    this.routes.set(key, [...(this.routes.get(key) ?? []), route.mailboxId.toUpperCase()]);
  }

  private newMessageId(): string {
    const t = this.clock().toISOString().replace(/\D/g, '').slice(0, 17);
    this.idCounter = (this.idCounter + 1) % 1000;
    return `${t}${String(this.idCounter).padStart(3, '0')}_${randomBytes(3).toString('hex').toUpperCase()}`;
  }

  /** Starts an upload (first or only chunk). The sender is authenticated already. */
  startUpload(
    sender: string,
    h: Record<string, string | undefined>,
    totalChunks: number,
    firstChunk: Buffer,
  ): StoredMessage | MeshFailure {
    const to = h['mex-to']?.trim();
    const workflowId = h['mex-workflowid']?.trim();
    if (!to) return { status: 400, code: '08', description: 'TO_DTS missing' };
    if (!workflowId) return { status: 400, code: '06', description: 'Malformed headers: mex-workflowid missing' };
    const encoding = h['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'gzip') return { status: 422, description: 'UnsupportedContentEncoding' };
    if (firstChunk.length === 0) return { status: 417, code: '02', description: 'MissingDataFile' };
    const senderBox = this.mailboxes.get(sender)!;
    if (!senderBox.workflows.includes(workflowId)) {
      return { status: 403, code: '16', description: 'Sender not allowed to send this workflow' };
    }
    const isAutomatic = to.toUpperCase().startsWith('GPPROVIDER_');
    if (!isAutomatic && !this.mailboxes.has(to.toUpperCase()) && this.options.unknownRecipient === 'reject') {
      return { status: 417, code: '12', description: 'Unregistered to address' };
    }
    const message = newStoredMessage({
      messageId: this.newMessageId(),
      sender,
      addressedTo: to,
      workflowId,
      subject: h['mex-subject'],
      localId: h['mex-localid'],
      fileName: h['mex-filename'],
      checksum: h['mex-content-checksum'],
      contentType: h['content-type'],
      contentEncoding: encoding || undefined,
      partnerId: h['mex-partnerid'],
      totalChunks,
      chunks: [firstChunk],
      now: this.clock(),
    });
    this.messages.set(message.messageId, message);
    if (totalChunks === 1) this.complete(message);
    return message;
  }

  /** Adds chunk n (n >= 2) of an upload; completes the message when it was the last one missing. */
  addChunk(
    sender: string,
    messageId: string,
    chunk: number,
    total: number,
    encoding: string | undefined,
    body: Buffer,
  ) {
    const message = this.messages.get(messageId);
    if (!message || message.messageType !== 'DATA') return { status: 404, description: 'Message does not exist' };
    if (message.sender !== sender) return { status: 403, description: 'Not the sender of this message' };
    if (message.status !== 'uploading') return { status: 423, description: 'Message is not uploading' };
    if (total !== message.totalChunks || chunk < 2 || chunk > total) {
      return { status: 417, description: 'InvalidHeaderChunks' };
    }
    if ((encoding?.trim().toLowerCase() || undefined) !== message.contentEncoding) {
      return { status: 417, description: 'cannot change content encoding' };
    }
    message.chunks.set(chunk, body);
    if (message.chunks.size === message.totalChunks) this.complete(message);
    return { status: 202 };
  }

  /** All chunks arrived: route it, then deliver it or report why not. */
  private complete(message: StoredMessage): void {
    const target = this.resolve(message.addressedTo);
    if ('error' in target) return this.fail(message, target.error, target.description);
    const recipient = this.mailboxes.get(target.mailboxId)!;
    if (!recipient.workflows.includes(message.workflowId)) {
      return this.fail(message, '17', 'Workflow ID not registered for mailbox');
    }
    message.recipient = recipient.id;
    this.deliver(message);
  }

  private resolve(address: string): { mailboxId: string } | { error: string; description: string } {
    if (!address.toUpperCase().startsWith('GPPROVIDER_')) {
      const id = address.toUpperCase();
      return this.mailboxes.has(id) ? { mailboxId: id } : { error: '12', description: 'Unregistered to address' };
    }
    const [, nhs = '', dob = '', ...surname] = address.split('_');
    if (!isValidNhsNumber(nhs)) return { error: 'EPL-152', description: 'Invalid NHS Number' };
    const matches = this.routes.get(`${nhs}_${dob}_${surname.join('_').toUpperCase()}`) ?? [];
    if (matches.length === 0) return { error: 'EPL-151', description: 'No mailbox matched' };
    if (matches.length > 1) return { error: 'EPL-150', description: 'Multiple mailboxes matches' };
    return { mailboxId: matches[0]! };
  }

  private deliver(message: StoredMessage): void {
    const now = this.clock();
    message.status = 'accepted';
    message.acceptedAt = now;
    message.statusAt = now;
    message.inboxSeq = ++this.seq;
    this.inboxes.get(message.recipient!)!.set(message.messageId, message);
  }

  /** Marks a message failed and puts an error REPORT linked to it into the sender's inbox. */
  private fail(message: StoredMessage, code: string, description: string, status: 'error' | 'undeliverable' = 'error') {
    const now = this.clock();
    const event = { event: 'SEND', code, description, linkedMessageId: message.messageId, at: now };
    message.status = status;
    message.statusAt = now;
    message.errorEvent = event;
    if (!this.mailboxes.has(message.sender)) return;
    const report = newStoredMessage({
      messageId: this.newMessageId(),
      messageType: 'REPORT',
      sender: message.sender,
      recipient: message.sender,
      addressedTo: message.addressedTo,
      workflowId: message.workflowId,
      localId: message.localId,
      totalChunks: 1,
      chunks: [Buffer.alloc(0)],
      errorEvent: event,
      now,
    });
    this.messages.set(report.messageId, report);
    this.deliver(report);
  }

  /** Inbox page: messages after the cursor (an inbox sequence number), up to `max`. */
  listInbox(mailbox: string, max: number, afterSeq: number): { ids: string[]; nextSeq: number | undefined } {
    const ids: string[] = [];
    let nextSeq: number | undefined;
    for (const message of this.inboxes.get(mailbox)?.values() ?? []) {
      if (message.inboxSeq <= afterSeq) continue;
      if (ids.length === max) {
        nextSeq = this.messages.get(ids[ids.length - 1]!)!.inboxSeq;
        break;
      }
      ids.push(message.messageId);
    }
    return { ids, nextSeq };
  }

  /** Number of messages waiting in an inbox. */
  inboxCount(mailbox: string): number {
    return this.inboxes.get(mailbox)?.size ?? 0;
  }

  /** A message the given mailbox may download, or why not. */
  forRecipient(mailbox: string, messageId: string): StoredMessage | MeshFailure {
    const message = this.messages.get(messageId);
    if (message?.recipient !== mailbox || message.status === 'uploading') {
      return { status: 404, code: '20', description: 'Message does not exist' };
    }
    if (message.status !== 'accepted') return { status: 410, description: 'Message no longer available for download' };
    return message;
  }

  /** Acknowledges: removes from the inbox; repeated acknowledgement is harmless. */
  acknowledge(mailbox: string, messageId: string): MeshFailure | undefined {
    const message = this.messages.get(messageId);
    if (message?.recipient !== mailbox || message.status === 'uploading') {
      return { status: 404, code: '20', description: 'Message does not exist' };
    }
    if (message.status === 'acknowledged') return undefined;
    if (message.status !== 'accepted') return { status: 410, description: 'Message no longer available for download' };
    const now = this.clock();
    message.status = 'acknowledged';
    message.acknowledgedAt = now;
    message.statusAt = now;
    this.inboxes.get(mailbox)!.delete(messageId);
    return undefined;
  }

  /**
   * Removes messages left unacknowledged longer than the expiry period; each expired DATA message
   * gives its sender a REPORT with code 14. Returns the expired message ids.
   */
  expire(): string[] {
    const now = this.clock().getTime();
    const expired: string[] = [];
    for (const inbox of this.inboxes.values()) {
      for (const message of [...inbox.values()]) {
        if (now - (message.acceptedAt ?? message.createdAt).getTime() < this.expiryMs) continue;
        inbox.delete(message.messageId);
        expired.push(message.messageId);
        if (message.messageType === 'REPORT') {
          message.status = 'undeliverable';
          continue;
        }
        const days = Math.round(this.expiryMs / DAY_MS);
        this.fail(message, '14', `Message not collected by recipient after ${days} days`, 'undeliverable');
      }
    }
    return expired;
  }

  /** Mailboxes of an organisation registered for a workflow. */
  lookup(odsCode: string, workflowId: string): MeshServerMailbox[] {
    return [...this.mailboxes.values()].filter(
      (m) => m.odsCode?.toUpperCase() === odsCode.toUpperCase() && m.workflows.includes(workflowId),
    );
  }

  /** Puts a message straight into an inbox (tests: malformed payloads, bad checksums, volume). */
  inject(input: InjectedMessage): string {
    const chunks = input.chunks ?? [
      typeof input.body === 'string' ? Buffer.from(input.body) : (input.body ?? Buffer.alloc(0)),
    ];
    const recipient = input.to.toUpperCase();
    if (!this.inboxes.has(recipient)) throw new Error(`no mailbox ${recipient}`);
    const message = newStoredMessage({
      messageId: this.newMessageId(),
      sender: (input.from ?? 'UNKNOWN').toUpperCase(),
      recipient,
      addressedTo: recipient,
      workflowId: input.workflowId,
      subject: input.subject,
      localId: input.localId,
      fileName: input.fileName,
      checksum: input.checksum,
      contentType: input.contentType,
      contentEncoding: input.contentEncoding,
      totalChunks: chunks.length,
      chunks,
      now: this.clock(),
    });
    this.messages.set(message.messageId, message);
    this.deliver(message);
    return message.messageId;
  }

  /** Messages currently in a mailbox's inbox. */
  inboxMessages(mailbox: string): StoredMessage[] {
    return [...(this.inboxes.get(mailbox.toUpperCase())?.values() ?? [])];
  }
}
