import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

export const INBOUND_STATES = ['RECEIVED', 'PARSED', 'PARSE_FAILED'] as const;
export type InboundState = (typeof INBOUND_STATES)[number];

/**
 * A transport message (MESH) stored by the hub before its sender's copy is acknowledged, so an
 * acknowledged message is never lost. Unique per transport, mailbox and message id: a second
 * download of the same message finds the first. Unparseable ones are kept, flagged for hub admins.
 */
const InboundMessageSchema = hubEntity(
  'InboundMessage',
  'inbound_message',
  {
    hub: () => p.manyToOne(Organisation).ref().index(),
    transport: p.string().length(20),
    mailboxId: p.string().length(40),
    messageId: p.string().length(100),
    workflowId: p.string().length(100).nullable(),
    messageType: p.string().length(20),
    senderMailboxId: p.string().length(40).nullable(),
    localId: p.string().length(200).nullable(),
    /** Transport headers (mex-*), as received. */
    headers: p.json<Record<string, string>>(),
    /** The raw body, base64; kept for inspection and re-parsing. */
    body: p.text(),
    bodyBytes: p.integer(),
    state: p.enum(INBOUND_STATES),
    /** Why parsing failed (no patient data). */
    failure: p.string().length(500).nullable(),
    onlineConsultationId: p.uuid().nullable(),
    recordedBy: p.string().length(100),
    receivedAt: createdAt(),
    processedAt: p.datetime().nullable(),
  },
  {
    uniques: [{ properties: ['transport', 'mailboxId', 'messageId'] }],
    indexes: [{ properties: ['state', 'receivedAt'] }],
  },
);
export class InboundMessage extends InboundMessageSchema.class {}
InboundMessageSchema.setClass(InboundMessage);
