import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors, HubError } from '../../platform/errors.js';
import { keyset } from '../../platform/graphql/keyset.js';
import { uuidv7 } from '../../platform/ids.js';
import { Organisation } from '../organisations/index.js';
import { InboundMessage, type InboundState } from './inbound-message.entity.js';

export interface RecordInboundInput {
  transport: string;
  mailboxId: string;
  messageId: string;
  workflowId?: string | null;
  messageType: string;
  senderMailboxId?: string | null;
  localId?: string | null;
  headers: { name: string; value: string }[];
  bodyBase64: string;
}

const TRANSPORTS = ['MESH'];
const TOKEN = /^[A-Za-z0-9._:-]{1,100}$/;
const MAILBOX = /^[A-Z0-9]{1,40}$/;

const byReceipt = [
  { property: 'receivedAt', part: 'time', of: (m: InboundMessage) => m.receivedAt.toISOString() },
  { property: 'id', part: 'uuid', of: (m: InboundMessage) => m.id },
] as const;
/** Messages to settle, oldest first. */
const TO_SETTLE_PAGE = keyset(byReceipt, 'asc');
/** Messages to inspect, newest first. */
const INBOUND_PAGE = keyset(byReceipt, 'desc');
/** Cursor over (receivedAt, id), the same for both orders. */
export const inboundCursor = INBOUND_PAGE.cursorOf;

const MessagingErrors = {
  notFound: (id: string) =>
    new HubError('NOT_FOUND', `Inbound message ${id} not found`, { id, field: 'input.messageId' }),
  notHub: () => Errors.forbidden('Inbound transport messages belong to the hub: act for the hub organisation'),
};

/** The hub's store of inbound transport messages: record before acknowledging, settle after parsing. */
export class MessagingService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private hubId(): string {
    if (this.ctx.actor.organisationKind !== 'HUB') throw MessagingErrors.notHub();
    return this.ctx.actor.organisationId;
  }

  /** Stores the message once; a repeat (same transport, mailbox and id) returns the stored one. */
  async record(input: RecordInboundInput): Promise<{ message: InboundMessage; alreadyRecorded: boolean }> {
    const hubId = this.hubId();
    if (!TRANSPORTS.includes(input.transport)) throw Errors.badInput('input.transport', 'transport must be MESH');
    const mailboxId = input.mailboxId.trim().toUpperCase();
    if (!MAILBOX.test(mailboxId)) throw Errors.badInput('input.mailboxId', 'mailboxId must be 1-40 of A-Z, 0-9');
    if (!TOKEN.test(input.messageId))
      throw Errors.badInput(
        'input.messageId',
        'messageId must be 1-100 of A-Z, a-z, 0-9, dot, colon, hyphen, underscore',
      );
    if (input.messageType !== 'DATA' && input.messageType !== 'REPORT')
      throw Errors.badInput('input.messageType', 'messageType is DATA or REPORT');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.bodyBase64))
      throw Errors.badInput('input.bodyBase64', 'bodyBase64 is not base64');
    if (input.headers.length > 100) throw Errors.badInput('input.headers', 'at most 100 headers');
    const headers = Object.fromEntries(
      input.headers.map((h) => [h.name.toLowerCase().slice(0, 100), h.value.slice(0, 2000)]),
    );
    const existing = () =>
      this.ctx.em.fork().findOne(InboundMessage, { transport: input.transport, mailboxId, messageId: input.messageId });
    const found = await existing();
    if (found) return { message: found, alreadyRecorded: true };
    try {
      const message = await this.ctx.em.transactional(async (em) => {
        const row = em.create(InboundMessage, {
          id: uuidv7(),
          hub: em.getReference(Organisation, hubId),
          transport: input.transport,
          mailboxId,
          messageId: input.messageId,
          workflowId: input.workflowId ?? null,
          messageType: input.messageType,
          senderMailboxId: input.senderMailboxId ?? null,
          localId: input.localId ?? null,
          headers,
          body: input.bodyBase64,
          bodyBytes: Buffer.byteLength(input.bodyBase64, 'base64'),
          state: 'RECEIVED',
          failure: null,
          recordedBy: this.ctx.actor.id,
        });
        this.ctx.audit.record(em, { action: 'recordInboundMessage', subjectType: 'InboundMessage', subjectId: row.id });
        return row;
      });
      return { message, alreadyRecorded: false };
    } catch (error) {
      // Two pollers raced on the same message: the loser answers with the winner's row.
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await existing();
        if (winner) return { message: winner, alreadyRecorded: true };
      }
      throw error;
    }
  }

  /** Marks the outcome of parsing. Settling again with the same outcome is a no-op. */
  async settle(input: {
    id: string;
    outcome: 'PARSED' | 'PARSE_FAILED';
    failure?: string | null;
    onlineConsultationId?: string | null;
  }): Promise<InboundMessage> {
    const hubId = this.hubId();
    return this.ctx.em.transactional(async (em) => {
      const row = await em.findOne(InboundMessage, { id: input.id, hub: hubId });
      if (!row) throw MessagingErrors.notFound(input.id);
      row.state = input.outcome;
      row.failure = input.outcome === 'PARSE_FAILED' ? (input.failure?.slice(0, 500) ?? 'unparseable') : null;
      row.onlineConsultationId = input.onlineConsultationId ?? null;
      row.processedAt = new Date();
      this.ctx.audit.record(em, {
        action: 'settleInboundMessage',
        subjectType: 'InboundMessage',
        subjectId: row.id,
        reason: input.outcome,
      });
      return row;
    });
  }

  /**
   * The hub's messages still RECEIVED (stored, never settled), oldest first, optionally of one
   * mailbox: the recording plugin finishes them after a restart (its crash-recovery queue).
   */
  async toSettle(mailboxId: string | null, limit: number, after: string | null): Promise<InboundMessage[]> {
    const where: Record<string, unknown> = { hub: this.hubId(), state: 'RECEIVED' };
    if (mailboxId) where.mailboxId = mailboxId.trim().toUpperCase();
    Object.assign(where, TO_SETTLE_PAGE.after(after));
    const rows = await this.ctx.em.find(InboundMessage, where, { orderBy: TO_SETTLE_PAGE.orderBy, limit: limit + 1 });
    await this.ctx.audit.recordNow(this.ctx.em, [
      { action: 'readInboundMessagesToSettle', subjectType: 'InboundMessage', reason: `${rows.length} rows` },
    ]);
    return rows;
  }

  /** The hub's inbound messages, newest first: hub admins inspect PARSE_FAILED ones here. */
  async page(state: InboundState | null, limit: number, after: string | null): Promise<InboundMessage[]> {
    const where: Record<string, unknown> = { hub: this.hubId() };
    if (state) where.state = state;
    Object.assign(where, INBOUND_PAGE.after(after));
    const rows = await this.ctx.em.find(InboundMessage, where, { orderBy: INBOUND_PAGE.orderBy, limit: limit + 1 });
    await this.ctx.audit.recordNow(this.ctx.em, [
      { action: 'readInboundMessages', subjectType: 'InboundMessage', reason: `${rows.length} rows` },
    ]);
    return rows;
  }
}
