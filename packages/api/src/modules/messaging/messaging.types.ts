import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { INBOUND_STATES, type InboundState } from './inbound-message.entity.js';

export const InboundStateEnum = graphqlEnum(INBOUND_STATES, {
  name: 'InboundMessageState',
  description: 'Where an inbound transport message stands.',
  values: {
    RECEIVED: 'Stored (the sender may now be acknowledged); not yet parsed.',
    PARSED: 'Parsed into the inbox (or recognised as a duplicate of what is there).',
    PARSE_FAILED: 'Could not be parsed: kept for hub admins to inspect, never dropped.',
  },
});

@ObjectType('TransportHeader', { description: 'One transport header (e.g. mex-workflowid).' })
export class TransportHeaderType {
  @Field(() => String, { description: 'Lower-case name.' })
  name!: string;
  @Field(() => String, { description: 'Value.' })
  value!: string;
}

@ObjectType('InboundMessage', {
  implements: Node,
  description: "A message received on the hub's mailbox (MESH), kept before it was acknowledged.",
})
export class InboundMessageType extends Node {
  readonly __typename = 'InboundMessage' as const;
  @Field(() => String, { description: 'MESH.' })
  transport!: string;
  @Field(() => String, { description: 'The hub mailbox it arrived in.' })
  mailboxId!: string;
  @Field(() => String, { description: "The transport's message id." })
  messageId!: string;
  @Field(() => String, { nullable: true, description: 'Workflow id.' })
  workflowId!: string | null;
  @Field(() => String, { description: 'DATA or REPORT.' })
  messageType!: string;
  @Field(() => String, { nullable: true, description: 'Sender mailbox.' })
  senderMailboxId!: string | null;
  @Field(() => String, { nullable: true, description: "Sender's local id." })
  localId!: string | null;
  @Field(() => [TransportHeaderType], { description: 'Headers as received.' })
  headers!: TransportHeaderType[];
  @Field(() => Int, { description: 'Body size in bytes.' })
  bodyBytes!: number;
  @Field(() => InboundStateEnum, { description: 'RECEIVED, PARSED or PARSE_FAILED.' })
  state!: InboundState;
  @Field(() => String, { nullable: true, description: 'Why parsing failed.' })
  failure!: string | null;
  @Field(() => ID, { nullable: true, description: 'Global id of the online consultation it became.' })
  onlineConsultationId!: string | null;
  @Field(() => DateTime, { description: 'When the hub stored it.' })
  receivedAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When it was settled.' })
  processedAt!: Date | null;
  body!: string;
}

export const { Connection: InboundMessageConnection } = connectionTypes(
  'InboundMessage',
  InboundMessageType,
  'A page of inbound messages, newest first.',
);

@InputType('TransportHeaderInput', { description: 'One transport header.' })
export class TransportHeaderInput {
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => String, { description: 'Value.' })
  value!: string;
}

@InputType('RecordInboundMessageInput', {
  description: 'A message downloaded from the hub mailbox, stored before acknowledging it.',
})
export class RecordInboundMessageInput {
  @Field(() => String, { description: 'MESH.' })
  transport!: string;
  @Field(() => String, { description: 'The hub mailbox id.' })
  mailboxId!: string;
  @Field(() => String, { description: "The transport's message id (the de-duplication key)." })
  messageId!: string;
  @Field(() => String, { nullable: true, description: 'Workflow id.' })
  workflowId?: string | null;
  @Field(() => String, { description: 'DATA or REPORT.' })
  messageType!: string;
  @Field(() => String, { nullable: true, description: 'Sender mailbox.' })
  senderMailboxId?: string | null;
  @Field(() => String, { nullable: true, description: "Sender's local id." })
  localId?: string | null;
  @Field(() => [TransportHeaderInput], { description: 'Headers as received.' })
  headers!: TransportHeaderInput[];
  @Field(() => String, { description: 'The whole body (all chunks, decompressed), base64.' })
  bodyBase64!: string;
}

@ObjectType('RecordInboundMessagePayload', { description: 'The stored message.' })
export class RecordInboundMessagePayload {
  @Field(() => InboundMessageType, { description: 'The message.' })
  message!: InboundMessageType;
  @Field(() => Boolean, {
    description:
      'True when it was stored before (a repeat download): acknowledge it, and settle it if not yet settled.',
  })
  alreadyRecorded!: boolean;
}

@InputType('SettleInboundMessageInput', { description: 'The outcome of parsing a stored message.' })
export class SettleInboundMessageInput {
  @Field(() => ID, { description: 'Global id of the inbound message.' })
  messageId!: string;
  @Field(() => InboundStateEnum, { description: 'PARSED or PARSE_FAILED.' })
  outcome!: InboundState;
  @Field(() => String, { nullable: true, description: 'Why parsing failed (no patient data).' })
  failure?: string | null;
  @Field(() => ID, { nullable: true, description: 'Global id of the online consultation it became.' })
  onlineConsultationId?: string | null;
}

@ObjectType('SettleInboundMessagePayload', { description: 'The settled message.' })
export class SettleInboundMessagePayload {
  @Field(() => InboundMessageType, { description: 'The message.' })
  message!: InboundMessageType;
}
